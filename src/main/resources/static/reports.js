  const today = new Date();
  document.getElementById("to").value = today.toISOString().slice(0, 10);
  document.getElementById("from").value = new Date(today.getTime() - 365 * 86400000).toISOString().slice(0, 10);
  const charts = {};
  const colours = ["#1d70b8", "#f47738", "#00703c", "#912b88", "#d4351c", "#505a5f"];
  function draw(id, labels, datasets, stacked) {
    if (charts[id]) charts[id].destroy();
    charts[id] = new Chart(document.getElementById(id), {type: "bar", data: {labels, datasets},
      options: {animation: false, plugins: {title: {display: true, text: document.getElementById(id).getAttribute("aria-label")}},
        // counts are whole numbers: a count axis never reads 0.1, 0.2, ...
        scales: {x: {stacked}, y: {stacked, beginAtZero: true, ticks: {precision: 0}}}}});
  }
  Session.start().catch(() => null);
  const query = () => new URLSearchParams({council: document.getElementById("council").value || "all",
      from: document.getElementById("from").value, to: document.getElementById("to").value});
  document.getElementById("csv").addEventListener("click", async event => {
    event.preventDefault();
    const response = await Session.api("/api/reports/sufficiency?" + query(), {headers: {"Accept": "text/csv"}});
    const url = URL.createObjectURL(new Blob([await response.text()], {type: "text/csv"}));
    const a = document.createElement("a"); a.href = url; a.download = "sufficiency.csv"; a.click();
  });
  document.getElementById("report").addEventListener("submit", async event => {
    event.preventDefault();
    const message = document.getElementById("message");
    const response = await Session.api("/api/reports/sufficiency?" + query());
    if (!response.ok) {
      message.className = "error";
      message.textContent = await Session.problem(response);
      return;
    }
    const reports = await response.json();
    message.className = "";
    message.textContent = reports.length + (reports.length === 1 ? " council" : " councils side by side");
    const head = document.getElementById("figures-head");
    head.replaceChildren(Object.assign(document.createElement("th"), {textContent: "Figure"}));
    reports.forEach(r => head.append(Object.assign(document.createElement("th"), {textContent: r.council})));
    const rows = [["placementsStarted", "Placements started"], ["inHouse", "In-house"], ["independent", "Independent"],
      ["ideal", "The placement wanted"], ["secondBest", "Second-best"], ["moreThan20Miles", "More than 20 miles from home"],
      ["outOfArea", "Out of the home council's area"], ["childrenWithThreeOrMorePlacements", "Children with 3 or more placements"],
      ["referrals", "Referrals"], ["inHouseRestrictions", "Searches restricted to in-house"], ["offersPerReferral", "Offers per referral"],
      ["averageDaysReferralToPlacement", "Days from referral to placement"], ["overdueIroReviews", "Overdue IRO reviews"], ["disruptions", "Unplanned endings (disruptions)"]];
    const body = document.querySelector("#figures tbody");
    body.replaceChildren();
    for (const [key, label] of rows) {
      const tr = document.createElement("tr");
      tr.append(Object.assign(document.createElement("td"), {textContent: label}));
      // a figure with nothing to count says so, rather than a blank that reads as a fault
      reports.forEach(r => tr.append(Object.assign(document.createElement("td"), {textContent: r[key] == null ? "None in these dates" : String(r[key]),
          className: "figure-" + key + " council-" + r.council})));
      body.append(tr);
    }
    document.getElementById("figures").hidden = false;
    const keysOf = field => [...new Set(reports.flatMap(r => Object.keys(r[field])))].sort();
    const perCouncil = (field, codes) => reports.map((r, i) => ({label: r.council, backgroundColor: colours[i % colours.length],
        data: codes.map(l => Number(r[field][l] || 0))}));
    const words = codes => Promise.all(codes.map(Session.label));
    const types = keysOf("placementsByType");
    draw("chart-types", await words(types), perCouncil("placementsByType", types), false);
    draw("chart-kind", ["In-house", "Independent", "Wanted", "Second-best"], reports.map((r, i) => ({label: r.council,
        backgroundColor: colours[i % colours.length], data: [r.inHouse, r.independent, r.ideal, r.secondBest]})), false);
    const costTypes = keysOf("averageWeeklyCostByType");
    draw("chart-cost", await words(costTypes), perCouncil("averageWeeklyCostByType", costTypes), false);
    const needs = keysOf("referralsWithNoOptionByNeed");
    draw("chart-gaps", await words(needs), perCouncil("referralsWithNoOptionByNeed", needs), true);
    window.reportsShown = reports;
  });
