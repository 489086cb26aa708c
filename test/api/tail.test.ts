// The polling side of the live tail over the real SQLite store, event by event: where it starts,
// what a late event is, and what it does with one later than its lateness window.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EventTail } from '../../src/api/index.js';
import type { BrokerEvent, EventId } from '../../src/core/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { silentTelemetry } from '../support/telemetry.js';
import { drill } from './support.js';

const root = mkdtempSync(join(tmpdir(), 'bw-tail-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const { events, clock } = drill();
/** A drill event moved to `offsetMs` after the drill's first one, with an id of its own. */
const at = (offsetMs: number, id: string): BrokerEvent => ({
  ...events[0]!,
  '@timestamp': new Date(Date.parse(events[0]!['@timestamp']) + offsetMs).toISOString(),
  'event.id': id as EventId,
});
const ids = (list: readonly BrokerEvent[]): string[] => list.map((e) => e['event.id']);

function store(): SqliteStore {
  const s = new SqliteStore({ dataDir: join(root, String(stores.length + Math.random())), clock, telemetry: silentTelemetry() });
  stores.push(s);
  return s;
}

describe('EventTail', () => {
  it('starts after the newest stored event and sends the backlog before it, oldest first', async () => {
    const s = store();
    await s.write([at(0, 'a'), at(1000, 'b'), at(2000, 'c')]);
    const tail = new EventTail(s, {}, 5000);
    expect(ids(await tail.start(2))).toEqual(['b', 'c']);
    expect(await tail.poll()).toEqual([]);
    await s.write([at(3000, 'd')]);
    expect(ids(await tail.poll())).toEqual(['d']);
  });

  it('sends an event stored behind the newest one when it is within the lateness, and once', async () => {
    const s = store();
    await s.write([at(10_000, 'newest')]);
    const tail = new EventTail(s, {}, 5000);
    await tail.start(0);
    await s.write([at(6000, 'late-but-within'), at(4000, 'too-late'), at(11_000, 'next')]);
    expect(ids(await tail.poll())).toEqual(['next', 'late-but-within']);
    // A redelivery of what was sent is the same event: nothing new.
    await s.write([at(6000, 'late-but-within'), at(11_000, 'next')]);
    expect(await tail.poll()).toEqual([]);
  });

  it('sends nothing older than its lateness behind the newest sent: search finds those', async () => {
    const s = store();
    const tail = new EventTail(s, {}, 1000);
    expect(await tail.start(10)).toEqual([]);
    await s.write([at(5000, 'first')]);
    expect(ids(await tail.poll())).toEqual(['first']);
    await s.write([at(3000, 'old')]);
    expect(await tail.poll()).toEqual([]);
    expect(ids((await s.search({})).events)).toContain('old');
  });

  it('follows only what matches its criteria', async () => {
    const s = store();
    const tail = new EventTail(s, { filters: [{ field: 'host.name', values: ['broker-2'] }] }, 5000);
    await tail.start(0);
    await s.write([{ ...at(1000, 'one'), 'host.name': 'broker-1' }, { ...at(1000, 'two'), 'host.name': 'broker-2' }]);
    expect(ids(await tail.poll())).toEqual(['two']);
  });

  it('resumes after a cursor it gave: what sorts after it comes; what landed behind it while disconnected is left to search', async () => {
    const s = store();
    const tail = new EventTail(s, {}, 5000);
    await tail.start(0);
    await s.write([at(1000, 'a'), at(2000, 'b')]);
    expect(ids(await tail.poll())).toEqual(['a', 'b']);
    const cursor = tail.cursor!;
    await s.write([at(1500, 'late'), at(3000, 'c')]);
    const resumed = new EventTail(s, {}, 5000);
    expect(await resumed.start(0, cursor)).toEqual([]);
    expect(ids(await resumed.poll())).toEqual(['c']);
  });
});
