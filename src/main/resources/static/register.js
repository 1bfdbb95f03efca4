  const NEEDS = ["AUTISM", "LEARNING_DISABILITY", "PHYSICAL_DISABILITY", "EMOTIONAL_BEHAVIOURAL", "MENTAL_HEALTH", "SELF_HARM",
    "SUBSTANCE_MISUSE", "SEXUAL_EXPLOITATION_RISK", "CRIMINAL_EXPLOITATION_RISK", "GOING_MISSING", "UNACCOMPANIED_ASYLUM_SEEKING",
    "SIBLING_GROUP", "PARENT_AND_CHILD", "EHCP_EDUCATION"];
  const needsBox = document.getElementById("needs");
  for (const code of NEEDS) {
    const l = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = code;
    box.id = "need-" + code;
    const words = document.createElement("span");
    words.textContent = " " + code;
    // the need's name in the product's words (the code shows only until they arrive)
    Session.label(code).then(label => { words.textContent = " " + label; });
    l.append(box, words);
    needsBox.append(l);
  }
  // a refusal names the field as the page labels it ("Home postcode must be …"), not as the API does
  const FIELDS = {postcode: "Home postcode", age: "Age", placementType: "Placement type", maxMiles: "Within (miles)", needs: "Needs"};
  const plain = e => FIELDS[e.field] && e.message.startsWith(e.field + " ") ? FIELDS[e.field] + e.message.slice(e.field.length) : e.message;
  // every value is written as text, never as HTML
  const cell = value => { const td = document.createElement("td"); td.textContent = value == null ? "" : String(value); return td; };

  // the figure with the day its provider last gave it, and a stale one marked as such
  const vacancies = h => {
    const td = cell(h.display.vacancies);
    td.className = "vacancies";
    if (h.vacanciesStale) td.append(Object.assign(document.createElement("span"), {className: "stale", textContent: h.display.vacanciesStale}));
    return td;
  };

  // the register's keepers (commissioning managers, contracts officers) see which providers cannot be reached; others are refused
  async function showUnreachable() {
    const response = await Session.api("/api/providers/unreachable");
    if (!response.ok) return;
    const providers = await response.json();
    const section = document.getElementById("unreachable");
    const rows = section.querySelector("tbody");
    rows.replaceChildren();
    for (const p of providers) {
      const tr = document.createElement("tr");
      tr.append(cell(p.name), cell(p.display.accreditation), cell(p.why));
      rows.append(tr);
    }
    section.hidden = providers.length === 0;
  }
  Session.start().then(showUnreachable).catch(() => null);
  document.getElementById("search").addEventListener("submit", async event => {
    event.preventDefault();
    const message = document.getElementById("message");
    const table = document.getElementById("results");
    const params = new URLSearchParams({
      placementType: document.getElementById("placementType").value,
      age: document.getElementById("age").value,
      postcode: document.getElementById("postcode").value,
      maxMiles: document.getElementById("maxMiles").value
    });
    const needs = [...needsBox.querySelectorAll("input:checked")].map(b => b.value);
    if (needs.length) params.set("needs", needs.join(","));
    message.className = "";
    message.textContent = "Searching…";
    const response = await Session.api("/api/providers/search?" + params);
    if (!response.ok) {
      message.className = "error";
      message.textContent = await Session.problem(response, plain);
      table.hidden = true;
      return;
    }
    const homes = await response.json();
    const rows = table.querySelector("tbody");
    rows.replaceChildren();
    for (const h of homes) {
      const tr = document.createElement("tr");
      tr.className = "home";
      const d = h.display;
      tr.append(cell(h.name), cell(h.postcode), cell(h.providerName), cell(d.accreditation), cell(d.ofstedRating), cell(d.monitoringRating),
          cell(h.exitInterviews), cell(d.distance), vacancies(h), cell(d.weeklyFee), cell(d.specialisms));
      rows.append(tr);
    }
    table.hidden = homes.length === 0;
    message.textContent = homes.length + (homes.length === 1 ? " home matches." : " homes match.");
  });
