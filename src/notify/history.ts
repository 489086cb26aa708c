// The alert history the API, the web page and `brokerwatch alerts` read: one row per incident
// (an alert's fingerprint and the time it started), written in the same transaction as the outbox
// rows the change led to, so the history never shows what was not notified or the reverse.
import type Database from 'better-sqlite3';
import type { EventId, Instant } from '../core/index.js';
import type { Alert, AlertChange, AlertState, Fingerprint, Severity } from '../rules/index.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS alerts (
  fingerprint TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('firing', 'resolved')),
  labels TEXT NOT NULL,
  summary TEXT NOT NULL,
  description TEXT NOT NULL,
  ends_at INTEGER,
  event_ids TEXT NOT NULL,
  event_count INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (fingerprint, starts_at)
);
CREATE INDEX IF NOT EXISTS alerts_state ON alerts (state, starts_at);
CREATE INDEX IF NOT EXISTS alerts_ends ON alerts (ends_at);
`;

export interface AlertQuery {
  readonly state?: AlertState;
  /** Only alerts still firing at or after this time (firing now, or resolved since). */
  readonly since?: Instant;
  /** Newest first; 100 unless given. */
  readonly limit?: number;
}

interface RawAlert {
  fingerprint: string;
  starts_at: number;
  rule: string;
  severity: Severity;
  state: AlertState;
  labels: string;
  summary: string;
  description: string;
  ends_at: number | null;
  event_ids: string;
  event_count: number;
}

function alertOf(raw: RawAlert): Alert {
  return {
    fingerprint: raw.fingerprint as Fingerprint,
    rule: raw.rule,
    state: raw.state,
    severity: raw.severity,
    labels: JSON.parse(raw.labels) as Record<string, string>,
    annotations: { summary: raw.summary, description: raw.description },
    startsAt: raw.starts_at as Instant,
    ...(raw.ends_at === null ? {} : { endsAt: raw.ends_at as Instant }),
    eventIds: JSON.parse(raw.event_ids) as EventId[],
    eventCount: raw.event_count,
  };
}

export class AlertHistory {
  readonly #db: Database.Database;
  readonly #upsert: Database.Statement;

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec(SCHEMA);
    this.#upsert = db.prepare(
      `INSERT INTO alerts (fingerprint, starts_at, rule, severity, state, labels, summary, description, ends_at, event_ids, event_count, updated_at)
       VALUES (@fingerprint, @starts_at, @rule, @severity, @state, @labels, @summary, @description, @ends_at, @event_ids, @event_count, @updated_at)
       ON CONFLICT (fingerprint, starts_at) DO UPDATE SET severity = excluded.severity, state = excluded.state, labels = excluded.labels,
         summary = excluded.summary, description = excluded.description, ends_at = excluded.ends_at, event_ids = excluded.event_ids,
         event_count = excluded.event_count, updated_at = excluded.updated_at`,
    );
  }

  /** Writes each change's alert over its incident's row; call inside the tick's transaction. */
  record(changes: readonly AlertChange[], now: Instant): void {
    for (const { alert } of changes) {
      this.#upsert.run({
        fingerprint: alert.fingerprint,
        starts_at: alert.startsAt,
        rule: alert.rule,
        severity: alert.severity,
        state: alert.state,
        labels: JSON.stringify(alert.labels),
        summary: alert.annotations.summary,
        description: alert.annotations.description,
        ends_at: alert.endsAt ?? null,
        event_ids: JSON.stringify(alert.eventIds),
        event_count: alert.eventCount,
        updated_at: now,
      });
    }
  }

  alerts(query: AlertQuery = {}): Alert[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.state !== undefined) {
      where.push('state = ?');
      params.push(query.state);
    }
    if (query.since !== undefined) {
      where.push('(ends_at IS NULL OR ends_at >= ?)');
      params.push(query.since);
    }
    const sql = `SELECT * FROM alerts ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY starts_at DESC, fingerprint LIMIT ?`;
    return (this.#db.prepare(sql).all(...params, query.limit ?? 100) as RawAlert[]).map(alertOf);
  }

  /** Deletes resolved alerts that ended before `before`; firing ones stay however old. */
  pruneResolved(before: Instant): number {
    return this.#db.prepare(`DELETE FROM alerts WHERE state = 'resolved' AND ends_at < ?`).run(before).changes;
  }
}
