// A referral's or a child's whole case on one page: what it waits on, its story with who, when and why, the options
// with the providers' offers, and the placement decision record (printable). Every value arrives written for reading;
// this page only lays it out, and writes every value as text, never as HTML.
(() => {
  const params = new URLSearchParams(location.search);
  const root = document.getElementById("case");
  const message = document.getElementById("message");
  const el = (tag, props = {}, ...children) => {
    const e = Object.assign(document.createElement(tag), props);
    e.append(...children.filter(c => c != null).map(c => typeof c === "string" ? document.createTextNode(c) : c));
    return e;
  };
  const link = (label, href) => el("a", {href}, label);

  function facts(list) {
    const dl = el("dl", {className: "facts"});
    list.filter(f => f.value).forEach(f => dl.append(el("dt", {}, f.label), el("dd", {}, f.value)));
    return dl;
  }

  function table(headings, rows, rowClass) {
    const t = el("table");
    t.append(el("thead", {}, el("tr", {}, ...headings.map(h => el("th", {}, h)))));
    const body = el("tbody");
    rows.forEach(r => body.append(el("tr", {className: rowClass ? rowClass(r) : ""}, ...r.cells.map(c => el("td", {}, c == null ? "" : String(c))))));
    t.append(body);
    return t;
  }

  function waiting(list) {
    const box = el("div", {className: "waiting", id: "waiting-on"});
    if (!list.length) {
      box.append(el("p", {}, "Nothing is waiting: no task is open and no provider's answer is awaited."));
      return box;
    }
    const ul = el("ul");
    list.forEach(w => ul.append(el("li", {}, el("strong", {}, w.what), " — " + (w.who || "nobody yet") + (w.dueBy ? ", by " + w.dueBy : ""))));
    box.append(el("p", {}, "Waiting on:"), ul);
    return box;
  }

  function timeline(events) {
    return table(["When", "What happened", "Who", "Why"], events.map(e => ({cells: [e.when, e.what, e.who, e.why]})));
  }

  function showReferral(c) {
    document.title = "Referral " + c.reference;
    root.append(el("h1", {}, "Referral " + c.reference + (c.child ? " — " + c.child : "")));
    if (c.childId) root.append(el("p", {className: "no-print"}, link("The child's page: placements, reviews and decisions", "case.html?child=" + c.childId)));
    root.append(facts(c.facts));
    root.append(el("h2", {}, "What it is waiting on"), waiting(c.timeline.waitingOn));
    if (c.decisionRecord.length) {
      root.append(el("h2", {id: "decision-record"}, "Placement decision record"), facts(c.decisionRecord),
          el("p", {className: "actions"}, el("button", {type: "button", id: "print", onclick: () => window.print()}, "Print the decision record")));
    }
    if (c.options.length) {
      root.append(el("h2", {}, "Options considered, with the providers' offers"),
          table(["Rank", "Home", "Provider", "Kind", "Distance", "Weekly fee", "Ofsted", "Vacancies now", "Needs met", "Offer"],
              c.options.map(o => ({chosen: o.chosen, cells: [o.rank + (o.chosen ? " (chosen)" : ""), o.home, o.provider, o.kind, o.distance,
                o.weeklyFee, o.ofsted, o.vacancies, o.needsMet, o.offer]})), r => r.chosen ? "chosen" : ""));
    }
    root.append(el("h2", {}, "Timeline"), timeline(c.timeline.events));
  }

  function showChild(c) {
    document.title = c.name;
    root.append(el("h1", {}, c.name), facts(c.facts));
    root.append(el("h2", {}, "What is open"), waiting(c.waitingOn));
    root.append(el("h2", {}, "Placements"), c.placements.length ? table(["Home", "Provider", "Type", "From", "To", "Status", "Weekly cost", "Approved"],
        c.placements.map(p => ({cells: [p.home, p.provider, p.type, p.from, p.to, p.status, p.weeklyCost,
          p.approvedBy ? p.approvedBy + ", " + p.approvedAt + (p.reason ? ": " + p.reason : "") : ""]}))) : el("p", {}, "No placements yet."));
    const referrals = el("ul");
    c.referrals.forEach(r => referrals.append(el("li", {}, link(r.reference, "case.html?referral=" + r.id),
        " — " + r.status + ", submitted " + r.submitted + ", needed by " + r.neededBy)));
    root.append(el("h2", {}, "Referrals"), c.referrals.length ? referrals : el("p", {}, "No referrals."));
    root.append(el("h2", {}, "Reviews"), c.reviews.length ? table(["Review", "Due", "Held", "Outcome", "Status", "Brought forward because"],
        c.reviews.map(v => ({cells: [v.number, v.due, v.held, v.outcome, v.status, v.broughtForward]}))) : el("p", {}, "No reviews yet."));
    root.append(el("h2", {}, "Decisions"), c.decisions.length ? table(["When", "Decision", "Who", "Why"],
        c.decisions.map(d => ({cells: [d.when, d.what, d.who, d.why]}))) : el("p", {}, "No decisions recorded."));
  }

  async function load() {
    await Session.start();
    const referral = params.get("referral");
    const child = params.get("child");
    if (!/^\d+$/.test(referral || child || "")) {
      message.className = "error";
      message.textContent = "Open this page from a task's Case tab, or from a referral or child listed on another case page.";
      return;
    }
    const response = await Session.api(referral ? "/api/cases/referrals/" + referral : "/api/cases/children/" + child);
    if (!response.ok) {
      message.className = "error";
      message.textContent = await Session.problem(response);
      return;
    }
    root.replaceChildren();
    root.hidden = false;
    (referral ? showReferral : showChild)(await response.json());
  }

  load().catch(e => {
    if (!(e instanceof Session.SignedOut)) {
      message.className = "error";
      message.textContent = "The case could not be shown. Reload the page, or tell the service desk.";
    }
  });
})();
