// The public HTTP API of the DesaGis server: the viewer uses nothing else.

/** The server's root, derived from the page's address so the viewer also works under a reverse-proxy prefix. */
export const apiBase = new URL('..', document.baseURI);

/** An absolute URL of an API path ('search', 'collections/…'), with query parameters. */
export function apiUrl(path, params = {}) {
  const url = new URL(path.replace(/^\//, ''), apiBase);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, value);
  }
  return url.href;
}

// Planning (and restricted layers) need an API key; it is kept for the browser tab only, never in the URL.
const KEY_STORAGE = 'desagis.apiKey';
export const API_KEY_HEADER = 'X-API-Key';

export function apiKey() {
  try { return sessionStorage.getItem(KEY_STORAGE) ?? ''; } catch { return ''; }
}

export function setApiKey(key) {
  try {
    if (key) sessionStorage.setItem(KEY_STORAGE, key); else sessionStorage.removeItem(KEY_STORAGE);
  } catch { /* storage disabled: the key lasts until the page is left */ }
  memoryKey = key;
}
let memoryKey = '';

/** Headers that carry the API key, when one is set. */
export function authHeaders() {
  const key = apiKey() || memoryKey;
  return key ? { [API_KEY_HEADER]: key } : {};
}

/** A failed request, carrying the server's problem details (RFC 9457) when it sent them. */
export class ApiError extends Error {
  constructor(status, problem, url) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.url = url;
  }
}

async function send(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not JSON: the status says enough */ }
    throw new ApiError(response.status, problem, url);
  }
  return response.status === 204 ? null : response.json();
}

export const getJson = (path, params, signal) =>
  send(apiUrl(path, params), { headers: { Accept: 'application/geo+json, application/json', ...authHeaders() }, signal });

export const postJson = (path, body) =>
  send(apiUrl(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...authHeaders() },
    body: JSON.stringify(body),
  });
