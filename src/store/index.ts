// Event stores: one EventStore contract (contract.ts), two implementations (sqlite/, the embedded
// default, and elasticsearch/). Invariants:
// - write() resolves only when every event of the batch is stored, recognised as a duplicate (same
//   event.id) or dead-lettered; that resolution is the acknowledgement callers checkpoint on.
// - Writing an event twice stores it once: event.id decides (and in Elasticsearch the index follows
//   from the event's own @timestamp, so a replay meets its earlier copy).
// - Queries are the typed model of src/core/query.ts, validated against the field registry, and
//   each store applies a query's scope itself.
// - What a failure means is decided in elasticsearch/failure.ts; backoff is src/core/backoff.ts.
export type { EventStore, ItemOutcome, ItemResult, RetentionResult } from './contract.js';
export {
  EventNotFoundError,
  StoreError,
  StoreRequestError,
  StoreUnauthorizedError,
  StoreUnreachableError,
  StoreVersionError,
  StoreWriteError,
} from './errors.js';
export { SqliteStore, sqliteDatabasePath, type SqliteRetention, type SqliteStoreOptions } from './sqlite/store.js';
export {
  DEFAULT_BULK_LIMITS,
  DEFAULT_INDEX_PATTERN,
  ElasticsearchStore,
  type ElasticsearchRetention,
  type ElasticsearchStoreOptions,
} from './elasticsearch/store.js';
export type { ElasticsearchAuth, ElasticsearchTls } from './elasticsearch/connect.js';
export type { BulkLimits } from './elasticsearch/bulk.js';
