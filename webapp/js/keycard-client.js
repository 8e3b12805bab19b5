// keycard-client.js: a small browser client for Keycard. No dependencies, no build step.
//
// The pattern it implements:
//   * The ACCESS token lives only in the variable `accessToken` below: JavaScript memory of this tab.
//     It is never written to Web Storage, IndexedDB or a script-visible cookie, so a reload
//     forgets it, and that is intended.
//   * The REFRESH token lives in an httpOnly cookie that this code cannot read. The browser sends it to
//     POST api/auth/refresh, which answers with a fresh access token and rotates the cookie.
//   * bootstrap() calls refresh on page load, so a reload stays signed in while the cookie is valid.
//   * api() adds the bearer header; on a 401 it refreshes once and retries once. Never more.
//
// Every URL is relative to the page (no leading slash), so the page works under any context path,
// e.g. a WAR deployed at /keycard/.

const LOCK_NAME = 'keycard-refresh';
const CHANNEL_NAME = 'keycard';
const MAX_REFRESHES_PER_MINUTE = 10; // hard cap: whatever goes wrong, we never hammer the server
const REFRESH_TIMEOUT_MS = 15_000;   // a hung refresh must not hold the cross-tab lock forever

let accessToken = null; // the one and only place the access token is kept
let expiresAt = 0;      // when it expires, by THIS browser's clock (from expiresIn, not from the JWT)
let refreshTimer = 0;
let inFlightRefresh = null; // concurrent callers in this tab share one refresh
let epoch = 0;              // bumped on every sign-out; a refresh started before it is discarded
const recentRefreshes = []; // timestamps, for the hard cap
const listeners = new Set();

/** Error for anything the server refused; carries the contract's `error` code. */
export class KeycardError extends Error {
  constructor(status, error, description) {
    super(description || error || `HTTP ${status}`);
    this.name = 'KeycardError';
    this.status = status;
    this.error = error;
  }
}

// Logout is announced to every tab of this origin: they all share the one refresh cookie,
// so once it is gone their in-memory access tokens should go too.
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;
if (channel) {
  channel.onmessage = (event) => {
    if (event.data && event.data.type === 'signed-out') {
      // No server call here: the tab that announced it already told the server.
      signOutLocally(`${event.data.reason} in another tab`);
    }
  };
}

/** Subscribes to client events: {type: 'signed-in' | 'refreshed' | 'signed-out' | 'retry', ...}. */
export function onEvent(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event) {
  for (const listener of listeners) listener(event);
}

/** True while this tab holds an access token. */
export function isSignedIn() {
  return accessToken !== null;
}

/** For teaching only: a shortened token (never the whole of it) and its expiry time. */
export function tokenInfo() {
  if (!accessToken) return null;
  return { preview: `${accessToken.slice(0, 10)}…${accessToken.slice(-6)}`, expiresAt };
}

/**
 * Called once on page load: trades the refresh cookie (if any) for an access token.
 * Resolves true when signed in, false when there is no valid cookie (the normal signed-out case,
 * a single expected 401); throws when the server could not be asked (network, 429, 503).
 */
export async function bootstrap() {
  try {
    await refresh();
    return true;
  } catch (e) {
    if (e instanceof KeycardError && (e.status === 401 || e.status === 403)) return false;
    throw e;
  }
}

/** Signs in with email and password. Throws KeycardError with the server's description on failure. */
export async function login(email, password) {
  const response = await fetch(url('api/login'), {
    ...baseOptions('POST'),
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw await errorFrom(response);
  acceptTokens(await response.json(), 'signed-in', 'password');
}

/** Signs out this browser: the server revokes the session and clears the cookie; every tab is told. */
export async function logout() {
  try {
    // Under the lock, so it cannot interleave with another tab's rotation of the same cookie.
    await withRefreshLock(() => fetch(url('api/auth/logout'), baseOptions('POST')));
  } finally {
    signOutLocally('signed out', true);
  }
}

/** Revokes every session of this user on every device, then signs out here and in every tab. */
export async function logoutAll() {
  try {
    const response = await api('api/auth/logout-all', { method: 'POST' });
    if (!response.ok && response.status !== 401) throw await errorFrom(response);
  } finally {
    signOutLocally('signed out everywhere', true);
  }
}

/**
 * fetch() for the protected API: adds `Authorization: Bearer`, and on a 401 refreshes once and
 * retries once. Returns the Response. `options.json` is a shortcut for a JSON body.
 * A body must be re-sendable (a string, not a stream) because of the retry.
 */
export async function api(path, options = {}) {
  const target = url(path);
  // The bearer token must never leave this origin, whatever path a caller passes.
  if (target.origin !== location.origin) throw new Error(`refusing to send the token to ${target.origin}`);

  let refreshed = false;
  if (!accessToken || Date.now() >= expiresAt) {
    // Known to be missing or expired by our own clock: refresh first rather than collect a 401.
    await refresh(); // throws (and signs out) when there is no valid cookie
    refreshed = true;
  }
  const usedToken = accessToken;
  let response = await send(target, options, usedToken);
  if (response.status !== 401) return response;

  if (!refreshed) {
    // Another request may already have replaced the token while this one was on the wire:
    // then just retry with the new one instead of refreshing a second time.
    if (accessToken === usedToken) await refresh();
    if (!accessToken) return response; // signed out meanwhile
    emit({ type: 'retry', path });
    response = await send(target, options, accessToken);
    if (response.status !== 401) return response;
  }
  // A brand-new token was refused: something is wrong that another refresh will not fix.
  signOutLocally('the server refused a fresh access token');
  return response;
}

/**
 * Trades the refresh cookie for a new access token. Concurrent callers in this tab share one
 * request; across tabs, refreshes take turns under a Web Lock so each presents the latest cookie.
 */
export function refresh() {
  if (!inFlightRefresh) {
    inFlightRefresh = refreshOnce().finally(() => {
      inFlightRefresh = null;
    });
  }
  return inFlightRefresh;
}

async function refreshOnce() {
  const startedIn = epoch;
  const now = Date.now();
  while (recentRefreshes.length && recentRefreshes[0] < now - 60_000) recentRefreshes.shift();
  if (recentRefreshes.length >= MAX_REFRESHES_PER_MINUTE) {
    signOutLocally('too many refreshes; stopped to protect the server');
    throw new KeycardError(429, 'too_many_refreshes', 'Too many refreshes in one minute.');
  }
  recentRefreshes.push(now);

  const response = await withRefreshLock(() =>
    fetch(url('api/auth/refresh'), { ...baseOptions('POST'), signal: timeoutSignal() }));
  if (epoch !== startedIn) throw new KeycardError(401, 'signed_out', 'Signed out during the refresh.');
  if (response.status === 401 || response.status === 403) {
    const error = await errorFrom(response);
    signOutLocally(error.message);
    throw error;
  }
  // 429/503/network trouble: "could not check", not "bad token". Keep the state; the caller decides.
  if (!response.ok) throw await errorFrom(response);
  acceptTokens(await response.json(), accessToken ? 'refreshed' : 'signed-in', 'refresh cookie');
}

function acceptTokens(body, eventType, via) {
  accessToken = body.accessToken;
  expiresAt = Date.now() + body.expiresIn * 1000;
  scheduleProactiveRefresh(body.expiresIn);
  emit({ type: eventType, via, expiresAt });
}

// Refresh a little before expiry so API calls rarely meet a 401 at all. The delay comes from the
// response's expiresIn, never from decoding the token: the browser's clock may disagree with the
// server's, but a duration measured here is right here.
function scheduleProactiveRefresh(expiresInSeconds) {
  clearTimeout(refreshTimer);
  const lifetimeMs = expiresInSeconds * 1000;
  const marginMs = Math.min(30_000, lifetimeMs / 4);
  refreshTimer = setTimeout(() => {
    refresh().catch(() => { /* already signed out or reported; the next api() call retries */ });
  }, Math.max(1_000, lifetimeMs - marginMs));
}

function signOutLocally(reason, announce = false) {
  const wasSignedIn = accessToken !== null;
  epoch += 1;
  accessToken = null;
  expiresAt = 0;
  clearTimeout(refreshTimer);
  if (announce && channel) channel.postMessage({ type: 'signed-out', reason });
  if (wasSignedIn || announce) emit({ type: 'signed-out', reason });
}

// Web Locks serialize refreshes across tabs: tab B waits while tab A rotates, then sends the cookie
// A's rotation set. Where the API is missing (older browsers, non-secure origins), the in-tab
// single flight in refresh() still holds, and the server's short reuse grace covers the rest.
function withRefreshLock(task) {
  if (navigator.locks && typeof navigator.locks.request === 'function') {
    return navigator.locks.request(LOCK_NAME, task);
  }
  return task();
}

function send(target, options, token) {
  const { json, headers, ...rest } = options;
  const request = { ...baseOptions(options.method || 'GET'), ...rest, headers: new Headers(headers) };
  request.headers.set('Authorization', `Bearer ${token}`);
  if (json !== undefined) {
    request.headers.set('Content-Type', 'application/json');
    request.body = JSON.stringify(json);
  }
  return fetch(target, request);
}

function baseOptions(method) {
  return {
    method,
    credentials: 'same-origin', // the cookie goes to this origin only
    cache: 'no-store',
    // The page is served with `Referrer-Policy: no-referrer`; under that policy the Fetch spec has a
    // POST carry `Origin: null`, which the server's CSRF check rightly refuses. `same-origin` keeps the
    // real Origin on our own requests and still sends nothing to any other site.
    referrerPolicy: 'same-origin',
  };
}

function url(path) {
  return new URL(path, document.baseURI);
}

function timeoutSignal() {
  return typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(REFRESH_TIMEOUT_MS) : undefined;
}

async function errorFrom(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy's error page, say): fall back to the status line
  }
  return new KeycardError(response.status, body.error, body.error_description);
}
