// The alert database (`alerts.db` in the data directory): one SQLite file for the outbox, the
// delivery log, the saved state of the rule engine and the policy, the alert history and the
// silences, so that one transaction can move them together. A running service and the CLI open it
// side by side: WAL lets the CLI read while the service writes, and a writer waits for the other's
// transaction instead of failing.
import Database from 'better-sqlite3';
import { BrokerwatchError } from '../core/index.js';

export class AlertDatabaseError extends BrokerwatchError {
  readonly code = 'alert_db_unavailable';
}

/** The alert database's file name in the data directory. */
export const ALERT_DATABASE_FILE = 'alerts.db';

/** How long a writer waits for another process's transaction (the CLI adding a silence). */
const BUSY_TIMEOUT_MS = 5000;

export function openAlertDatabase(path: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    // A notification acknowledged to the caller survives a power loss, not only a process crash.
    db.pragma('synchronous = FULL');
    return db;
  } catch (cause) {
    db?.close();
    throw new AlertDatabaseError('cannot open the alert database', { context: { path }, cause });
  }
}
