// The persisted outbox: every notification is a row before any attempt to send it, and a row
// leaves the pending state only on the notifier's answer: delivered on ok, dead on give_up or once
// it is older than the dead-letter age, otherwise retried later with exponential backoff and
// jitter. A crash between attempts loses nothing; the idempotency key (the primary key) makes a
// notification computed twice one row. Every attempt is written to the delivery log.
import type Database from 'better-sqlite3';
import { backoffDelayMs, type BackoffPolicy, type Clock, type Instant } from '../core/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { openAlertDatabase } from './database.js';
import type { Delivery, Notifier } from './delivery.js';
import type { IdempotencyKey, Notification } from './policy.js';

export type OutboxState = 'pending' | 'delivered' | 'dead';

export interface OutboxOptions {
  readonly clock: Clock;
  readonly backoff: BackoffPolicy;
  /** A notification still undelivered this long after it was queued is dead-lettered. */
  readonly deadLetterAfterMs: number;
  readonly random?: () => number;
  readonly telemetry?: Telemetry;
}

export interface OutboxRow {
  readonly key: IdempotencyKey;
  readonly receiver: string;
  readonly notification: Notification;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: Instant;
  readonly lastError: string | null;
}

export interface LogEntry {
  readonly key: IdempotencyKey;
  readonly receiver: string;
  readonly at: Instant;
  readonly outcome: Delivery['outcome'] | 'dead';
  readonly reason: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox (
  key TEXT PRIMARY KEY,
  receiver TEXT NOT NULL,
  group_key TEXT NOT NULL,
  notification TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_group ON outbox (state, receiver, group_key, created_at);
CREATE TABLE IF NOT EXISTS delivery_log (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  receiver TEXT NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  reason TEXT
);
CREATE INDEX IF NOT EXISTS delivery_log_at ON delivery_log (at);
CREATE TABLE IF NOT EXISTS notify_state (name TEXT PRIMARY KEY, json TEXT NOT NULL);
`;

/** `o` is pending and no older row of its receiver and group is. */
const GROUP_HEAD = `o.state = 'pending' AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.state = 'pending' AND p.receiver = o.receiver
  AND p.group_key = o.group_key AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.key < o.key)))`;

interface RawRow {
  key: string;
  receiver: string;
  notification: string;
  created_at: number;
  state: OutboxState;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
}

function rowOf(raw: RawRow): OutboxRow & { readonly createdAt: number } {
  return {
    key: raw.key as IdempotencyKey,
    receiver: raw.receiver,
    notification: JSON.parse(raw.notification) as Notification,
    state: raw.state,
    attempts: raw.attempts,
    nextAttemptAt: raw.next_attempt_at as Instant,
    lastError: raw.last_error,
    createdAt: raw.created_at,
  };
}

export interface DeliveryOptions {
  /** Rows sent at the same time (each to a different group: a group's rows go out in order). */
  readonly concurrency: number;
}

export class Outbox {
  readonly #db: Database.Database;
  /** Whether close() closes the database: not when it was handed in, shared with other tables. */
  readonly #owned: boolean;
  readonly #options: OutboxOptions;
  readonly #random: () => number;

  /** @param database the alert database's path, or that database already open (then close() leaves it open). */
  constructor(database: string | Database.Database, options: OutboxOptions) {
    this.#owned = typeof database === 'string';
    this.#db = typeof database === 'string' ? openAlertDatabase(database) : database;
    this.#db.exec(SCHEMA);
    this.#options = options;
    this.#random = options.random ?? Math.random;
  }

  /** Stores notifications as pending; one already stored (same key) is left as it is. */
  enqueue(notifications: readonly Notification[]): number {
    const insert = this.#db.prepare(
      `INSERT OR IGNORE INTO outbox (key, receiver, group_key, notification, created_at, state, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    );
    const now = this.#options.clock.now();
    return this.#db.transaction(() =>
      notifications.reduce((n, x) => n + insert.run(x.key, x.receiver, x.groupKey, JSON.stringify(x), now, now).changes, 0),
    )();
  }

  /**
   * Pending rows whose attempt is due, each the oldest pending row of its group: a group's
   * notifications reach its receiver in the order they were made, so a resolved notification
   * never overtakes the firing one still being retried.
   */
  due(limit = 100): OutboxRow[] {
    return (
      this.#db.prepare(`SELECT * FROM outbox o WHERE ${GROUP_HEAD} AND o.next_attempt_at <= ? ORDER BY o.created_at, o.key LIMIT ?`).all(
        this.#options.clock.now(),
        limit,
      ) as RawRow[]
    ).map(rowOf);
  }

  /** The earliest time a row may be attempted (rows waiting behind their group's head do not count), if any is pending. */
  nextAttemptAt(): Instant | undefined {
    const row = this.#db.prepare(`SELECT MIN(o.next_attempt_at) AS at FROM outbox o WHERE ${GROUP_HEAD}`).get() as { at: number | null };
    return row.at === null ? undefined : (row.at as Instant);
  }

  /** Records a notifier's answer for one row and moves it on. */
  record(key: IdempotencyKey, delivery: Delivery): OutboxState {
    const raw = this.#db.prepare(`SELECT * FROM outbox WHERE key = ?`).get(key) as RawRow | undefined;
    if (raw === undefined || raw.state !== 'pending') return raw?.state ?? 'dead';
    const now = this.#options.clock.now();
    const attempts = raw.attempts + 1;
    const reason = delivery.outcome === 'ok' ? null : delivery.reason;
    let state: OutboxState = 'pending';
    let next: number = now;
    if (delivery.outcome === 'ok') state = 'delivered';
    else if (delivery.outcome === 'give_up' || now - raw.created_at >= this.#options.deadLetterAfterMs) state = 'dead';
    else next = now + backoffDelayMs(this.#options.backoff, attempts, this.#random);
    this.#db.transaction(() => {
      this.#db
        .prepare(`UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE key = ?`)
        .run(state, attempts, next, reason, key);
      this.#db
        .prepare(`INSERT INTO delivery_log (key, receiver, at, outcome, reason) VALUES (?, ?, ?, ?, ?)`)
        .run(key, raw.receiver, now, state === 'dead' && delivery.outcome === 'retry' ? 'dead' : delivery.outcome, reason);
    })();
    const fields = { key, receiver: raw.receiver, attempts, reason };
    if (state === 'delivered') this.#options.telemetry?.emit('notification_delivered', fields);
    else if (state === 'dead') this.#options.telemetry?.emit('notification_dead_lettered', fields);
    else this.#options.telemetry?.emit('notification_retry_scheduled', { ...fields, retry_in_ms: next - now });
    return state;
  }

  /**
   * Sends what is due, each row by its receiver's notifier, up to `concurrency` groups at a time,
   * until nothing more is due (a row delivered may make the next one of its group due).
   */
  async deliverDue(
    notifiers: ReadonlyMap<string, Notifier>,
    signal: AbortSignal,
    options: DeliveryOptions = { concurrency: 1 },
  ): Promise<Record<OutboxState, number>> {
    const counts: Record<OutboxState, number> = { pending: 0, delivered: 0, dead: 0 };
    const attempt = async (row: OutboxRow): Promise<OutboxState> => {
      const notifier = notifiers.get(row.receiver);
      const delivery: Delivery =
        notifier === undefined ? { outcome: 'give_up', reason: `no receiver named "${row.receiver}"` } : await notifier.deliver(row.notification, signal);
      const state = this.record(row.key, delivery);
      counts[state] += 1;
      return state;
    };
    let moved = true;
    while (moved && !signal.aborted) {
      const queue = this.due();
      moved = false;
      const worker = async (): Promise<void> => {
        for (let row = queue.shift(); row !== undefined && !signal.aborted; row = queue.shift()) {
          if ((await attempt(row)) !== 'pending') moved = true;
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency, queue.length) }, worker));
    }
    return counts;
  }

  /** Forgets delivered and dead rows made before `before`, and delivery log entries older than it. */
  prune(before: Instant): number {
    return this.#db.transaction(
      () =>
        this.#db.prepare(`DELETE FROM outbox WHERE state IN ('delivered', 'dead') AND created_at < ?`).run(before).changes +
        this.#db.prepare(`DELETE FROM delivery_log WHERE at < ?`).run(before).changes,
    )();
  }

  rows(state?: OutboxState): OutboxRow[] {
    const sql = state === undefined ? `SELECT * FROM outbox ORDER BY created_at, key` : `SELECT * FROM outbox WHERE state = ? ORDER BY created_at, key`;
    const stmt = this.#db.prepare(sql);
    return ((state === undefined ? stmt.all() : stmt.all(state)) as RawRow[]).map(rowOf);
  }

  log(key?: IdempotencyKey): LogEntry[] {
    const stmt = this.#db.prepare(key === undefined ? `SELECT * FROM delivery_log ORDER BY id` : `SELECT * FROM delivery_log WHERE key = ? ORDER BY id`);
    return (key === undefined ? stmt.all() : stmt.all(key)) as LogEntry[];
  }

  /** State of the stages around the outbox (rule engine, policy), saved beside the rows it led to. */
  saveState(name: string, value: unknown): void {
    this.#db.prepare(`INSERT INTO notify_state (name, json) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET json = excluded.json`).run(name, JSON.stringify(value));
  }

  loadState(name: string): unknown {
    const row = this.#db.prepare(`SELECT json FROM notify_state WHERE name = ?`).get(name) as { json: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.json) as unknown);
  }

  /** Saves state and queues notifications in one transaction: a crash keeps both or neither. */
  commit(notifications: readonly Notification[], state: Readonly<Record<string, unknown>>): number {
    return this.#db.transaction(() => {
      for (const [name, value] of Object.entries(state)) this.saveState(name, value);
      return this.enqueue(notifications);
    })();
  }

  close(): void {
    if (this.#owned) this.#db.close();
  }
}
