// npm run bench:store: writes a million events into each store and prints events/s, with, for
// Elasticsearch, a baseline in the same run: the same documents, serialised beforehand, sent
// straight to _bulk with the same request size and concurrency. Then search latency (median, p99)
// of typical admin queries on that data.
//
// The events are synthetic (test/support/synthetic-events.ts): message templates after Kafka's
// and RabbitMQ's own wording, generated with realistic variety (clusters, hosts, files, topics,
// vhosts, levels, notable actions): the drills' captures hold too few distinct records to fill a
// million events without repeating them.
//
// Needs the plain Elasticsearch of scripts/engines/elasticsearch.sh. BW_BENCH_EVENTS overrides
// the count; BW_BENCH_STORES=sqlite (or elasticsearch) runs one store only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { systemClock, type BrokerEvent, type Instant, type SearchQuery } from '../src/core/index.js';
import { ElasticsearchStore, SqliteStore, type EventStore } from '../src/store/index.js';
import { IndexPattern } from '../src/store/elasticsearch/index-pattern.js';
import { Telemetry, createLogger } from '../src/telemetry/index.js';
import { enginePort } from '../test/support/engines.js';
import { syntheticEvents } from '../test/support/synthetic-events.js';
import { sendBulkBodies, serialiseBulkBodies } from './support/bulk-baseline.js';

const COUNT = Number(process.env.BW_BENCH_EVENTS ?? 1_000_000);
const STORES = (process.env.BW_BENCH_STORES ?? 'sqlite,elasticsearch').split(',');
const BATCH = 10_000;
/** Batches in flight at once, as an ingester pipeline keeps them. */
const IN_FLIGHT = 2;
/**
 * Events made at a time (baseline and store take turns slice by slice). The events are made as
 * they are needed: a million of them held in this process made every collection walk a heap of
 * gigabytes, on the store's turn (which allocates) and not on the baseline's, unlike any ingester.
 */
const SLICE = 100_000;
const START = Date.UTC(2026, 10, 18);
// Spread over about a week: a week of daily indices per dataset.
const STEP_MS = Math.round((7 * 86_400_000) / COUNT);
const END = START + COUNT * STEP_MS;
const node = `http://127.0.0.1:${enginePort('ES_HTTP_PORT')}`;
const telemetry = new Telemetry({ logger: createLogger('warn') });

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Seconds per event. */
async function writeAll(store: EventStore, events: readonly BrokerEvent[]): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < events.length) {
      const batch = events.slice(next, (next += BATCH));
      await store.write(batch);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return (performance.now() - started) / 1000 / events.length;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Workload {
  readonly name: string;
  readonly run: (store: EventStore, i: number) => Promise<unknown>;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const CLUSTERS = ['prod-eu', 'prod-us', 'staging'];
const day = (i: number): { from: Instant; to: Instant } => {
  const from = START + (i % 6) * DAY + (i % 24) * HOUR;
  return { from: from as Instant, to: (from + DAY) as Instant };
};

function workloads(sample: readonly BrokerEvent[]): Workload[] {
  const search = (name: string, query: (i: number) => SearchQuery): Workload => ({ name, run: (store, i) => store.search(query(i)) });
  return [
    search('newest 100 of a cluster', (i) => ({ filters: [{ field: 'broker.cluster', values: [CLUSTERS[i % 3]!] }] })),
    search('text "shrinking isr", a day', (i) => ({ text: 'shrinking ISR', time: day(i) })),
    search('text "connection", whole range', () => ({ text: 'connection' })),
    search('warnings+errors of a cluster, 6 h', (i) => ({
      time: { from: day(i).from, to: (day(i).from + 6 * HOUR) as Instant },
      filters: [
        { field: 'broker.cluster', values: [CLUSTERS[i % 3]!] },
        { field: 'log.level', values: ['warning', 'error'] },
      ],
    })),
    search('topic orders partition 3, a day', (i) => ({
      time: day(i),
      filters: [
        { field: 'kafka.topic', values: ['orders'] },
        { field: 'kafka.partition', values: [3] },
      ],
    })),
    search('vhost scope, oldest first, a day', (i) => ({ time: day(i), order: 'oldest_first', scope: { vhosts: ['billing'] } })),
    { name: 'timeline of a cluster, a day', run: (store, i) => store.timeline({ time: day(i), scope: { clusters: [CLUSTERS[i % 3]!] } }) },
    { name: 'histogram, a day in 5 min buckets', run: (store, i) => store.histogram({ time: day(i), intervalMs: 300_000 }) },
    {
      name: 'second page via cursor',
      run: async (store, i) => {
        const first = await store.search({ filters: [{ field: 'host.name', values: [sample[i % sample.length]!['host.name']!] }] });
        return store.search({ after: first.next!, filters: [{ field: 'host.name', values: [sample[i % sample.length]!['host.name']!] }] });
      },
    },
    { name: 'context ±20 of a record', run: (store, i) => store.context({ id: sample[i % sample.length]!['event.id'], before: 20, after: 20 }) },
  ];
}

async function latencies(label: string, store: EventStore, sample: readonly BrokerEvent[], runs: number): Promise<number> {
  let worstP99 = 0;
  for (const workload of workloads(sample)) {
    await workload.run(store, 0);
    const times: number[] = [];
    for (let i = 1; i <= runs; i += 1) {
      const started = performance.now();
      await workload.run(store, i);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p99 = percentile(times, 99);
    worstP99 = Math.max(worstP99, p99);
    log(`  ${label.padEnd(13)} ${workload.name.padEnd(36)} median ${percentile(times, 50).toFixed(1).padStart(7)} ms   p99 ${p99.toFixed(1).padStart(7)} ms`);
  }
  return worstP99;
}

/** The benchmark's events, SLICE at a time, the same ones at every call. */
function* eventSlices(): Generator<BrokerEvent[]> {
  let slice: BrokerEvent[] = [];
  for (const event of syntheticEvents({ count: COUNT, startMs: START, stepMs: STEP_MS, seed: 42 })) {
    slice.push(event);
    if (slice.length === SLICE) {
      yield slice;
      slice = [];
    }
  }
  if (slice.length > 0) yield slice;
}

/** 200 events spread evenly over all: what the queries look for. */
function sampleEvents(): BrokerEvent[] {
  const positions = new Set(Array.from({ length: 200 }, (_, i) => Math.floor((i * COUNT) / 200)));
  const sample: BrokerEvent[] = [];
  let position = 0;
  for (const slice of eventSlices()) {
    for (const event of slice) if (positions.has(position++)) sample.push(event);
  }
  return sample;
}

async function main(): Promise<void> {
  log(`brokerwatch store benchmark: ${COUNT.toLocaleString('en')} synthetic events over ${((END - START) / DAY).toFixed(1)} days, batches of ${BATCH}, ${IN_FLIGHT} in flight`);
  const sample = sampleEvents();
  if (STORES.includes('sqlite')) await benchSqlite(sample);
  if (STORES.includes('elasticsearch')) await benchElasticsearch(sample);
}

async function benchSqlite(sample: readonly BrokerEvent[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bw-bench-'));
  const sqlite = new SqliteStore({ dataDir: dir, clock: systemClock, telemetry });
  let seconds = 0;
  for (const slice of eventSlices()) seconds += (await writeAll(sqlite, slice)) * slice.length;
  const sqliteRate = COUNT / seconds;
  log(`SQLite         write  ${Math.round(sqliteRate).toLocaleString('en').padStart(9)} events/s`);
  const sqliteP99 = await latencies('SQLite', sqlite, sample, 100);
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  log(`SQLite worst p99 ${sqliteP99.toFixed(1)} ms (target < 200 ms)`);
}

async function benchElasticsearch(sample: readonly BrokerEvent[]): Promise<void> {
  const client = new Client({ node, requestTimeout: 120_000 });
  const prefix = `bwbench-${process.pid}`;
  const open = (name: string): Promise<ElasticsearchStore> =>
    ElasticsearchStore.open({
      node,
      clock: systemClock,
      telemetry,
      indexPattern: `${prefix}-${name}-{dataset}-{yyyy.MM.dd}`,
      deadLetterIndex: `${prefix}-${name}-dead-letter`,
      templateName: `${prefix}-${name}`,
      numberOfReplicas: 0,
      requestTimeoutMs: 120_000,
    });
  try {
    // The baseline's indices get the same template: only the sending differs. The two take turns
    // slice by slice, so that a busy machine, JIT warm-up and growing indices weigh on both alike.
    await (await open('base')).close();
    const basePattern = new IndexPattern(`${prefix}-base-{dataset}-{yyyy.MM.dd}`);
    const store = await open('store');
    let baseSeconds = 0;
    let storeSeconds = 0;
    for (const slice of eventSlices()) {
      baseSeconds += (await sendBulkBodies(client, serialiseBulkBodies(slice, basePattern), slice.length)) * slice.length;
      storeSeconds += (await writeAll(store, slice)) * slice.length;
    }
    const baseRate = COUNT / baseSeconds;
    const esRate = COUNT / storeSeconds;
    log(`Elasticsearch  _bulk baseline  ${Math.round(baseRate).toLocaleString('en').padStart(9)} events/s (same documents, pre-serialised)`);
    log(`Elasticsearch  store write     ${Math.round(esRate).toLocaleString('en').padStart(9)} events/s = ${(esRate / baseRate).toFixed(2)} of baseline (target >= 0.8)`);
    await client.indices.refresh({ index: `${prefix}-store-*` });
    const count = (await client.count({ index: `${prefix}-store-*.log-*` })).count;
    if (count !== COUNT) throw new Error(`Elasticsearch holds ${count} events, expected ${COUNT}`);
    await latencies('Elasticsearch', store, sample, 50);
    await store.close();
  } finally {
    const indices = await client.cat.indices({ index: `${prefix}-*`, format: 'json', h: 'index' });
    if (indices.length > 0) await client.indices.delete({ index: indices.map((row) => row.index!) });
    for (const name of ['base', 'store']) await client.indices.deleteIndexTemplate({ name: `${prefix}-${name}` }, { ignore: [404] });
    await client.close();
  }
}

await main();
