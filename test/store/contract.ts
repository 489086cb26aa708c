// The EventStore contract: one suite, run against every store (test/store/sqlite.test.ts, and
// test/integration/elasticsearch-store.test.ts against the real Elasticsearch).
import { afterEach, describe, expect, it } from 'vitest';
import {
  ManualClock,
  QueryError,
  eventId,
  type BrokerEvent,
  type Cursor,
  type EventId,
  type Instant,
  type SearchQuery,
} from '../../src/core/index.js';
import { EventNotFoundError, type EventStore } from '../../src/store/index.js';

export interface OpenOptions {
  readonly clock: ManualClock;
  readonly maxAgeMs?: number;
}

/** Opens a fresh, empty store; the harness cleans up what it opened. */
export type OpenStore = (options: OpenOptions) => Promise<EventStore>;

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 20, 10, 0, 0);
const at = (ms: number): string => new Date(T0 + ms).toISOString();

let serial = 0;
/** A plain event; every test states the fields it cares about. */
export function event(fields: Partial<BrokerEvent> & { readonly offset?: number } = {}): BrokerEvent {
  serial += 1;
  const { offset, ...rest } = fields;
  const host = rest['host.name'] ?? 'kafka-1';
  const path = rest['log.file.path'] ?? '/var/log/kafka/server.log';
  const logOffset = offset ?? serial * 100;
  return {
    '@timestamp': at(serial * 1000),
    message: `Rolled new log segment at offset ${serial}`,
    'event.id': eventId(host, path, logOffset),
    'event.original': `[raw ${serial}]`,
    'event.dataset': 'kafka.log',
    'service.type': 'kafka',
    'host.name': host,
    'log.file.path': path,
    'log.offset': logOffset,
    'broker.cluster': 'prod-eu',
    'log.level': 'info',
    ...rest,
  };
}

const ids = (events: readonly BrokerEvent[]): EventId[] => events.map((e) => e['event.id']);

async function allPages(store: EventStore, query: SearchQuery): Promise<EventId[]> {
  const seen: EventId[] = [];
  let after: Cursor | undefined;
  for (;;) {
    const page = await store.search({ ...query, ...(after === undefined ? {} : { after }) });
    seen.push(...ids(page.events));
    if (page.next === undefined) return seen;
    after = page.next;
  }
}

export function eventStoreContract(name: string, open: OpenStore): void {
  describe(`EventStore contract: ${name}`, () => {
    const opened: EventStore[] = [];
    const clock = new ManualClock(T0 + 30 * DAY);
    const fresh = async (options: Omit<OpenOptions, 'clock'> = {}): Promise<EventStore> => {
      const store = await open({ clock, ...options });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    it('stores a batch and reports one outcome per event, in order', async () => {
      const store = await fresh();
      const batch = [event(), event(), event()];
      expect(await store.write(batch)).toEqual(batch.map((e) => ({ id: e['event.id'], outcome: 'stored' })));
      const page = await store.search({ order: 'oldest_first' });
      expect(ids(page.events)).toEqual(ids(batch));
      expect(page.events[0]).toEqual({ ...batch[0], 'event.ingested': new Date(clock.now()).toISOString() });
    });

    it('stores an event written twice once, and says the second was a duplicate', async () => {
      const store = await fresh();
      const [a, b] = [event(), event()];
      await store.write([a]);
      const again = await store.write([a, b, { ...b, message: 'same id, other text' }]);
      expect(again.map((r) => r.outcome)).toEqual(['duplicate', 'stored', 'duplicate']);
      expect(ids((await store.search({})).events).sort()).toEqual(ids([a, b]).sort());
    });

    it('orders newest or oldest first, breaking timestamp ties by event id', async () => {
      const store = await fresh();
      const same = at(500_000);
      const batch = [event({ '@timestamp': same }), event(), event({ '@timestamp': same }), event({ '@timestamp': at(-5000) })];
      await store.write(batch);
      const byTime = [...batch].sort((x, y) =>
        x['@timestamp'] === y['@timestamp'] ? (x['event.id'] < y['event.id'] ? -1 : 1) : x['@timestamp'] < y['@timestamp'] ? -1 : 1,
      );
      expect(ids((await store.search({ order: 'oldest_first' })).events)).toEqual(ids(byTime));
      expect(ids((await store.search({ order: 'newest_first' })).events)).toEqual(ids(byTime).reverse());
    });

    it('finds events whose message holds every word of the text, case-insensitively', async () => {
      const store = await fresh();
      const shrink = event({ message: '[Partition orders-3 broker=2] Shrinking ISR from 1,2,3 to 2,3' });
      const expand = event({ message: '[Partition orders-3 broker=2] Expanding ISR from 2,3 to 1,2,3' });
      const other = event({ message: 'Shrinking the index buffer' });
      await store.write([shrink, expand, other]);
      expect(ids((await store.search({ text: 'shrinking isr' })).events)).toEqual(ids([shrink]));
      expect(ids((await store.search({ text: 'ISR', order: 'oldest_first' })).events)).toEqual(ids([shrink, expand]));
      expect((await store.search({ text: 'nonexistentword' })).events).toEqual([]);
    });

    it('finds events by their ids (the events behind an alert)', async () => {
      const store = await fresh();
      const batch = [event(), event(), event()];
      await store.write(batch);
      const found = await store.search({ filters: [{ field: 'event.id', values: ids([batch[0]!, batch[2]!]) }], order: 'oldest_first' });
      expect(ids(found.events).sort()).toEqual(ids([batch[0]!, batch[2]!]).sort());
    });

    it('restricts to a time range, from inclusive and to exclusive', async () => {
      const store = await fresh();
      const batch = [event({ '@timestamp': at(0) }), event({ '@timestamp': at(1000) }), event({ '@timestamp': at(2000) })];
      await store.write(batch);
      const found = await store.search({ time: { from: (T0 + 1000) as Instant, to: (T0 + 2000) as Instant } });
      expect(ids(found.events)).toEqual(ids([batch[1]!]));
    });

    it('filters on keyword, integer and list fields, on presence, and combines filters', async () => {
      const store = await fresh();
      const a = event({ 'kafka.topic': 'orders', 'kafka.partition': 3, 'log.level': 'warning', tags: ['multiline'] });
      const b = event({ 'kafka.topic': 'orders', 'kafka.partition': 4, 'broker.cluster': 'prod-us' });
      const c = event({ 'rabbitmq.vhost': 'billing', 'event.dataset': 'rabbitmq.log', 'service.type': 'rabbitmq' });
      await store.write([a, b, c]);
      const search = async (query: SearchQuery): Promise<EventId[]> => ids((await store.search({ ...query, order: 'oldest_first' })).events);
      expect(await search({ filters: [{ field: 'kafka.topic', values: ['orders'] }] })).toEqual(ids([a, b]));
      expect(await search({ filters: [{ field: 'kafka.partition', values: [4, 7] }] })).toEqual(ids([b]));
      expect(await search({ filters: [{ field: 'tags', values: ['multiline'] }] })).toEqual(ids([a]));
      expect(await search({ filters: [{ field: 'kafka.topic', exists: false }] })).toEqual(ids([c]));
      expect(await search({ filters: [{ field: 'event.dataset', values: ['rabbitmq.log'] }] })).toEqual(ids([c]));
      expect(
        await search({ filters: [{ field: 'kafka.topic', values: ['orders'] }, { field: 'broker.cluster', values: ['prod-eu'] }] }),
      ).toEqual(ids([a]));
    });

    it('rejects filters on unknown fields and on fields that are not filtered by value', async () => {
      const store = await fresh();
      await expect(store.search({ filters: [{ field: 'kafka.topik' as 'kafka.topic', values: ['x'] }] })).rejects.toThrow(QueryError);
      await expect(store.search({ filters: [{ field: 'message', values: ['x'] }] })).rejects.toThrow(
        'field message is of type text and cannot be filtered by value (use text or time)',
      );
      await expect(store.search({ filters: [{ field: 'kafka.partition', values: ['3'] }] })).rejects.toThrow(QueryError);
    });

    it('pages with a cursor through every event once, while newer events keep arriving', async () => {
      const store = await fresh();
      const batch = Array.from({ length: 25 }, (_, i) => event({ '@timestamp': at(i % 7 === 0 ? 0 : i * 1000) }));
      await store.write(batch);
      const first = await store.search({ limit: 10 });
      expect(first.events).toHaveLength(10);
      // Events newer than everything seen arrive between two pages.
      await store.write([event({ '@timestamp': at(10 * DAY) }), event({ '@timestamp': at(10 * DAY) })]);
      const rest = await allPages(store, { limit: 10, after: first.next! });
      const walked = [...ids(first.events), ...rest];
      expect(walked).toHaveLength(25);
      expect(new Set(walked)).toEqual(new Set(ids(batch)));
      const oldestFirst = await allPages(store, { limit: 4, order: 'oldest_first', time: { to: (T0 + DAY) as Instant } });
      expect(oldestFirst).toEqual([...walked].reverse());
    });

    it('gives the records just before and after one, from the same file only', async () => {
      const store = await fresh();
      const file = (offset: number): BrokerEvent => event({ offset, 'host.name': 'kafka-2', 'log.file.path': '/var/log/kafka/controller.log' });
      const lines = [file(0), file(120), file(250), file(400), file(530)];
      const otherFile = event({ offset: 260, 'host.name': 'kafka-2', 'log.file.path': '/var/log/kafka/server.log' });
      const otherHost = event({ offset: 270, 'host.name': 'kafka-3', 'log.file.path': '/var/log/kafka/controller.log' });
      await store.write([...lines, otherFile, otherHost]);
      const context = await store.context({ id: lines[2]!['event.id'], before: 5, after: 1 });
      expect(ids(context.before)).toEqual(ids(lines.slice(0, 2)));
      expect(context.anchor['event.id']).toBe(lines[2]!['event.id']);
      expect(ids(context.after)).toEqual(ids([lines[3]!]));
      await expect(store.context({ id: 'missing' as EventId, before: 1, after: 1 })).rejects.toThrow(EventNotFoundError);
    });

    it('counts events per time bucket, with empty buckets as zero', async () => {
      const store = await fresh();
      const minute = 60_000;
      await store.write([
        event({ '@timestamp': at(5_000) }),
        event({ '@timestamp': at(minute + 1) }),
        event({ '@timestamp': at(minute + 2), 'log.level': 'error' }),
        event({ '@timestamp': at(3 * minute) }),
      ]);
      const time = { from: T0 as Instant, to: (T0 + 4 * minute) as Instant };
      const buckets = await store.histogram({ time, intervalMs: minute });
      expect(buckets).toEqual([0, 1, 2, 3].map((i) => ({ start: T0 + i * minute, count: [1, 2, 0, 1][i] })));
      const errors = await store.histogram({ time, intervalMs: minute, filters: [{ field: 'log.level', values: ['error'] }] });
      expect(errors.map((b) => b.count)).toEqual([0, 1, 0, 0]);
    });

    it('builds a timeline of notable events, oldest first, optionally of some actions only', async () => {
      const store = await fresh();
      const shrink = event({ 'event.action': 'isr_shrink', '@timestamp': at(3000) });
      const elected = event({ 'event.action': 'controller_elected', '@timestamp': at(1000) });
      const plain = event({ '@timestamp': at(2000) });
      await store.write([shrink, elected, plain]);
      expect(ids((await store.timeline({})).events)).toEqual(ids([elected, shrink]));
      expect(ids((await store.timeline({ actions: ['isr_shrink'] })).events)).toEqual(ids([shrink]));
    });

    it('applies a scope itself: other clusters, topics and vhosts stay invisible', async () => {
      const store = await fresh();
      const orders = event({ 'kafka.topic': 'orders' });
      const payments = event({ 'kafka.topic': 'payments' });
      const controller = event({ 'event.action': 'controller_elected' });
      const usOrders = event({ 'kafka.topic': 'orders', 'broker.cluster': 'prod-us' });
      const billing = event({ 'rabbitmq.vhost': 'billing', 'event.dataset': 'rabbitmq.log', 'service.type': 'rabbitmq' });
      await store.write([orders, payments, controller, usOrders, billing]);
      const scope = { clusters: ['prod-eu'], topics: ['orders'], vhosts: ['billing'] };
      expect(ids((await store.search({ scope, order: 'oldest_first' })).events)).toEqual(ids([orders, billing]));
      expect(ids((await store.search({ scope: { clusters: ['prod-us'] } })).events)).toEqual(ids([usOrders]));
      expect((await store.timeline({ scope })).events).toEqual([]);
      expect((await store.histogram({ scope, time: { from: T0 as Instant, to: (T0 + DAY) as Instant }, intervalMs: DAY }))[0]!.count).toBe(2);
      await expect(store.context({ id: payments['event.id'], before: 1, after: 1, scope })).rejects.toThrow(EventNotFoundError);
    });

    it('deletes events past the retention age and keeps the recent ones', async () => {
      const store = await fresh({ maxAgeMs: 7 * DAY });
      const old = event({ '@timestamp': at(-2 * DAY) });
      const recent = event({ '@timestamp': at(28 * DAY) });
      await store.write([old, recent]);
      const result = await store.retention();
      expect(result.deletedEvents).toBe(1);
      expect(ids((await store.search({})).events)).toEqual(ids([recent]));
    });

    it('passes its health check', async () => {
      const store = await fresh();
      await expect(store.check()).resolves.toBeUndefined();
    });
  });
}
