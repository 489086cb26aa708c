// Where `alerts` and `silence` find the alert database of a brokerwatch (alerts.db in its data
// directory: --data-dir, else data_dir of the config file), the one place that opens it for them,
// and what they print alike: times to the second, a table an on-call admin reads at a glance.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Command } from 'commander';
import { ConfigError } from '../config/index.js';
import { ALERT_DATABASE_FILE, openAlertDatabase } from '../notify/index.js';
import { addConfigOption, configFrom, type ConfigFlags } from './config-option.js';

export interface DataDirFlags extends ConfigFlags {
  readonly dataDir?: string;
}

export function addDataDirOption(command: Command): Command {
  return addConfigOption(command).option('--data-dir <dir>', 'the data directory of the brokerwatch to talk to (its alerts.db); default: data_dir of the configuration');
}

/**
 * Runs `use` on the alert database of the data directory, closed afterwards. A missing database
 * is an error (exit 1), never created: a silence written to a mistyped directory would silence
 * nothing. A configuration file with problems is exit 2, as for `run`.
 */
export function withAlertDatabase(command: string, flags: DataDirFlags, use: (db: Database.Database) => void): void {
  let dataDir: string;
  try {
    dataDir = flags.dataDir === undefined ? configFrom(flags).data_dir : resolve(flags.dataDir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const path = join(dataDir, ALERT_DATABASE_FILE);
  if (!existsSync(path)) {
    process.stderr.write(`brokerwatch ${command}: no alert database at ${path}; give the data directory of a brokerwatch that has run (--data-dir)\n`);
    process.exitCode = 1;
    return;
  }
  const db = openAlertDatabase(path);
  try {
    use(db);
  } finally {
    db.close();
  }
}

/** UTC to the second: what a log line and a chat message show. */
export function formatTime(at: number | undefined): string {
  return at === undefined ? '-' : new Date(at).toISOString().replace(/\.\d{3}Z$/u, 'Z');
}

/** Columns padded to their widest cell, the last one left as it is. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [header, ...rows].map(line).join('\n') + '\n';
}
