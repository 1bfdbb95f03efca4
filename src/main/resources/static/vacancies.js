// The homes whose vacancies the signed-in person keeps (their provider's, or their council's own), each with a small
// form to give the figure now. Every value is written as text, never as HTML; a refusal is shown next to its field.
(() => {
  const message = document.getElementById("message");
  const table = document.getElementById("homes");
  const rows = table.querySelector("tbody");
  const text = (tag, value, className) => Object.assign(document.createElement(tag), {textContent: value == null ? "" : String(value),
    className: className || ""});
  const cell = value => text("td", value);

  function updated(home) {
    const td = cell(home.display.vacanciesAsOf);
    td.className = "updated";
    if (home.vacanciesStale) td.append(text("span", home.display.vacanciesStale, "stale"));
    return td;
  }

  function row(home) {
    const tr = document.createElement("tr");
    tr.className = "home";
    tr.dataset.serviceId = home.serviceId;
    const now = cell(home.vacancies);
    now.className = "vacancies";
    const form = document.createElement("form");
    form.className = "vacancies";
    form.noValidate = true;   // the product's own message says what is wrong, next to the field
    const id = "vacancies-" + home.serviceId;
    const label = text("label", "Vacancies at " + home.name);
    label.htmlFor = id;
    label.className = "visually-hidden";
    const input = Object.assign(document.createElement("input"), {id, type: "number", min: "0", max: String(home.places || ""),
      step: "1", value: String(home.vacancies), required: true, inputMode: "numeric"});
    const error = text("span", "", "error");
    error.id = id + "-error";
    error.setAttribute("role", "alert");
    input.setAttribute("aria-describedby", error.id);
    const save = text("button", "Save");
    save.type = "submit";
    form.append(label, input, save, error);
    form.addEventListener("submit", async event => {
      event.preventDefault();
      error.textContent = "";
      input.removeAttribute("aria-invalid");
      const figure = input.value.trim();
      // a whole number, or else the API's own words naming the field
      const body = /^[0-9]{1,6}$/.test(figure) ? {vacancies: Number(figure)} : {vacancies: figure === "" ? null : figure};
      const response = await Session.api("/api/providers/" + home.providerId + "/services/" + home.serviceId + "/vacancies", {
        method: "PUT", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
      if (!response.ok) {
        input.setAttribute("aria-invalid", "true");
        error.textContent = await Session.problem(response, e => e.field === "vacancies" && e.message.startsWith("vacancies ")
          ? "Vacancies " + e.message.slice("vacancies ".length) : e.message);
        return;
      }
      const saved = await response.json();
      tr.replaceWith(row(saved));
      message.className = "saved";
      message.textContent = "Saved: " + saved.name + " has " + saved.vacancies + (saved.vacancies === 1 ? " vacancy" : " vacancies")
        + " as of " + saved.display.vacanciesAsOf + ".";
    });
    const change = document.createElement("td");
    change.append(form);
    tr.append(cell(home.name), cell(home.providerName), cell(home.display.placementType), cell(home.places), now, updated(home), change);
    return tr;
  }

  Session.start().then(async () => {
    const response = await Session.api("/api/providers/vacancies");
    if (!response.ok) {
      message.className = "error";
      message.textContent = response.status === 403
        ? "This page is for a provider's staff, and for a council's placements team and commissioning managers for the council's own homes."
        : await Session.problem(response);
      return;
    }
    const homes = await response.json();
    rows.replaceChildren(...homes.map(row));
    table.hidden = homes.length === 0;
    message.textContent = homes.length ? homes.length + (homes.length === 1 ? " home." : " homes.") : "You keep no homes' vacancies.";
  }).catch(() => null);
})();
