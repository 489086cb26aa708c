// The HTTP API over the embedded SQLite store, over real HTTP: the store-facing suite, then what
// does not depend on the store: authentication, validation, the OpenAPI document, /metrics,
// /health, the web page's files and a clean close with a live tail open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiConfigError, createApiServer, openApiPath, WEB_ASSETS_PREFIX } from '../../src/api/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { Telemetry, createLogger } from '../../src/telemetry/index.js';
import { emitted, silentTelemetry, waitFor } from '../support/telemetry.js';
import { SseClient } from './sse.js';
import { apiStoreSuite } from './suite.js';
import { TOKEN, apiConfig, drill, startApi, type RunningApi } from './support.js';

const root = mkdtempSync(join(tmpdir(), 'bw-api-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dataDir = (): string => join(root, String((n += 1)));

apiStoreSuite('SQLite', (clock) => Promise.resolve(new SqliteStore({ dataDir: dataDir(), clock, telemetry: silentTelemetry() })));

/** Every route fastify serves, from its route tree (`printRoutes`), as `METHOD /path`. */
function servedRoutes(tree: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (match === null) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${stack.join('')}`);
  }
  return routes;
}

describe('API, store aside', () => {
  const { events, clock } = drill();
  let store: SqliteStore;
  let api: RunningApi;
  const logLines: string[] = [];
  const telemetry = new Telemetry({
    logger: createLogger('debug', new Writable({ write: (chunk: Buffer, _encoding, done) => (logLines.push(chunk.toString()), done()) })),
  });

  beforeAll(async () => {
    store = new SqliteStore({ dataDir: dataDir(), clock, telemetry });
    await store.write(events);
    api = await startApi({ store, clock, telemetry });
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  const call = (path: string, init: RequestInit = {}) => fetch(`${api.base}${path}`, init);
  const silence = JSON.stringify({ matchers: [{ name: 'alertname', value: 'x' }], duration: '1h', created_by: 'me', comment: 'test' });

  it('refuses a change without the token or with a wrong one (401, WWW-Authenticate), and never echoes a token', async () => {
    const none = await call('/api/v1/silences', { method: 'POST', headers: { 'content-type': 'application/json' }, body: silence });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="brokerwatch"');
    expect(await none.json()).toEqual({ code: 'unauthorized', message: 'this request needs the API token: send "Authorization: Bearer <token>"' });

    const wrongToken = 'not-the-token-9f2d';
    const wrong = await call('/api/v1/silences/some-id', { method: 'DELETE', headers: { authorization: `Bearer ${wrongToken}` } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer realm="brokerwatch", error="invalid_token"');
    expect(await wrong.text()).not.toContain(wrongToken);
    // Authorised, the request reaches the route: this process runs no alert service.
    const right = await call('/api/v1/silences', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: silence });
    expect(right.status).toBe(501);
    expect(await emitted(telemetry, 'api_auth_refused')).toBe(2);
    const log = logLines.join('');
    expect(log).toContain('"event":"api_auth_refused"');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(wrongToken);
  });

  it('leaves reads open unless auth_reads is set', async () => {
    expect((await call('/api/v1/search?limit=1')).status).toBe(200);
    const guarded = await startApi({ store, clock, telemetry: silentTelemetry(), config: apiConfig({ auth_reads: true }) });
    try {
      const without = await fetch(`${guarded.base}/api/v1/search?limit=1`);
      expect(without.status).toBe(401);
      expect(without.headers.get('www-authenticate')).toBe('Bearer realm="brokerwatch"');
      expect((await fetch(`${guarded.base}/api/v1/search?limit=1`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${guarded.base}/api/v1/search?limit=1`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
      expect((await fetch(`${guarded.base}/metrics`)).status).toBe(401);
      const tail = await fetch(`${guarded.base}/api/v1/tail`);
      expect(tail.status).toBe(401);
      // Probes, the page itself and the API description stay open.
      expect((await fetch(`${guarded.base}/health`)).status).toBe(200);
      expect((await fetch(`${guarded.base}/`)).status).toBe(200);
      const document = (await (await fetch(`${guarded.base}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { security: unknown[] }>> };
      expect(document.paths['/api/v1/search']!.get!.security).toEqual([{ bearer: [] }]);
    } finally {
      await guarded.close();
    }
  });

  it('disables changes when no token is configured (403), and refuses auth_reads without a token', async () => {
    const open = await startApi({ store, clock, telemetry: silentTelemetry(), config: { listen: '127.0.0.1:0', auth_reads: false } });
    try {
      const post = await fetch(`${open.base}/api/v1/silences`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer anything' }, body: silence });
      expect(post.status).toBe(403);
      expect(((await post.json()) as { code: string }).code).toBe('writes_disabled');
    } finally {
      await open.close();
    }
    expect(() =>
      createApiServer({ store, clock, telemetry, version: 'x', config: { listen: '127.0.0.1:0', auth_reads: true } }),
    ).toThrow(ApiConfigError);
  });

  it('reads the token from a file or an environment variable, as every secret of the configuration', async () => {
    process.env.BW_API_TEST_TOKEN = 'token-from-env-31c8';
    const fromEnv = await startApi({ store, clock, telemetry: silentTelemetry(), config: apiConfig({ token: { env: 'BW_API_TEST_TOKEN' } }) });
    try {
      const headers = { 'content-type': 'application/json', authorization: 'Bearer token-from-env-31c8' };
      expect((await fetch(`${fromEnv.base}/api/v1/silences`, { method: 'POST', headers, body: silence })).status).toBe(501);
    } finally {
      await fromEnv.close();
      delete process.env.BW_API_TEST_TOKEN;
    }
  });

  it('names the parameter in every 400', async () => {
    const cases: Array<[string, string, string]> = [
      ['/api/v1/search?limit=0', 'limit', 'must be an integer from 1 to 1000'],
      ['/api/v1/search?limit=ten', 'limit', 'must be an integer from 1 to 1000'],
      ['/api/v1/search?order=random', 'order', 'Invalid option: expected one of "newest_first"|"oldest_first"'],
      ['/api/v1/search?from=yesterday', 'from', 'not a time: "yesterday" (use e.g. 15m, 2h, 1d, now, or ISO-8601 like 2026-11-25T10:01:00Z)'],
      ['/api/v1/search?to=2026-02-30T10:00:00Z', 'to', 'not a time: "2026-02-30T10:00:00Z" (use e.g. 15m, 2h, 1d, now, or ISO-8601 like 2026-11-25T10:01:00Z)'],
      ['/api/v1/search?field=kafka.topics=orders', 'field', 'unknown field kafka.topics (docs/schema.md lists them)'],
      ['/api/v1/search?partition=three', 'partition', 'kafka.partition is a number, not "three"'],
      ['/api/v1/search?field=message=hello', 'field', 'field message is of type text and cannot be filtered by value (use text or time)'],
      ['/api/v1/search?field=orders', 'field', 'not name=value: "orders"'],
      ['/api/v1/search?level=loud', 'level', 'unknown level "loud" (one of trace, debug, info, notice, warning, error, critical)'],
      ['/api/v1/search?action=isr_shrunk', 'action', 'unknown action "isr_shrunk" (docs/taxonomy.md lists them)'],
      ['/api/v1/search?dataset=kafka', 'dataset', 'unknown dataset "kafka" (one of kafka.log, rabbitmq.log)'],
      ['/api/v1/search?exists=nope', 'exists', 'is not an event field (see docs/schema.md)'],
      ['/api/v1/search?after=bm90LWEtY3Vyc29y', 'after', 'is not a cursor returned by this API'],
      ['/api/v1/search?from=1h&to=2h', 'from', 'time.from is after time.to'],
      ['/api/v1/search?limt=10', 'limt', 'is not a parameter of this endpoint'],
      ['/api/v1/histogram?interval=5x', 'interval', 'not a duration like 30s, 15m, 2h, 1h30m, 1d: "5x"'],
      ['/api/v1/histogram?from=30d&interval=1s', 'interval', 'more than 10000 buckets: widen the interval'],
      ['/api/v1/timeline?alert=abc&from=1h', 'alert', 'an alert sets the window and the cluster: leave out from, to and cluster'],
      ['/api/v1/timeline?from=1h&to=2h', 'from', 'a timeline needs a window whose start is before its end'],
      ['/api/v1/timeline?storm_gap=0s', 'storm_gap', 'not a duration like 30s, 15m, 2h, 1h30m, 1d: "0s"'],
      ['/api/v1/events/abc/context?before=-1', 'before', 'must be an integer from 0 to 1000'],
      ['/api/v1/alerts?state=pending', 'state', 'Invalid option: expected one of "firing"|"resolved"'],
    ];
    for (const [path, parameter, message] of cases) {
      const response = await call(path);
      expect({ path, status: response.status, body: await response.json() }).toEqual({
        path,
        status: 400,
        body: { code: 'invalid_parameter', message: `${parameter}: ${message}`, issues: [{ parameter, message }] },
      });
    }
    const badBody = await call('/api/v1/silences', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ matchers: [], duration: '1h', ends_at: 'now', created_by: 'me', comment: 'x', extra: 1 }) });
    expect(badBody.status).toBe(400);
    expect(((await badBody.json()) as { issues: unknown[] }).issues).toEqual([
      { parameter: 'matchers', message: 'Too small: expected array to have >=1 items' },
      { parameter: 'extra', message: 'is not a known field' },
      { parameter: 'ends_at', message: 'give either ends_at or duration' },
    ]);
    const notJson = await call('/api/v1/silences', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: '{"matchers":' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { code: string }).code).toBe('invalid_request');
  });

  it('describes every route it serves in its OpenAPI document, and serves every route it describes', async () => {
    const document = (await (await call('/api/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string; parameters: Array<{ name: string; in: string; required: boolean; schema: unknown; style?: string }>; responses: Record<string, unknown>; security: unknown[] }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(document.openapi).toBe('3.1.0');
    const described = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const served = servedRoutes(api.app.printRoutes({ commonPrefix: false }))
      .filter((route) => route !== 'GET /' && !route.startsWith(`GET ${WEB_ASSETS_PREFIX}`))
      .map((route) => openApiPath(route));
    expect(served.length).toBeGreaterThanOrEqual(13);
    expect(new Set(described)).toEqual(new Set(served));

    const search = document.paths['/api/v1/search']!.get!;
    expect(search.security).toEqual([]);
    expect(search.parameters.find((p) => p.name === 'host')).toMatchObject({ in: 'query', required: false, style: 'form', schema: { type: 'array' } });
    expect(search.parameters.map((p) => p.name)).toEqual(['q', 'from', 'to', 'cluster', 'host', 'broker', 'dataset', 'level', 'action', 'topic', 'partition', 'field', 'exists', 'missing', 'order', 'limit', 'after']);
    expect(search.parameters.find((p) => p.name === 'limit')).toMatchObject({ schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } });
    expect(Object.keys(search.responses).sort()).toEqual(['200', '400', '503']);
    expect(document.paths['/api/v1/silences']!.post!.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/api/v1/silences/{id}']!.delete!.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } }]);
    expect(Object.keys(document.components.schemas.Event!.properties!)).toContain('kafka.isr.removed');
  });

  it('serves its metrics in the Prometheus format and its health', async () => {
    const metrics = await call('/metrics');
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toMatch(/brokerwatch_internal_events_total\{event="api_auth_refused"\} \d+/);
    expect(await (await call('/health')).json()).toEqual({ status: 'ok', store: 'sqlite' });
  });

  it('answers 404 in JSON for an unknown route, and serves the web page with a strict content policy', async () => {
    const missing = await call('/api/v1/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ code: 'not_found', message: 'no route GET /api/v1/nothing' });
    const page = await call('/');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    for (const asset of html.matchAll(/(?:src|href)="(\/web\/[^"]+)"/g)) {
      const response = await call(asset[1]!);
      expect({ asset: asset[1], status: response.status }).toEqual({ asset: asset[1], status: 200 });
    }
    expect((await call(`${WEB_ASSETS_PREFIX}..%2Fserver.ts`)).status).toBe(404);
  });

  it('ends open live tails when the server closes', async () => {
    const closing = await startApi({ store, clock, telemetry: silentTelemetry() });
    const tail = await SseClient.open(`${closing.base}/api/v1/tail`);
    await waitFor(() => tail.comments.includes('tail started'), 10_000, 'the tail to start');
    await closing.close();
    await tail.ended;
  });
});
