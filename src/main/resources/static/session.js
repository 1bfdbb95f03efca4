// The product's pages run in the session the person opened by signing in to the Tasklist: no second sign-in, and
// signing out of the Tasklist signs them out here too. Anything a page has shown is cleared the moment the session is
// found gone (on any request, and whenever the page is looked at again), so the next person at the desk sees nothing.
const Session = (() => {
  const TASKLIST = "/camunda/app/tasklist/";
  let current = null;
  const bar = () => document.getElementById("session");
  const text = value => document.createTextNode(value);
  const link = (label, href) => Object.assign(document.createElement("a"), {textContent: label, href});

  class SignedOut extends Error {}

  function signedOut() {
    current = null;
    document.querySelectorAll("[data-private]").forEach(element => {
      element.replaceChildren();
      element.hidden = true;
    });
    document.body.classList.add("signed-out");
    bar().replaceChildren(text("You are not signed in. "), link("Sign in to the Tasklist", TASKLIST), text(", then open this page again."));
  }

  function signedIn(session) {
    if (document.body.classList.contains("signed-out")) {
      // what was shown before was cleared away: start the page afresh for whoever signed in
      location.reload();
      return;
    }
    current = session;
    document.body.classList.remove("signed-out");
    const out = link("Sign out", "#");
    out.id = "sign-out";
    out.addEventListener("click", async event => {
      event.preventDefault();
      await fetch("/camunda/api/admin/auth/user/default/logout", {method: "POST", credentials: "same-origin",
        headers: {"X-XSRF-TOKEN": current && current.csrfToken || ""}}).catch(() => null);
      signedOut();
    });
    bar().replaceChildren(text("Signed in as " + session.name + " · "), link("Tasklist", TASKLIST), text(" · "), out);
  }

  /** A call to the product's API in this session; a change carries the session's CSRF token. */
  async function api(url, options = {}) {
    const headers = {"X-Requested-With": "XMLHttpRequest", "Accept": "application/json", ...(options.headers || {})};
    if (options.method && options.method !== "GET" && current && current.csrfToken) {
      headers["X-XSRF-TOKEN"] = current.csrfToken;
    }
    const response = await fetch(url, {...options, headers, credentials: "same-origin"});
    if (response.status === 401) {
      signedOut();
      throw new SignedOut("signed out");
    }
    return response;
  }

  /** The refusal or error of a response as one plain sentence, with the fields it names (as the page labels them). */
  async function problem(response, fieldWords = e => e.message) {
    const body = await response.json().catch(() => ({}));
    if (body.errors && body.errors.length) return body.errors.map(fieldWords).join("; ");
    if (response.status === 404) return "There is no such record, or it is not one you can see.";
    return body.message || "Something went wrong (" + response.status + "). Try again, or tell the service desk.";
  }

  async function start() {
    const response = await api("/api/session");
    signedIn(await response.json());
    return current;
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") start().catch(() => null);
  });

  /** Plain words for the codes in a response, from the one place the product keeps them (fetched once). */
  let labels = null;
  function label(code) {
    labels = labels || api("/api/labels").then(response => response.ok ? response.json() : {}).catch(() => ({}));
    return labels.then(words => words[code] || code);
  }

  return {api, start, problem, label, SignedOut};
})();
