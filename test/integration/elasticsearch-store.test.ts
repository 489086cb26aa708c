// The Elasticsearch store against the real Elasticsearch of scripts/engines/elasticsearch.sh: the
// shared contract, then what only Elasticsearch does (indices per day, dead letters, 429 items,
// an outage mid-write), and authentication against the secured instance.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { Client, errors } from '@elastic/elasticsearch';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock, type BrokerEvent, type Clock } from '../../src/core/index.js';
import {
  ElasticsearchStore,
  StoreUnauthorizedError,
  StoreUnreachableError,
  type ElasticsearchStoreOptions,
} from '../../src/store/index.js';
import { ES_SECURE_CREDENTIALS, ES_TLS_CA_FILE, enginePort } from '../support/engines.js';
import { syntheticEvents } from '../support/synthetic-events.js';
import { emitted, silentTelemetry, waitFor } from '../support/telemetry.js';
import { event, eventStoreContract } from '../store/contract.js';
import { runScript } from '../support/scripts.js';

const node = `http://127.0.0.1:${enginePort('ES_HTTP_PORT')}`;
const secureNode = `http://127.0.0.1:${enginePort('ES_SECURE_HTTP_PORT')}`;
const admin = new Client({ node });

const prefixes: string[] = [];
let n = 0;
/** Options for a store of its own: indices, template and dead-letter index under a fresh prefix. */
function isolated(clock: Clock, extra: Partial<ElasticsearchStoreOptions> = {}): ElasticsearchStoreOptions & { prefix: string } {
  n += 1;
  const prefix = `bwtest-${process.pid}-${n}`;
  prefixes.push(prefix);
  return {
    prefix,
    node,
    clock,
    telemetry: silentTelemetry(),
    indexPattern: `${prefix}-{dataset}-{yyyy.MM.dd}`,
    deadLetterIndex: `${prefix}-dead-letter`,
    templateName: prefix,
    numberOfReplicas: 0,
    refreshOnWrite: true,
    ...extra,
  };
}

afterAll(async () => {
  for (const prefix of prefixes) {
    const indices = await admin.cat.indices({ index: `${prefix}-*`, format: 'json', h: 'index' });
    const names = indices.map((row) => row.index!);
    if (names.length > 0) await admin.indices.delete({ index: names });
    await admin.indices.deleteIndexTemplate({ name: prefix }, { ignore: [404] });
  }
  await admin.close();
});

eventStoreContract('elasticsearch', ({ clock, maxAgeMs }) =>
  ElasticsearchStore.open(isolated(clock, maxAgeMs === undefined ? {} : { retention: { maxAgeMs } })),
);

describe('ElasticsearchStore', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 12));

  it('maps fields as the registry says and puts each event in the index of its own day and dataset', async () => {
    const options = isolated(clock);
    const store = await ElasticsearchStore.open(options);
    const kafka = event({ '@timestamp': '2026-11-18T23:59:59.999Z' });
    const rabbit = event({ '@timestamp': '2026-11-19T00:00:00.000Z', 'event.dataset': 'rabbitmq.log', 'service.type': 'rabbitmq' });
    await store.write([kafka, rabbit]);
    // A replay days later meets the same index and the same id.
    clock.advance(3 * 86_400_000);
    expect((await store.write([kafka])).map((r) => r.outcome)).toEqual(['duplicate']);
    const indices = (await admin.cat.indices({ index: `${options.prefix}-*`, format: 'json', h: 'index' })).map((r) => r.index).sort();
    expect(indices).toEqual([`${options.prefix}-dead-letter`, `${options.prefix}-kafka.log-2026.11.18`, `${options.prefix}-rabbitmq.log-2026.11.19`]);
    const mapping = await admin.indices.getMapping({ index: `${options.prefix}-kafka.log-2026.11.18` });
    const properties = Object.values(mapping)[0]!.mappings.properties!;
    expect(properties.message).toEqual({ type: 'text' });
    expect((properties.kafka as { properties: Record<string, unknown> }).properties.topic).toMatchObject({ type: 'keyword' });
    expect((properties.event as { properties: Record<string, unknown> }).properties.original).toEqual({ type: 'keyword', index: false, doc_values: false });
    await store.close();
  });

  it('sends an item Elasticsearch refuses for good to the dead-letter index, with the reason and the original', async () => {
    const options = isolated(clock);
    const store = await ElasticsearchStore.open(options);
    const good = event();
    // A real mapping conflict: kafka.partition is an integer in the template.
    const bad = { ...event(), 'kafka.partition': 'three' } as unknown as BrokerEvent;
    const results = await store.write([good, bad]);
    expect(results.map((r) => r.outcome)).toEqual(['stored', 'dead_lettered']);
    expect(results[1]!.reason).toMatch(/^document_parsing_exception: .*kafka\.partition/);
    await admin.indices.refresh({ index: options.deadLetterIndex! });
    const letters = await admin.search<Record<string, unknown>>({ index: options.deadLetterIndex! });
    expect(letters.hits.hits).toHaveLength(1);
    const letter = letters.hits.hits[0]!._source!;
    expect(letter['event.id']).toBe(bad['event.id']);
    expect(letter['error.type']).toBe('document_parsing_exception');
    expect(letter['brokerwatch.status']).toBe(400);
    expect(JSON.parse(letter['event.original'] as string)).toMatchObject({ 'kafka.partition': 'three', message: bad.message });
    expect(await emitted(options.telemetry, 'store_items_dead_lettered')).toBe(1);
    await store.close();
  });

  it('retries items refused with 429 until the index accepts writes again', async () => {
    const options = isolated(clock, { backoff: { initialDelayMs: 50, maxDelayMs: 200 } });
    const store = await ElasticsearchStore.open(options);
    const first = event({ '@timestamp': '2026-11-20T10:00:00.000Z' });
    await store.write([first]);
    const index = `${options.prefix}-kafka.log-2026.11.20`;
    // What the flood-stage disk watermark sets; Elasticsearch answers writes with 429 while it holds.
    await admin.indices.putSettings({ index, settings: { 'index.blocks.read_only_allow_delete': true } });
    const pending = store.write([event({ '@timestamp': '2026-11-20T10:00:01.000Z' })]);
    await waitFor(async () => (await emitted(options.telemetry, 'store_items_retried')) >= 2, 30_000, 'item retries');
    await admin.indices.putSettings({ index, settings: { 'index.blocks.read_only_allow_delete': null } });
    expect((await pending).map((r) => r.outcome)).toEqual(['stored']);
    await store.close();
  });

  it('loses nothing and doubles nothing when Elasticsearch goes away mid-write and comes back', async () => {
    const options = isolated(clock, {
      refreshOnWrite: false,
      bulk: { maxBulkDocs: 250, maxConcurrentRequests: 1 },
      backoff: { initialDelayMs: 200, maxDelayMs: 2_000 },
    });
    const store = await ElasticsearchStore.open(options);
    const events = [...syntheticEvents({ count: 150_000, startMs: Date.UTC(2026, 10, 24), stepMs: 500, seed: 7 })];
    const pattern = `${options.prefix}-*.log-*`;
    const stored = async (): Promise<number> => {
      try {
        await admin.indices.refresh({ index: pattern, allow_no_indices: true });
        return (await admin.count({ index: pattern, allow_no_indices: true })).count;
      } catch (error) {
        // A daily index just created has no shard ready yet (503): nothing countable so far.
        if (error instanceof errors.ResponseError && error.statusCode === 503) return 0;
        throw error;
      }
    };
    const pending = store.write(events);
    await waitFor(async () => (await stored()) > 0, 60_000, 'first events stored');
    await runScript('engines/elasticsearch.sh', ['stop']);
    await waitFor(async () => (await emitted(options.telemetry, 'store_bulk_retried')) > 0, 60_000, 'a retried bulk request');
    await runScript('engines/elasticsearch.sh', ['start']);
    const results = await pending;
    expect(results).toHaveLength(events.length);
    expect(results.every((r, i) => r.id === events[i]!['event.id'] && (r.outcome === 'stored' || r.outcome === 'duplicate'))).toBe(true);
    // Ids are unique per index and an event's index follows from its own timestamp, so the count
    // being exact means every event is there once.
    expect(await stored()).toBe(events.length);
    expect(await emitted(options.telemetry, 'store_bulk_retried')).toBeGreaterThan(0);
    await store.close();
  });
});

describe('ElasticsearchStore authentication (secured instance)', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 12));
  const secureAdmin = new Client({ node: secureNode, auth: ES_SECURE_CREDENTIALS });
  afterAll(async () => {
    const indices = await secureAdmin.cat.indices({ index: `bwsecure-${process.pid}-*`, format: 'json', h: 'index' });
    const names = indices.map((row) => row.index!);
    if (names.length > 0) await secureAdmin.indices.delete({ index: names });
    await secureAdmin.indices.deleteIndexTemplate({ name: `bwsecure-${process.pid}` }, { ignore: [404] });
    await secureAdmin.close();
  });
  const secured = (auth: ElasticsearchStoreOptions['auth']): ElasticsearchStoreOptions => ({
    node: secureNode,
    clock,
    telemetry: silentTelemetry(),
    indexPattern: `bwsecure-${process.pid}-{dataset}-{yyyy.MM.dd}`,
    deadLetterIndex: `bwsecure-${process.pid}-dead-letter`,
    templateName: `bwsecure-${process.pid}`,
    numberOfReplicas: 0,
    refreshOnWrite: true,
    ...(auth === undefined ? {} : { auth }),
  });

  it('writes and searches with basic auth', async () => {
    const store = await ElasticsearchStore.open(secured({ type: 'basic', ...ES_SECURE_CREDENTIALS }));
    const batch = [event(), event()];
    expect((await store.write(batch)).map((r) => r.outcome)).toEqual(['stored', 'stored']);
    expect((await store.search({ order: 'oldest_first' })).events.map((e) => e['event.id'])).toEqual(batch.map((e) => e['event.id']));
    await store.check();
    await store.close();
  });

  it('refuses to start with a wrong password, without the password in the error', async () => {
    const failure = await ElasticsearchStore.open(secured({ type: 'basic', username: ES_SECURE_CREDENTIALS.username, password: 'not-the-password' })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreUnauthorizedError);
    expect((failure as StoreUnauthorizedError).message).toBe('Elasticsearch refused the credentials (401): check the user/password or API key');
    // Nowhere in the error, its context or its cause (the client's request metadata included).
    const dump = inspect(failure, { depth: 20 });
    expect(dump).not.toContain('not-the-password');
    expect(dump).not.toContain(Buffer.from(`${ES_SECURE_CREDENTIALS.username}:not-the-password`).toString('base64'));
  });

  it('refuses to start without credentials, and with an API key the cluster does not know', async () => {
    await expect(ElasticsearchStore.open(secured(undefined))).rejects.toThrow(StoreUnauthorizedError);
    const unknownKey = Buffer.from('bw-unknown-id:bw-unknown-key').toString('base64');
    await expect(ElasticsearchStore.open(secured({ type: 'api_key', apiKey: unknownKey }))).rejects.toThrow(StoreUnauthorizedError);
  });

  it('says the store is unreachable when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    const failure = await ElasticsearchStore.open({ ...secured(undefined), node: `http://127.0.0.1:${port}` }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreUnreachableError);
    expect((failure as StoreUnreachableError).retryable).toBe(true);
  });
});

describe('ElasticsearchStore over HTTPS (TLS instance)', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 25, 12));
  const tlsNode = `https://127.0.0.1:${enginePort('ES_TLS_HTTP_PORT')}`;
  const ca = readFileSync(ES_TLS_CA_FILE, 'utf8');
  const tlsAdmin = new Client({ node: tlsNode, auth: ES_SECURE_CREDENTIALS, tls: { ca } });
  const name = `bwtls-${process.pid}`;
  afterAll(async () => {
    const indices = await tlsAdmin.cat.indices({ index: `${name}-*`, format: 'json', h: 'index' });
    const names = indices.map((row) => row.index!);
    if (names.length > 0) await tlsAdmin.indices.delete({ index: names });
    await tlsAdmin.indices.deleteIndexTemplate({ name }, { ignore: [404] });
    await tlsAdmin.close();
  });
  const overTls = (tls: ElasticsearchStoreOptions['tls']): ElasticsearchStoreOptions => ({
    node: tlsNode,
    clock,
    telemetry: silentTelemetry(),
    auth: { type: 'basic', ...ES_SECURE_CREDENTIALS },
    indexPattern: `${name}-{dataset}-{yyyy.MM.dd}`,
    deadLetterIndex: `${name}-dead-letter`,
    templateName: name,
    numberOfReplicas: 0,
    refreshOnWrite: true,
    ...(tls === undefined ? {} : { tls }),
  });

  it('trusts the cluster through a CA file and writes and searches', async () => {
    const store = await ElasticsearchStore.open(overTls({ caFile: ES_TLS_CA_FILE }));
    const batch = [event()];
    expect((await store.write(batch)).map((r) => r.outcome)).toEqual(['stored']);
    expect((await store.search({ filters: [{ field: 'event.id', values: [batch[0]!['event.id']] }] })).events).toHaveLength(1);
    await store.close();
  });

  it('trusts the cluster through the CA fingerprint', async () => {
    const fingerprint = new X509Certificate(ca).fingerprint256;
    const store = await ElasticsearchStore.open(overTls({ caFingerprint: fingerprint }));
    await store.check();
    await store.close();
    const wrong = `00${fingerprint.slice(2)}`;
    await expect(ElasticsearchStore.open(overTls({ caFingerprint: wrong }))).rejects.toThrow(StoreUnreachableError);
  });

  it('refuses a cluster whose certificate it cannot verify', async () => {
    const failure = await ElasticsearchStore.open(overTls(undefined)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(StoreUnreachableError);
    expect((failure as StoreUnreachableError).context.reason).toMatch(/certificate/);
  });
});
