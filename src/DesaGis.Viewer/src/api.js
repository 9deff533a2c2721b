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
  send(apiUrl(path, params), { headers: { Accept: 'application/geo+json, application/json' }, signal });

export const postJson = (path, body) =>
  send(apiUrl(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
