// app.js: the demo page. All token handling is in keycard-client.js; this file only draws.
// Server data is always inserted with textContent, never innerHTML, so it cannot become markup.
import * as keycard from './keycard-client.js';

const $ = (id) => document.getElementById(id);

// First of all, count CSP violations and script errors where people (and the browser tests) can see them.
document.addEventListener('securitypolicyviolation', (event) => {
  bump('csp-violations');
  logLine(`CSP blocked ${event.blockedURI || 'inline code'} (${event.violatedDirective})`);
});
window.addEventListener('error', (event) => bump('page-errors', event.message));
window.addEventListener('unhandledrejection', (event) => bump('page-errors', String(event.reason)));

function bump(id, message) {
  const counter = $(id);
  counter.dataset.count = String(Number(counter.dataset.count) + 1);
  counter.textContent = counter.dataset.count;
  if (message) logLine(`Script error: ${message}`);
  refreshChecks();
}

function setStatus(state, text) {
  const status = $('status');
  status.dataset.state = state; // machine-readable for tests: loading | signed-in | signed-out
  status.textContent = text;
}

function showError(id, message) {
  const element = $(id);
  element.textContent = message || '';
  element.hidden = !message;
}

function showSignedOut(reason) {
  $('signed-in-view').hidden = true;
  $('signed-out-view').hidden = false;
  $('profile').replaceChildren();
  $('sessions').replaceChildren();
  $('api-result').textContent = '';
  setStatus('signed-out', reason ? `Signed out (${reason}).` : 'Signed out.');
  refreshChecks();
}

async function showSignedIn() {
  $('signed-out-view').hidden = true;
  $('signed-in-view').hidden = false;
  showError('action-error', '');
  try {
    const [profile] = await Promise.all([getJson('api/profile'), loadSessions()]);
    renderProfile(profile);
    setStatus('signed-in', `Signed in as ${profile.email}.`);
  } catch (e) {
    reportActionError(e);
    if (keycard.isSignedIn()) setStatus('signed-in', 'Signed in, but the profile could not be loaded.');
  }
  refreshChecks();
}

async function getJson(path, options) {
  const response = await keycard.api(path, options);
  if (!response.ok) throw new keycard.KeycardError(response.status, 'http', `${path}: HTTP ${response.status}`);
  return response.json();
}

function renderProfile(profile) {
  const rows = [['User id', profile.userId], ['Email', profile.email], ['Roles', (profile.roles || []).join(', ')]];
  $('profile').replaceChildren(...rows.flatMap(([term, value]) => [
    element('dt', term), element('dd', value || '—'),
  ]));
}

async function loadSessions() {
  const sessions = await getJson('api/auth/sessions');
  const list = $('sessions');
  list.replaceChildren(...sessions.map((session) => {
    const item = element('li', '');
    item.dataset.sessionId = session.id;
    item.dataset.current = String(Boolean(session.current));
    const button = element('button', session.current ? 'Revoke (this browser)' : 'Revoke');
    button.type = 'button';
    button.className = 'revoke';
    button.dataset.sessionId = session.id;
    button.dataset.current = item.dataset.current;
    item.append(
      element('span', session.current ? 'This browser' : 'Other device', 'who'),
      element('span', session.userAgent || 'unknown browser', 'agent'),
      element('span', `signed in ${when(session.createdAt)}, last refresh ${when(session.lastUsedAt)}`, 'times'),
      button,
    );
    return item;
  }));
  list.dataset.loads = String(Number(list.dataset.loads) + 1); // tests wait on this counter
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

function reportActionError(e) {
  // Losing the session is shown by the signed-out view itself; only other failures need a message.
  if (keycard.isSignedIn()) showError('action-error', e.message);
}

// --- the teaching panel -------------------------------------------------------------------------
// Read-only checks: this page never writes to web storage or document.cookie; these lines prove it live.

function refreshChecks() {
  mark('check-local-storage', storageIsEmpty(() => window.localStorage));
  mark('check-session-storage', storageIsEmpty(() => window.sessionStorage));
  // The refresh cookie is httpOnly (and scoped to api/auth), so it must never show up here.
  mark('check-cookie', !/(^|;\s*)refreshToken=/.test(document.cookie));
  mark('check-csp', $('csp-violations').dataset.count === '0');
  mark('check-errors', $('page-errors').dataset.count === '0');
}

function storageIsEmpty(getStorage) {
  try {
    return getStorage().length === 0;
  } catch {
    return true; // storage disabled by the browser: certainly nothing in it
  }
}

function mark(id, ok) {
  $(id).dataset.ok = String(ok);
}

function showToken() {
  const info = keycard.tokenInfo();
  $('token-preview').textContent = info ? info.preview : 'none';
  if (!info) {
    $('token-expiry').textContent = '';
    return;
  }
  const seconds = Math.max(0, Math.round((info.expiresAt - Date.now()) / 1000));
  const mmss = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  $('token-expiry').textContent = `expires in ${mmss} (refreshed automatically shortly before)`;
}

const eventText = {
  'signed-in': (e) => (e.via === 'password'
    ? 'Signed in with the password: access token kept in memory, refresh cookie set (httpOnly).'
    : 'The refresh cookie was traded for a new access token (the cookie rotated).'),
  refreshed: () => 'Refreshed: new access token in memory, the refresh cookie rotated.',
  retry: (e) => `401 on ${e.path} (token expired): retried once with the fresh token.`,
  'signed-out': (e) => `Signed out (${e.reason}): the access token is gone from memory.`,
};

function logEvent(event) {
  const describe = eventText[event.type];
  if (describe) logLine(describe(event));
  showToken();
}

function logLine(text) {
  const log = $('log');
  log.prepend(element('li', `${new Date().toLocaleTimeString()}  ${text}`));
  while (log.children.length > 12) log.lastElementChild.remove();
}

// --- wiring -------------------------------------------------------------------------------------

keycard.onEvent((event) => {
  logEvent(event);
  if (event.type === 'signed-out') showSignedOut(event.reason);
});

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError('sign-in-error', '');
  $('sign-in').disabled = true;
  try {
    await keycard.login($('email').value, $('password').value);
    $('password').value = ''; // do not keep the password around in the DOM either
    await showSignedIn();
  } catch (e) {
    showError('sign-in-error', e.message);
  } finally {
    $('sign-in').disabled = false;
  }
});

$('call-api').addEventListener('click', async () => {
  showError('action-error', '');
  const result = $('api-result');
  try {
    // Two requests at once on purpose: with an expired token both get a 401 and share one refresh.
    const [profile] = await Promise.all([getJson('api/profile'), loadSessions()]);
    result.textContent = JSON.stringify(profile, null, 2);
  } catch (e) {
    reportActionError(e);
  }
  result.dataset.calls = String(Number(result.dataset.calls) + 1);
  refreshChecks();
});

$('sessions').addEventListener('click', async (event) => {
  const button = event.target.closest('button.revoke');
  if (!button) return;
  button.disabled = true;
  try {
    const response = await keycard.api(`api/auth/sessions/${encodeURIComponent(button.dataset.sessionId)}`,
      { method: 'DELETE' });
    if (!response.ok && response.status !== 404) throw new Error(`revoke: HTTP ${response.status}`);
    // Revoking this browser's own session is a sign-out: clear the cookie and tell the other tabs.
    if (button.dataset.current === 'true') await keycard.logout();
    else await loadSessions();
  } catch (e) {
    reportActionError(e);
    button.disabled = false;
  }
});

// Signing out always succeeds locally; if the server could not be told, say so in the status line.
const reportSignOutError = (e) => setStatus('signed-out', `Signed out here, but the server said: ${e.message}`);
$('sign-out').addEventListener('click', () => keycard.logout().catch(reportSignOutError));
$('sign-out-all').addEventListener('click', () => keycard.logoutAll().catch(reportSignOutError));

refreshChecks();
setInterval(() => {
  showToken();
  refreshChecks();
}, 1000);

// On load: one refresh. A valid cookie brings the signed-in view back without the password.
keycard.bootstrap()
  .then((signedIn) => (signedIn ? showSignedIn() : showSignedOut()))
  .catch((e) => showSignedOut(`could not reach the server: ${e.message}`));
