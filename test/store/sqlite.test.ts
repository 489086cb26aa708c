import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/index.js';
import Database from 'better-sqlite3';
import { SqliteStore, StoreRequestError } from '../../src/store/index.js';
import { silentTelemetry } from '../support/telemetry.js';
import { syntheticEvents } from '../support/synthetic-events.js';
import { eventStoreContract } from './contract.js';

const root = mkdtempSync(join(tmpdir(), 'bw-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const telemetry = silentTelemetry();
let n = 0;
const dataDir = (): string => join(root, String((n += 1)));

eventStoreContract('sqlite', ({ clock, maxAgeMs }) =>
  Promise.resolve(new SqliteStore({ dataDir: dataDir(), clock, telemetry, ...(maxAgeMs === undefined ? {} : { retention: { maxAgeMs } }) })),
);

describe('SqliteStore', () => {
  const clock = new ManualClock(Date.UTC(2026, 10, 25));

  it('keeps events on disk across a close and a reopen', async () => {
    const dir = dataDir();
    const events = [...syntheticEvents({ count: 50, startMs: Date.UTC(2026, 10, 24), stepMs: 1000 })];
    const first = new SqliteStore({ dataDir: dir, clock, telemetry });
    await first.write(events);
    await first.close();
    const second = new SqliteStore({ dataDir: dir, clock, telemetry });
    expect((await second.write(events)).every((r) => r.outcome === 'duplicate')).toBe(true);
    expect((await second.search({ limit: 100 })).events).toHaveLength(50);
    await second.close();
  });

  it('refuses a database written with another schema version', async () => {
    const dir = dataDir();
    await new SqliteStore({ dataDir: dir, clock, telemetry }).close();
    const db = new Database(join(dir, 'events.db'));
    db.pragma('user_version = 99');
    db.close();
    expect(() => new SqliteStore({ dataDir: dir, clock, telemetry })).toThrow('the SQLite database was written by another brokerwatch version');
  });

  it('refuses a retention schedule that is not a cron expression', () => {
    expect(() => new SqliteStore({ dataDir: dataDir(), clock, telemetry, retention: { schedule: 'every hour' } })).toThrow(StoreRequestError);
  });

  it('deletes the oldest events until the database fits the size limit', async () => {
    const dir = dataDir();
    const events = [...syntheticEvents({ count: 10_000, startMs: Date.UTC(2026, 10, 1), stepMs: 1000 })];
    const store = new SqliteStore({ dataDir: dir, clock, telemetry, retention: { maxBytes: 1024 * 1024 } });
    await store.write(events);
    const result = await store.retention();
    expect(result.deletedEvents).toBeGreaterThan(0);
    const oldestLeft = (await store.search({ order: 'oldest_first', limit: 1 })).events[0]!;
    const newestLeft = (await store.search({ limit: 1 })).events[0]!;
    expect(newestLeft['event.id']).toBe(events.at(-1)!['event.id']);
    // Everything older than the oldest survivor was deleted, nothing newer.
    const kept = events.filter((e) => e['@timestamp'] >= oldestLeft['@timestamp']).length;
    expect(result.deletedEvents).toBe(events.length - kept);
    await store.close();
  }, 30_000);
});
