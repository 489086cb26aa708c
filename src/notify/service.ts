// The live alert loop one running process owns: events in (after the store acknowledged them),
// rules advanced on the clock, the policy flushed, and in ONE transaction of the alert database
// the alert history, the notifications and the state of rules and policy written. Delivery of what
// is due runs beside that loop, never in it: a receiver that hangs until its timeout delays its own
// notifications, never the rules, nor an ingester that waits for their state to be saved. Because
// state is committed only together with the notifications it led to, a restart (a crash included)
// restores exactly what was notified: nothing is sent twice, nothing is lost, firing alerts stay
// firing.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { scheduleJob, type BrokerEvent, type Clock, type Instant, type ScheduledTask } from '../core/index.js';
import { DEFAULT_ALLOWED_LATENESS_MS, RuleEngine, type Alert, type EngineSnapshot, type RuleSpec } from '../rules/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { openAlertDatabase } from './database.js';
import type { Notifier } from './delivery.js';
import { AlertHistory, type AlertQuery } from './history.js';
import { Outbox } from './outbox.js';
import { NotificationPolicy, type IdempotencyKey, type Notification, type PolicySnapshot, type Silence } from './policy.js';
import { createNotifier, type NotifierDeps, type NotifyConfig } from './receivers.js';
import { SilenceStore, type NewSilence } from './silences.js';

export interface AlertServiceOptions {
  /** Compiled rule specs (built-in and the user's), as loadRules gives them. */
  readonly rules: readonly RuleSpec[];
  /** The `notify:` section, parsed by notifySchema. */
  readonly notify: NotifyConfig;
  /** `<data_dir>/alerts.db`. */
  readonly databasePath: string;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  /** Where notifiers write (console) and read secrets (password_env). */
  readonly notifierDeps: NotifierDeps;
  /** Event time a record may lag the newest one seen and still count (default 30 s). */
  readonly allowedLatenessMs?: number;
  /** The loop ticks at least this often while started (default 1 s): quiet and absence periods end on time. */
  readonly maxTickIntervalMs?: number;
  /** Notifications sent at the same time, each to a different group (default 8). */
  readonly deliveryConcurrency?: number;
}

/** How often, at most, state is saved when events arrived but no alert changed. */
const STATE_SAVE_INTERVAL_MS = 1000;
/**
 * Timer ticks come at most this often; new events and silences wake the loop at once regardless.
 * A route with group_interval_seconds 0 keeps its group due at every instant while it fires:
 * without a floor the loop would spin.
 */
const MIN_TICK_INTERVAL_MS = 50;
const DAY_MS = 24 * 3600 * 1000;
/** Retention runs hourly; what it keeps is `alert_retention_days`. */
const RETENTION_SCHEDULE = '17 * * * *';

/**
 * Deliveries are never cut short: stop() lets the attempts under way finish (each receiver's own
 * timeout bounds them), since an attempt cut off after the receiver acted would be sent again.
 */
const NEVER_ABORTED = new AbortController().signal;

const STATE_ENGINE = 'engine';
const STATE_POLICY = 'policy';

export class AlertService {
  readonly #options: AlertServiceOptions;
  readonly #clock: Clock;
  readonly #telemetry: Telemetry;
  readonly #db: Database.Database;
  readonly #outbox: Outbox;
  readonly #history: AlertHistory;
  readonly #silences: SilenceStore;
  readonly #notifiers: ReadonlyMap<string, Notifier>;
  #engine: RuleEngine;
  #policy: NotificationPolicy;
  /** Events were accepted since state was last saved. */
  #dirty = false;
  #savedAt = Number.NEGATIVE_INFINITY;
  /** persisted() callers, told at the next save. */
  #waiters: Array<{ resolve: () => void; reject: (error: unknown) => void }> = [];
  /** The delivery pass under way (settled when none is). */
  #delivering: Promise<void> = Promise.resolve();
  /** The pass to run after it, shared by every caller until it starts: it will see their rows. */
  #nextDelivery: Promise<void> | undefined;
  #started = false;
  #stopped = false;
  /** The database is closed: stop() finished. */
  #closed = false;
  #timer: NodeJS.Timeout | undefined;
  /** When the timer fires. */
  #timerAt = Number.POSITIVE_INFINITY;
  #jobs: ScheduledTask[] = [];

  constructor(options: AlertServiceOptions) {
    this.#options = options;
    this.#clock = options.clock;
    this.#telemetry = options.telemetry;
    this.#db = openAlertDatabase(options.databasePath);
    const notify = options.notify;
    this.#outbox = new Outbox(this.#db, {
      clock: options.clock,
      backoff: { initialDelayMs: notify.retry_initial_delay_seconds * 1000, maxDelayMs: notify.retry_max_delay_seconds * 1000 },
      deadLetterAfterMs: notify.dead_letter_after_seconds * 1000,
      telemetry: options.telemetry,
    });
    this.#history = new AlertHistory(this.#db);
    this.#silences = new SilenceStore(this.#db);
    this.#notifiers = new Map(notify.receivers.map((r) => [r.name, createNotifier(r, options.notifierDeps)]));
    [this.#engine, this.#policy] = this.#committedState();
  }

  /**
   * Hands the rules a batch the store acknowledged. Late records (behind the allowed lateness),
   * records already counted (same event.id) and records without a readable time are not counted,
   * and reported. Wakes the loop at once, so a firing alert is not held until the next tick.
   */
  feed(events: readonly BrokerEvent[]): void {
    const dropped = { late: 0, duplicate: 0, invalid_timestamp: 0 };
    let accepted = 0;
    for (const event of events) {
      const result = this.#engine.feed(event);
      if (result === 'accepted') accepted += 1;
      else dropped[result] += 1;
    }
    if (dropped.late > 0) this.#telemetry.emit('rule_events_late', { count: dropped.late, watermark: new Date(this.#engine.watermark).toISOString() });
    if (dropped.duplicate > 0) this.#telemetry.emit('rule_events_duplicate', { count: dropped.duplicate });
    if (dropped.invalid_timestamp > 0) this.#telemetry.emit('rule_events_unreadable_time', { count: dropped.invalid_timestamp });
    if (accepted > 0) {
      this.#dirty = true;
      this.#wake();
    }
  }

  /**
   * Moves rules and policy to now and writes, in one transaction, the alert changes to the
   * history, the notifications due to the outbox and the state that led to them; saves the state
   * even when only events arrived. On failure memory goes back to the last committed state, as
   * after a crash, and the error is thrown.
   */
  commit(): void {
    this.#commit(true);
  }

  /**
   * Resolves once the state of the rules includes every event fed so far (the running loop saves
   * it within a second); rejects when that save failed: the events were not kept, and must be fed
   * again. Acknowledge a batch to its source after this, and a crash loses none of it for the rules.
   */
  persisted(): Promise<void> {
    if (!this.#dirty) return Promise.resolve();
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /**
   * One pass of the loop: commit, then deliver what is due; resolves when that delivery ended (the
   * receivers' own timeouts bound it).
   */
  tick(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#commit(false);
    return this.#deliver();
  }

  /** Runs the loop on timers, and the retention and digest jobs on their node-cron schedules. */
  start(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    const report = (job: string) => (error: unknown) =>
      this.#telemetry.emit('alert_job_failed', { job, error: error instanceof Error ? error.message : String(error) });
    this.#jobs.push(scheduleJob(RETENTION_SCHEDULE, () => Promise.resolve(this.retention()), report('retention')));
    const digest = this.#options.notify.digest;
    if (digest !== undefined) this.#jobs.push(scheduleJob(digest.schedule, () => Promise.resolve(this.digest()), report('digest')));
    this.#schedule(0);
  }

  /** Ends the loop: the tick in progress finishes, state is saved, the database is closed. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    clearTimeout(this.#timer);
    for (const job of this.#jobs.splice(0)) await job.destroy();
    await (this.#nextDelivery ?? this.#delivering).catch(() => undefined);
    try {
      this.#commit(true);
    } finally {
      this.#closed = true;
      this.#db.close();
    }
  }

  /** The alert history, newest first: for the API, the web page and `brokerwatch alerts`. */
  alerts(query: AlertQuery = {}): Alert[] {
    return this.#history.alerts(query);
  }

  addSilence(silence: NewSilence): Silence {
    const added = this.#silences.add(silence, this.#clock.now());
    this.#wake();
    return added;
  }

  listSilences(all = false): Silence[] {
    return this.#silences.list(this.#clock.now(), all);
  }

  expireSilence(id: string): boolean {
    const expired = this.#silences.expire(id, this.#clock.now());
    if (expired) this.#wake();
    return expired;
  }

  /** Deletes resolved alerts, delivered notifications and delivery log entries past the retention age. */
  retention(): { alerts: number; notifications: number } {
    const before = (this.#clock.now() - this.#options.notify.alert_retention_days * DAY_MS) as Instant;
    const pruned = this.#db.transaction(() => ({ alerts: this.#history.pruneResolved(before), notifications: this.#outbox.prune(before) }))();
    if (pruned.alerts + pruned.notifications > 0) this.#telemetry.emit('alerts_pruned', { ...pruned, before: new Date(before).toISOString() });
    return pruned;
  }

  /**
   * Queues the digest: every alert that fired at some time in the last 24 hours, in its present
   * state, as one notification to the digest receiver. Nothing is sent for a quiet day.
   */
  digest(): number {
    const digest = this.#options.notify.digest;
    if (digest === undefined) return 0;
    const now = this.#clock.now();
    const alerts = this.#history.alerts({ since: (now - DAY_MS) as Instant, limit: 1000 });
    if (alerts.length === 0) return 0;
    const groupKey = `digest:${digest.receiver}`;
    const notification: Notification = {
      key: createHash('sha256').update(groupKey).update('\0').update(String(now)).digest('hex').slice(0, 32) as IdempotencyKey,
      receiver: digest.receiver,
      groupKey,
      groupLabels: { digest: '24h' },
      status: alerts.some((a) => a.state === 'firing') ? 'firing' : 'resolved',
      alerts,
      createdAt: now,
    };
    const queued = this.#outbox.enqueue([notification]);
    this.#telemetry.emit('digest_queued', { receiver: digest.receiver, alerts: alerts.length });
    this.#wake();
    return queued;
  }

  #commit(force: boolean): void {
    const now = this.#clock.now();
    this.#policy.setSilences(this.#silences.list(now));
    const changes = this.#engine.advance(now);
    this.#policy.ingest(changes, now);
    const notifications = this.#policy.flush(now);
    if (changes.length > 0) this.#dirty = true;
    // Notifications, firing and resolving are saved at once, with the state that led to them.
    // What only moves state on (events, alerts gathering more partitions) waits for the next
    // save, at most a second: in a storm the state is not written once per batch.
    const urgent = notifications.length > 0 || changes.some((c) => c.kind !== 'updated');
    const save = urgent || (this.#dirty && (force || now - this.#savedAt >= STATE_SAVE_INTERVAL_MS));
    if (!save && changes.length === 0) return;
    const waiters = save ? this.#waiters.splice(0) : [];
    try {
      this.#db.transaction(() => {
        this.#history.record(changes, now);
        if (save) this.#outbox.commit(notifications, { [STATE_ENGINE]: this.#engine.snapshot(), [STATE_POLICY]: this.#policy.snapshot() });
      })();
    } catch (error) {
      this.#restore();
      for (const waiter of [...waiters, ...this.#waiters.splice(0)]) waiter.reject(error);
      throw error;
    }
    if (save) {
      this.#dirty = false;
      this.#savedAt = now;
      for (const waiter of waiters) waiter.resolve();
    }
    for (const { kind, alert } of changes) {
      if (kind === 'updated') continue;
      this.#telemetry.emit(kind === 'fired' ? 'alert_fired' : 'alert_resolved', {
        rule: alert.rule,
        fingerprint: alert.fingerprint,
        severity: alert.severity,
        labels: alert.labels,
        summary: alert.annotations.summary,
      });
    }
  }

  #restore(): void {
    [this.#engine, this.#policy] = this.#committedState();
    this.#dirty = false;
  }

  /** Rules and policy as last committed (empty on a new database). */
  #committedState(): [RuleEngine, NotificationPolicy] {
    const engine = new RuleEngine(this.#options.rules, { allowedLatenessMs: this.#options.allowedLatenessMs ?? DEFAULT_ALLOWED_LATENESS_MS });
    const policy = new NotificationPolicy(this.#options.notify);
    const engineState = this.#outbox.loadState(STATE_ENGINE) as EngineSnapshot | undefined;
    const policyState = this.#outbox.loadState(STATE_POLICY) as PolicySnapshot | undefined;
    if (engineState !== undefined) engine.restore(engineState);
    if (policyState !== undefined) policy.restore(policyState);
    return [engine, policy];
  }

  #wake(): void {
    if (this.#started && !this.#stopped) this.#schedule(0);
  }

  /**
   * Runs a delivery pass after the one under way, if none is queued yet; resolves when the pass
   * that includes every row committed so far has ended.
   */
  #deliver(): Promise<void> {
    if (this.#nextDelivery !== undefined) return this.#nextDelivery;
    const pass = this.#delivering.then(async () => {
      this.#nextDelivery = undefined;
      if (this.#closed) return;
      await this.#outbox.deliverDue(this.#notifiers, NEVER_ABORTED, { concurrency: this.#options.deliveryConcurrency ?? 8 });
    });
    this.#nextDelivery = pass;
    this.#delivering = pass.catch(() => undefined);
    return pass;
  }

  /** The next tick: when the policy flushes or a retry is due, at once after new events, and at least every max interval. */
  #schedule(delayMs?: number): void {
    if (this.#stopped) return;
    const now = this.#clock.now();
    let delay = delayMs;
    if (delay === undefined) {
      let next = now + (this.#options.maxTickIntervalMs ?? 1000);
      for (const at of [this.#policy.nextFlushAt(), this.#outbox.nextAttemptAt()]) if (at !== undefined && at < next) next = at;
      delay = Math.max(MIN_TICK_INTERVAL_MS, next - now);
    }
    // A tick already due sooner stands (a storm of batches wakes the loop once, not per batch).
    if (this.#timer !== undefined && this.#timerAt <= now + delay) return;
    clearTimeout(this.#timer);
    this.#timerAt = now + delay;
    this.#timer = setTimeout(() => this.#onTimer(), delay);
  }

  #onTimer(): void {
    this.#timer = undefined;
    const failed = (error: unknown) => this.#telemetry.emit('alert_tick_failed', { error: error instanceof Error ? error.message : String(error) });
    try {
      if (!this.#closed) this.#commit(false);
    } catch (error) {
      failed(error);
    }
    // Once the pass ends, retries it scheduled are looked at again.
    this.#deliver()
      .catch(failed)
      .finally(() => this.#schedule());
    this.#schedule();
  }
}
