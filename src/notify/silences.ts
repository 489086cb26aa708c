// Silences (maintenance windows) live in the alert database, not in a process: the CLI adds or
// expires one in the file and the running service reads them again before each flush, so a
// silence takes effect without a restart. A silence is never deleted, only ended: the list keeps
// who silenced what, and why.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { BrokerwatchError, type Instant } from '../core/index.js';
import { matches, type Matcher } from './matchers.js';
import type { Silence } from './policy.js';

export class SilenceError extends BrokerwatchError {
  readonly code = 'silence_invalid';
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS silences (
  id TEXT PRIMARY KEY,
  matchers TEXT NOT NULL,
  starts_at INTEGER NOT NULL,
  ends_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  comment TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS silences_ends ON silences (ends_at);
`;

export interface NewSilence {
  readonly matchers: readonly Matcher[];
  /** Now, unless given. */
  readonly startsAt?: Instant;
  readonly endsAt: Instant;
  readonly createdBy: string;
  readonly comment: string;
}

interface RawSilence {
  id: string;
  matchers: string;
  starts_at: number;
  ends_at: number;
  created_by: string;
  comment: string;
}

function silenceOf(raw: RawSilence): Silence {
  return {
    id: raw.id,
    matchers: JSON.parse(raw.matchers) as Matcher[],
    startsAt: raw.starts_at as Instant,
    endsAt: raw.ends_at as Instant,
    createdBy: raw.created_by,
    comment: raw.comment,
  };
}

export class SilenceStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec(SCHEMA);
  }

  /**
   * @throws SilenceError without matchers, when every matcher also matches an absent label (as
   * Alertmanager refuses: such a silence would hold back every alert), or when it ends before it starts.
   */
  add(silence: NewSilence, now: Instant): Silence {
    const startsAt = silence.startsAt ?? now;
    if (silence.matchers.length === 0 || matches(silence.matchers, {})) {
      throw new SilenceError('a silence needs at least one matcher that an absent label does not satisfy', {
        context: { matchers: silence.matchers },
      });
    }
    if (silence.endsAt <= startsAt || silence.endsAt <= now) {
      throw new SilenceError('a silence must end after it starts and after now', {
        context: { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(silence.endsAt).toISOString() },
      });
    }
    const stored: Silence = { id: randomUUID(), matchers: silence.matchers, startsAt, endsAt: silence.endsAt, createdBy: silence.createdBy, comment: silence.comment };
    this.#db
      .prepare(`INSERT INTO silences (id, matchers, starts_at, ends_at, created_by, comment) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(stored.id, JSON.stringify(stored.matchers), stored.startsAt, stored.endsAt, stored.createdBy, stored.comment);
    return stored;
  }

  /** Silences not yet ended (active or pending), or with `all` the expired ones too; by start time. */
  list(now: Instant, all = false): Silence[] {
    const sql = all ? `SELECT * FROM silences ORDER BY starts_at, id` : `SELECT * FROM silences WHERE ends_at > ? ORDER BY starts_at, id`;
    const stmt = this.#db.prepare(sql);
    return ((all ? stmt.all() : stmt.all(now)) as RawSilence[]).map(silenceOf);
  }

  /** Ends a silence now. False when there is none by that id or it had already ended. */
  expire(id: string, now: Instant): boolean {
    return this.#db.prepare(`UPDATE silences SET ends_at = ? WHERE id = ? AND ends_at > ?`).run(now, id, now).changes === 1;
  }
}
