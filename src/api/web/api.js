// Talking to the brokerwatch API: the token (kept in this tab's sessionStorage only), JSON calls,
// and the live tail read over fetch so that the token can go in a header (EventSource cannot send one).
const TOKEN_KEY = 'brokerwatch.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function setToken(value) {
  if (value === '') sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, value);
}

export class ApiFailure extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? 'http_error';
    this.issues = body?.issues ?? [];
  }
}

function headers(extra = {}) {
  const value = token();
  return value === '' ? extra : { ...extra, authorization: `Bearer ${value}` };
}

/** `params`: an object whose array values become repeated parameters. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== '') search.append(name, String(one));
    }
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

export async function call(method, path, params = {}, body) {
  const init = { method, headers: headers(body === undefined ? {} : { 'content-type': 'application/json' }) };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(`${path}${query(params)}`, init);
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  const data = type.startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiFailure(response.status, typeof data === 'object' ? data : undefined);
  return data;
}

export const get = (path, params) => call('GET', path, params);

/**
 * Follows /api/v1/tail until `signal` aborts: `onEvent(event)` per event, `onProblem(message)` when
 * the server reports a failed poll. Resolves when the stream ends.
 */
export async function tail(params, signal, onEvent, onProblem) {
  const response = await fetch(`/api/v1/tail${query(params)}`, { headers: headers({ accept: 'text/event-stream' }), signal });
  if (!response.ok) throw new ApiFailure(response.status, await response.json());
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let type = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) type = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (data.length === 0) continue;
        const payload = JSON.parse(data.join('\n'));
        if (type === 'message') onEvent(payload);
        else onProblem(payload.message);
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}
