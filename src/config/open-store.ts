// The store a config names, opened and checked: the one place that turns the `store:` section
// into an EventStore, for `run`, `ingest` and every command that reads what was stored.
import { existsSync } from 'node:fs';
import { BrokerwatchError, type Clock } from '../core/index.js';
import { ElasticsearchStore, SqliteStore, sqliteDatabasePath, type ElasticsearchAuth, type EventStore } from '../store/index.js';
import type { Telemetry } from '../telemetry/index.js';
import type { BrokerwatchConfig } from './brokerwatch.js';
import { readSecret } from './brokerwatch.js';

const DAY_MS = 24 * 3600 * 1000;
const MIB = 1024 * 1024;

export interface OpenDeps {
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  /**
   * For the commands that only read (search, tail, timeline, config check): no retention schedule
   * of their own, and a SQLite database that does not exist yet is an error instead of created.
   */
  readonly readOnly?: boolean;
}

/** A read-only command was pointed at a data directory where nothing was ever stored. */
export class NothingStoredError extends BrokerwatchError {
  readonly code = 'nothing_stored';
}

/** Opens (and for Elasticsearch, checks and prepares) the configured store. */
export async function openStore(config: BrokerwatchConfig, deps: OpenDeps): Promise<EventStore> {
  const { readOnly = false, ...services } = deps;
  const store = config.store;
  if (store.type === 'sqlite') {
    const sqlite = store.sqlite;
    const path = sqliteDatabasePath(config.data_dir);
    if (readOnly && !existsSync(path)) {
      throw new NothingStoredError(`no events stored in ${config.data_dir} (no ${path}): point --config at the configuration brokerwatch runs with`, { context: { path } });
    }
    return new SqliteStore({
      dataDir: config.data_dir,
      ...services,
      retention: {
        ...(sqlite.max_age_days === undefined ? {} : { maxAgeMs: sqlite.max_age_days * DAY_MS }),
        ...(sqlite.max_size_mb === undefined ? {} : { maxBytes: sqlite.max_size_mb * MIB }),
        ...(readOnly || (sqlite.max_age_days === undefined && sqlite.max_size_mb === undefined) ? {} : { schedule: sqlite.retention_schedule }),
      },
    });
  }
  // The schema guarantees the section when the type asks for it.
  const es = store.elasticsearch!;
  return ElasticsearchStore.open({
    node: es.node,
    ...services,
    ...elasticsearchAuth(es),
    ...(es.ca_file === undefined && es.ca_fingerprint === undefined
      ? {}
      : { tls: { ...(es.ca_file === undefined ? {} : { caFile: es.ca_file }), ...(es.ca_fingerprint === undefined ? {} : { caFingerprint: es.ca_fingerprint }) } }),
    ...(es.index_pattern === undefined ? {} : { indexPattern: es.index_pattern }),
    requestTimeoutMs: es.request_timeout_seconds * 1000,
    ...(es.max_age_days === undefined || readOnly ? {} : { retention: { maxAgeMs: es.max_age_days * DAY_MS, schedule: es.retention_schedule } }),
  });
}

function elasticsearchAuth(es: NonNullable<BrokerwatchConfig['store']['elasticsearch']>): { auth?: ElasticsearchAuth } {
  if (es.username !== undefined && es.password !== undefined) {
    return { auth: { type: 'basic', username: es.username, password: readSecret(es.password, 'store.elasticsearch.password') } };
  }
  if (es.api_key !== undefined) return { auth: { type: 'api_key', apiKey: readSecret(es.api_key, 'store.elasticsearch.api_key') } };
  return {};
}
