import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock, toInstant, type BrokerEvent } from '../../src/core/index.js';
import { Tail } from '../../src/query/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { silentTelemetry } from '../support/telemetry.js';
import { drillEvents } from './drill-events.js';

const root = mkdtempSync(join(tmpdir(), 'bw-tail-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The autoheal drill's records as they would arrive: r1's and r2's as written, r3's late.
const drill = drillEvents('rabbitmq/3.10.8-partition-autoheal');
const byTimeAndId = (a: BrokerEvent, b: BrokerEvent): number =>
  a['@timestamp'] < b['@timestamp'] ? -1 : a['@timestamp'] > b['@timestamp'] ? 1 : a['event.id'] < b['event.id'] ? -1 : a['event.id'] > b['event.id'] ? 1 : 0;
const ids = (events: readonly BrokerEvent[]): string[] => events.map((e) => e['event.id']);
drill.sort(byTimeAndId);
const at = (iso: string) => toInstant(Date.parse(iso));
const until = (iso: string, events = drill): BrokerEvent[] => events.filter((e) => e['@timestamp'] < iso);
const between = (from: string, to: string, events = drill): BrokerEvent[] => events.filter((e) => e['@timestamp'] >= from && e['@timestamp'] < to);

describe('Tail', () => {
  it('prints the backlog, then every event once as it is stored, late ones within the lateness window too', async () => {
    const store = new SqliteStore({ dataDir: join(root, 'a'), clock: new ManualClock(0), telemetry: silentTelemetry() });
    const r3 = (events: readonly BrokerEvent[]): BrokerEvent[] => events.filter((e) => e['host.name'] === 'r3');
    const others = (events: readonly BrokerEvent[]): BrokerEvent[] => events.filter((e) => e['host.name'] !== 'r3');
    await store.write(until('2026-11-25T08:41:00.700Z'));
    const tail = new Tail(store, { filters: [{ field: 'broker.cluster', values: ['drill'] }] }, { latenessMs: 10_000 });
    expect(ids(await tail.backlog(3, at('2026-11-25T08:41:00.700Z')))).toEqual(ids(until('2026-11-25T08:41:00.700Z').slice(-3)));

    // r1 and r2 ship the next second; r3's agent is 0.5 s behind with the same span.
    await store.write(others(between('2026-11-25T08:41:00.700Z', '2026-11-25T08:41:01.700Z')));
    const first = await tail.poll(at('2026-11-25T08:41:01.700Z'));
    expect(ids(first)).toEqual(ids(others(between('2026-11-25T08:41:00.700Z', '2026-11-25T08:41:01.700Z'))));
    await store.write(r3(between('2026-11-25T08:41:00.700Z', '2026-11-25T08:41:01.700Z')));
    await store.write(between('2026-11-25T08:41:01.700Z', '2026-11-25T08:42:00Z'));
    const second = await tail.poll(at('2026-11-25T08:42:00Z'));
    expect(ids(second)).toEqual(ids([...r3(between('2026-11-25T08:41:00.700Z', '2026-11-25T08:41:01.700Z')), ...between('2026-11-25T08:41:01.700Z', '2026-11-25T08:42:00Z')].sort(byTimeAndId)));

    // Everything stored was printed exactly once; polling again prints nothing.
    expect(new Set([...ids(until('2026-11-25T08:41:00.700Z').slice(-3)), ...ids(first), ...ids(second)]).size).toBe(3 + first.length + second.length);
    expect(await tail.poll(at('2026-11-25T08:42:01Z'))).toEqual([]);
    await store.close();
  });

  it('misses an event that arrives later than the lateness window behind the newest one', async () => {
    const store = new SqliteStore({ dataDir: join(root, 'b'), clock: new ManualClock(0), telemetry: silentTelemetry() });
    const [early, ...rest] = drill;
    const last = rest.pop()!;
    await store.write(rest);
    const tail = new Tail(store, {}, { latenessMs: 1_000 });
    expect(await tail.backlog(0, at('2026-11-25T08:42:00Z'))).toEqual([]);
    await store.write([early!, last]);
    expect(ids(await tail.poll(at('2026-11-25T08:42:01Z')))).toEqual([last['event.id']]);
    await store.close();
  });

  it("does not let a host whose clock runs ahead move the window past events still to come", async () => {
    const store = new SqliteStore({ dataDir: join(root, 'c'), clock: new ManualClock(0), telemetry: silentTelemetry() });
    const [first, second] = until('2026-11-25T08:41:00.700Z').slice(-2);
    const ahead = { ...first!, '@timestamp': '2026-11-25T09:41:00.000Z' };
    const tail = new Tail(store, {}, { latenessMs: 5_000 });
    await tail.backlog(0, at('2026-11-25T08:41:00Z'));
    await store.write([ahead]);
    expect(ids(await tail.poll(at('2026-11-25T08:41:00.700Z')))).toEqual([ahead['event.id']]);
    await store.write([second!]);
    expect(ids(await tail.poll(at('2026-11-25T08:41:01Z')))).toEqual([second!['event.id']]);
    await store.close();
  });
});
