// The product's additions to the Tasklist, loaded through config.js's customScripts:
// - dates in the forms' date pickers read dd/mm/yyyy (form-js takes its date format from the browser's default locale);
// - a Case tab beside every task's form, linking to the referral's and the child's case pages in this same session;
// - after each completion, a confirmation saying what the case now waits on; after a referral is started, its reference;
// - Esc no longer throws away a half-filled form without asking;
// - a link to "Our homes and vacancies" for those who keep them.

// form-js asks Intl for the default locale's date pattern; the product serves English councils, so the default is en-GB
const NativeDateTimeFormat = Intl.DateTimeFormat;
function UkDateTimeFormat(locales, options) {
  const uk = locales === undefined || locales === 'default' ? 'en-GB' : locales;
  return new NativeDateTimeFormat(uk, options);
}
UkDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
UkDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
Intl.DateTimeFormat = UkDateTimeFormat;

const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.filter(c => c != null).map(c => typeof c === 'string' ? document.createTextNode(c) : c));
  return e;
};
const caseLink = (label, href) => el('a', {href, target: '_blank', rel: 'noopener', className: 'placements-case-link'}, label);

async function api(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}});
  return response.ok ? response.json() : null;
}

function waitingList(waitingOn) {
  if (!waitingOn || !waitingOn.length) {
    return el('p', {}, 'Nothing is waiting: no task is open and no answer is awaited.');
  }
  const ul = el('ul');
  waitingOn.forEach(w => ul.append(el('li', {}, el('strong', {}, w.what), ' — ' + (w.who || 'nobody yet') + (w.dueBy ? ', by ' + w.dueBy : ''))));
  return el('div', {}, el('p', {}, 'Now waiting on:'), ul);
}

/** The case a link belongs to, with what it waits on. */
async function caseOf(link) {
  if (link.referralId) {
    const c = await api('/api/cases/referrals/' + link.referralId);
    return {title: 'Referral ' + link.reference + (link.child ? ' — ' + link.child : ''), href: '/case.html?referral=' + link.referralId,
      waitingOn: c ? c.timeline.waitingOn : []};
  }
  const c = await api('/api/cases/children/' + link.childId);
  return {title: link.child, href: '/case.html?child=' + link.childId, waitingOn: c ? c.waitingOn : []};
}

// --- the confirmation after a completion ---------------------------------------------------------------------------
const links = new Map();

async function showConfirmation(headline, link) {
  document.getElementById('placements-confirmation')?.remove();
  const box = el('div', {id: 'placements-confirmation', role: 'status', className: 'placements-confirmation'});
  const close = el('button', {type: 'button', className: 'close', title: 'Close', onclick: () => box.remove()}, '×');
  box.append(close, el('p', {}, el('strong', {}, headline)));
  document.body.append(box);
  if (link) {
    const c = await caseOf(link);
    box.append(el('p', {}, c.title + ' · ', caseLink('Open the case page', c.href)), waitingList(c.waitingOn));
  }
}

function watch(method, url, status, responseText) {
  const task = /\/task\/([^/]+)\/(form-variables|submit-form)/.exec(url);
  if (task && method === 'GET' && status === 200 && !links.has(task[1])) {
    // remember the task's case while the task exists: once completed, it is gone
    api('/api/cases/tasks/' + task[1]).then(link => links.set(task[1], link));
  }
  if (task && task[2] === 'submit-form' && method === 'POST' && status < 300) {
    showConfirmation('Done: the task is complete.', links.get(task[1]));
  }
  const started = /\/process-definition\/[^/]+(\/key\/[^/]+)?\/submit-form/.test(url);
  if (started && method === 'POST' && status < 300) {
    let instance = null;
    try {
      instance = JSON.parse(responseText).id;
    } catch (e) {
      instance = null;
    }
    if (instance) {
      api('/api/cases/processes/' + instance).then(link => showConfirmation(link ? 'Submitted: referral ' + link.reference + ' has started.'
        : 'Submitted.', link));
    }
  }
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.addEventListener('load', () => {
    try {
      watch(String(method).toUpperCase(), String(url), this.status, this.responseType === '' || this.responseType === 'text' ? this.responseText : '');
    } catch (e) {
      // the Tasklist's own work matters more than the confirmation
    }
  });
  return open.call(this, method, url, ...rest);
};

// --- Esc in a form: ask before throwing away what was typed --------------------------------------------------------
window.addEventListener('keydown', event => {
  if (event.key !== 'Escape') {
    return;
  }
  const modal = document.querySelector('.modal .fjs-container, .modal form');
  if (modal && !window.confirm('Close the form? What you have entered will be lost.')) {
    event.stopImmediatePropagation();
    event.preventDefault();
  }
}, true);

// --- the Case tab, and the link to the homes' vacancies -------------------------------------------------------------
export default [{
  // beside Start process, for those who keep homes' vacancies (a provider's staff; a council's placements team and
  // commissioning managers for its own homes): the page answers anyone else with a refusal, so nobody else sees the link
  id: 'placements-vacancies-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: node => {
    api('/api/providers/vacancies').then(homes => {
      // marked once answered, so that a test can tell "no link" from "not yet"
      node.dataset.placementsVacancies = homes ? 'shown' : 'none';
      if (homes) {
        node.replaceChildren(el('a', {id: 'placements-vacancies-link', href: '/vacancies.html', target: '_blank', rel: 'noopener'},
          'Our homes and vacancies'));
      }
    });
  }
}, {
  id: 'placements-case',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  label: 'Case',
  render: (node, {taskId}) => {
    node.replaceChildren(el('p', {}, 'Finding the case…'));
    api('/api/cases/tasks/' + taskId).then(async link => {
      if (!link) {
        node.replaceChildren(el('p', {}, 'This task is not about a child\'s case (for example, a provider\'s accreditation).'));
        return;
      }
      links.set(taskId, link);
      const c = await caseOf(link);
      const parts = [el('p', {}, el('strong', {}, c.title)), el('p', {}, caseLink('Open the case page', c.href))];
      if (link.referralId && link.childId) {
        parts.push(el('p', {}, caseLink('Open the child\'s page: placements, reviews and decisions', '/case.html?child=' + link.childId)));
      }
      parts.push(waitingList(c.waitingOn));
      node.replaceChildren(el('div', {className: 'placements-case-tab'}, ...parts));
    });
  }
}];
