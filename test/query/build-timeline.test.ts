import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eventId, ManualClock, toInstant, type BrokerEvent } from '../../src/core/index.js';
import { assembleTimeline, buildTimeline } from '../../src/query/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { silentTelemetry } from '../support/telemetry.js';
import { drillEvents } from './drill-events.js';

const root = mkdtempSync(join(tmpdir(), 'bw-timeline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const openStore = (): SqliteStore => new SqliteStore({ dataDir: join(root, String((n += 1))), clock: new ManualClock(Date.UTC(2026, 10, 25, 12)), telemetry: silentTelemetry() });

describe('buildTimeline', () => {
  it('reads the same timeline out of a store as assembleTimeline makes of the events, other clusters left out', async () => {
    const store = openStore();
    const drill = drillEvents('kafka/3.9.1-zk/controller-loss');
    await store.write([...drill, ...drillEvents('kafka/3.9.1-zk/controller-loss', 'other')]);
    const request = { cluster: 'drill', from: toInstant(Date.parse('2026-11-25T08:34:10Z')), to: toInstant(Date.parse('2026-11-25T08:34:40Z')) };
    const timeline = await buildTimeline(store, request);
    expect(timeline.entries.length).toBeGreaterThan(5);
    expect(timeline).toEqual(assembleTimeline(drill, request));
    await store.close();
  });

  it('pages through more events than one page holds, and stops at maxEvents saying so', async () => {
    const store = openStore();
    const T0 = Date.parse('2026-11-25T10:00:00Z');
    // 6000 ISR shrinks from one leader over two minutes: plain events for the paging logic.
    const storm: BrokerEvent[] = Array.from({ length: 6000 }, (_, i) => ({
      '@timestamp': new Date(T0 + i * 20).toISOString(),
      message: `[Partition t${Math.floor(i / 100)}-${i % 100} broker=2] Shrinking ISR from 2,3 to 2`,
      'event.id': eventId('kafka-2', 'server.log', i),
      'event.original': '',
      'event.dataset': 'kafka.log',
      'event.action': 'isr_shrink',
      'service.type': 'kafka',
      'host.name': 'kafka-2',
      'broker.cluster': 'prod-a',
      'broker.id': '2',
      'kafka.topic': `t${Math.floor(i / 100)}`,
      'kafka.partition': i % 100,
      'kafka.isr.removed': [3],
    }));
    await store.write(storm);
    const request = { cluster: 'prod-a', from: toInstant(T0), to: toInstant(T0 + 3_600_000) };
    const all = await buildTimeline(store, request);
    expect(all.truncated).toBe(false);
    expect(all.entries.map((e) => [e.count, e.summary])).toEqual([[6000, 'ISR shrink on 6000 partitions led by broker 2 (removed 3)']]);
    const some = await buildTimeline(store, { ...request, maxEvents: 1000 });
    expect(some.truncated).toBe(true);
    expect(some.eventCount).toBe(1000);
    await store.close();
  });
});
