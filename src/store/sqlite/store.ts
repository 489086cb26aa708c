import { mkdirSync } from 'node:fs';
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ScheduledTask } from 'node-cron';
import {
  FIELDS,
  cursorOf,
  histogramStarts,
  pageSize,
  timelineSearch,
  validateContext,
  validateHistogram,
  validateSearch,
  type BrokerEvent,
  type Clock,
  type ContextQuery,
  type ContextResult,
  type HistogramBucket,
  type HistogramQuery,
  type SearchPage,
  type SearchQuery,
  type TimelineQuery,
} from '../../core/index.js';
import type { Telemetry } from '../../telemetry/index.js';
import type { EventStore, ItemResult, RetentionResult } from '../contract.js';
import { EventNotFoundError, StoreRequestError } from '../errors.js';
import { stampIngested } from '../ingest.js';
import { checkSchedule, scheduleRetention } from '../schedule.js';
import { COLUMN_FIELDS, DOC_COLUMN, FTS_INSERT_BATCH, SCHEMA_VERSION, column, schemaStatements } from './schema.js';
import { criteriaWhere, searchSql } from './translate.js';

export interface SqliteRetention {
  /** Events whose @timestamp is older than this are deleted. */
  readonly maxAgeMs?: number;
  /** The oldest events are deleted until the database's used pages fit this. */
  readonly maxBytes?: number;
  /** A node-cron expression; absent: retention runs only when retention() is called. */
  readonly schedule?: string;
}

export interface SqliteStoreOptions {
  /** The database lives at `<dataDir>/events.db` (with its -wal and -shm files). */
  readonly dataDir: string;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  readonly retention?: SqliteRetention;
}

type Row = (string | number | null)[];

/** Values in the order of INSERT_COLUMNS. */
function toRow(event: BrokerEvent): Row {
  const row: Row = [event['event.id'], Date.parse(event['@timestamp']), event.message];
  for (const name of COLUMN_FIELDS) {
    const value = event[name];
    row.push(value === undefined ? null : FIELDS[name].list === true ? JSON.stringify(value) : (value as string | number));
  }
  return row;
}

const INSERT_COLUMNS = ['id', 'ts', 'message', ...COLUMN_FIELDS];

function parseDocs(rows: readonly { doc: string }[]): BrokerEvent[] {
  return rows.map((row) => JSON.parse(row.doc) as BrokerEvent);
}

// Size retention deletes the share of oldest events by which the database is too big, then
// compacts and measures again: rows vary in size, and FTS5 keeps deleted rows as tombstones
// until its segments are merged, so the size only falls after compaction.
const SIZE_RETENTION_ROUNDS = 5;
const SIZE_RETENTION_MARGIN = 0.02;

export class SqliteStore implements EventStore {
  readonly kind = 'sqlite';
  readonly #db: Database.Database;
  readonly #clock: Clock;
  readonly #telemetry: Telemetry;
  readonly #retention: SqliteRetention;
  readonly #insert: Database.Statement;
  readonly #insertBatch: (events: readonly BrokerEvent[]) => number[];
  readonly #maxRowid: Database.Statement;
  readonly #retentionTask: ScheduledTask | undefined;

  constructor(options: SqliteStoreOptions) {
    checkSchedule(options.retention?.schedule);
    mkdirSync(options.dataDir, { recursive: true });
    this.#db = new Database(join(options.dataDir, 'events.db'));
    this.#clock = options.clock;
    this.#telemetry = options.telemetry;
    this.#retention = options.retention ?? {};
    // auto_vacuum must be chosen before the first table exists; incremental lets retention give
    // space back to the file system without a full VACUUM.
    this.#db.pragma('auto_vacuum = INCREMENTAL');
    this.#db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL loses no committed transaction on a process crash, only on power loss.
    this.#db.pragma('synchronous = NORMAL');
    // Each checkpoint syncs the database file: at the default 1000 pages that happened every few
    // batches and cost a third of the write rate. 10000 pages (40 MB of WAL) keeps it rare.
    this.#db.pragma('wal_autocheckpoint = 10000');
    // The default 2 MB cache thrashes on a dozen indexes with random keys (event ids) at bulk rates.
    this.#db.pragma('cache_size = -65536');
    const version: unknown = this.#db.pragma('user_version', { simple: true });
    if (version !== 0 && version !== SCHEMA_VERSION) {
      this.#db.close();
      throw new StoreRequestError('the SQLite database was written by another brokerwatch version', {
        context: { dataDir: options.dataDir, version, expected: SCHEMA_VERSION },
      });
    }
    this.#db.exec(schemaStatements().join(';\n'));
    this.#db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.#insert = this.#db.prepare(
      `INSERT INTO events (${INSERT_COLUMNS.map((c) => `"${c}"`).join(', ')})
       VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT(id) DO NOTHING`,
    );
    this.#maxRowid = this.#db.prepare('SELECT max(rowid) FROM events').pluck();
    const insertDoc = this.#db.prepare('INSERT INTO docs (rowid, doc) VALUES (?, ?)');
    const indexText = this.#db.prepare(FTS_INSERT_BATCH);
    this.#insertBatch = this.#db.transaction((events: readonly BrokerEvent[]) => {
      const before = (this.#maxRowid.get() as number | null) ?? 0;
      const changes = events.map((event) => {
        const { changes, lastInsertRowid } = this.#insert.run(toRow(event));
        if (changes === 1) insertDoc.run(lastInsertRowid, JSON.stringify(event));
        return changes;
      });
      indexText.run(before);
      return changes;
    });
    this.#retentionTask =
      options.retention?.schedule === undefined ? undefined : scheduleRetention(this, options.retention.schedule, options.telemetry);
  }

  async write(batch: readonly BrokerEvent[]): Promise<ItemResult[]> {
    const results: ItemResult[] = [];
    // SQLite blocks the thread while it writes: a big batch goes in slices with the event loop
    // let through between them, so the follower's polls (rotation, new files) stay on time.
    for (let at = 0; at < batch.length; at += WRITE_SLICE) {
      if (at > 0) await setImmediatePromise();
      const slice = batch.slice(at, at + WRITE_SLICE);
      const now = this.#clock.now();
      const changes = this.#insertBatch(slice.map((event) => stampIngested(event, now)));
      slice.forEach((event, i) => results.push({ id: event['event.id'], outcome: changes[i] === 1 ? 'stored' : 'duplicate' }));
    }
    return results;
  }

  search(query: SearchQuery): Promise<SearchPage> {
    return settle(() => {
      validateSearch(query);
      const limit = pageSize(query);
      const { sql, params } = searchSql(query, limit + 1);
      const events = parseDocs(this.#all(sql, params) as { doc: string }[]);
      if (events.length <= limit) return { events };
      const page = events.slice(0, limit);
      return { events: page, next: cursorOf(page[page.length - 1]!) };
    });
  }

  timeline(query: TimelineQuery): Promise<SearchPage> {
    return this.search(timelineSearch(query));
  }

  context(query: ContextQuery): Promise<ContextResult> {
    return settle(() => this.#context(query));
  }

  #context(query: ContextQuery): ContextResult {
    validateContext(query);
    const scoped = criteriaWhere({ ...(query.scope === undefined ? {} : { scope: query.scope }) });
    const scopeSql = scoped.clauses.map((clause) => ` AND ${clause}`).join('');
    const anchorRow = this.#all(`SELECT ${DOC_COLUMN} FROM events WHERE id = ?${scopeSql}`, [query.id, ...scoped.params])[0] as
      | { doc: string }
      | undefined;
    if (anchorRow === undefined) throw new EventNotFoundError('no such event', { context: { id: query.id } });
    const anchor = JSON.parse(anchorRow.doc) as BrokerEvent;
    const host = anchor['host.name'];
    const path = anchor['log.file.path'];
    const offset = anchor['log.offset'];
    if (path === undefined || offset === undefined) return { before: [], anchor, after: [] };
    const sameFile = `${column('host.name')} IS ? AND ${column('log.file.path')} = ?${scopeSql}`;
    const neighbours = (comparison: string, direction: string, n: number): BrokerEvent[] =>
      parseDocs(
        this.#all(
          `SELECT ${DOC_COLUMN} FROM events WHERE ${sameFile} AND "log.offset" ${comparison} ? ORDER BY "log.offset" ${direction} LIMIT ?`,
          [host ?? null, path, ...scoped.params, offset, n],
        ) as { doc: string }[],
      );
    return { before: neighbours('<', 'DESC', query.before).reverse(), anchor, after: neighbours('>', 'ASC', query.after) };
  }

  histogram(query: HistogramQuery): Promise<HistogramBucket[]> {
    return settle(() => this.#histogram(query));
  }

  #histogram(query: HistogramQuery): HistogramBucket[] {
    validateHistogram(query);
    const { clauses, params } = criteriaWhere(query);
    const rows = this.#all(
      `SELECT (ts - ts % ?) AS start, count(*) AS n FROM events WHERE ${clauses.join(' AND ')} GROUP BY start`,
      [query.intervalMs, ...params],
    ) as { start: number; n: number }[];
    const counts = new Map(rows.map((row) => [row.start, row.n]));
    return histogramStarts(query).map((start) => ({ start, count: counts.get(start) ?? 0 }));
  }

  retention(): Promise<RetentionResult> {
    return settle(() => {
      let deletedEvents = 0;
      const { maxAgeMs, maxBytes } = this.#retention;
      if (maxAgeMs !== undefined) {
        deletedEvents += this.#db.prepare('DELETE FROM events WHERE ts < ?').run(this.#clock.now() - maxAgeMs).changes;
      }
      if (maxBytes !== undefined) deletedEvents += this.#shrinkTo(maxBytes);
      if (deletedEvents > 0) {
        this.#compact();
        this.#telemetry.emit('store_retention_applied', { store: this.kind, deletedEvents });
      }
      return { deletedEvents, deletedIndices: [] };
    });
  }

  check(): Promise<void> {
    return settle(() => {
      // Cheap on any size (quick_check would read every page): the database answers from its table.
      this.#maxRowid.get();
    });
  }

  async close(): Promise<void> {
    await this.#retentionTask?.stop();
    this.#db.close();
  }

  #shrinkTo(maxBytes: number): number {
    let deleted = 0;
    const count = this.#db.prepare('SELECT count(*) AS n FROM events').pluck();
    const deleteOldest = this.#db.prepare('DELETE FROM events WHERE rowid IN (SELECT rowid FROM events ORDER BY ts, id LIMIT ?)');
    for (let round = 0; round < SIZE_RETENTION_ROUNDS; round += 1) {
      const used = this.#usedBytes();
      if (used <= maxBytes) break;
      const total = count.get() as number;
      if (total === 0) break;
      const excess = Math.ceil(total * (1 - maxBytes / used + SIZE_RETENTION_MARGIN));
      deleted += deleteOldest.run(Math.min(total, excess)).changes;
      this.#compact();
    }
    return deleted;
  }

  #compact(): void {
    this.#db.exec("INSERT INTO events_fts(events_fts) VALUES ('optimize')");
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
    this.#db.pragma('incremental_vacuum');
  }

  /** Bytes in pages that hold data (the file may be larger until a vacuum hands pages back). */
  #usedBytes(): number {
    const pages = this.#db.pragma('page_count', { simple: true }) as number;
    const free = this.#db.pragma('freelist_count', { simple: true }) as number;
    const size = this.#db.pragma('page_size', { simple: true }) as number;
    return (pages - free) * size;
  }

  #all(sql: string, params: readonly (string | number | null)[]): unknown[] {
    return this.#db.prepare(sql).all(...params);
  }
}

/** better-sqlite3 is synchronous; the contract is not: a throw becomes a rejection. */
/** Events per transaction: about 50 ms of writing at the measured rates. */
const WRITE_SLICE = 500;

function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}
