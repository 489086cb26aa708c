// The typed query model: what an admin asks of a store, expressed once and translated by each
// store (SQL for SQLite, query DSL for Elasticsearch). validateQuery() checks field names and value
// types against the field registry before any store sees a query.
import { BrokerwatchError } from './errors.js';
import type { EventId } from './event-id.js';
import type { BrokerEvent, FieldName } from './event.js';
import { FIELDS, isFieldName } from './fields.js';
import type { Instant } from './clock.js';

export type SortOrder = 'newest_first' | 'oldest_first';

/** `from` inclusive, `to` exclusive, both on `@timestamp`. */
export interface TimeRange {
  readonly from?: Instant;
  readonly to?: Instant;
}

/** `values`: the field equals any of them (for list fields: contains any of them). */
export type FieldFilter =
  | { readonly field: FieldName; readonly values: readonly (string | number)[] }
  | { readonly field: FieldName; readonly exists: boolean };

/**
 * What a caller may see, applied by the store itself. `clusters`: only events of these clusters.
 * `topics`/`vhosts`: only events about one of these Kafka topics or RabbitMQ vhosts (events about
 * no topic or vhost, such as a controller change, are then hidden). An absent list does not restrict.
 */
export interface Scope {
  readonly clusters?: readonly string[];
  readonly topics?: readonly string[];
  readonly vhosts?: readonly string[];
}

/** What selects events; shared by search, histogram and timeline. */
export interface Criteria {
  /** Free text on `message`: every word must occur (case-insensitive, whole words). */
  readonly text?: string;
  readonly time?: TimeRange;
  /** All must hold. */
  readonly filters?: readonly FieldFilter[];
  readonly scope?: Scope;
}

/**
 * An opaque position in the `(@timestamp, event.id)` order. Paging resumes strictly after it, so
 * events that arrive meanwhile never shift or repeat a page (search_after, not offsets).
 */
export type Cursor = string & { readonly __brand: 'Cursor' };

export interface SearchQuery extends Criteria {
  /** Default newest_first. */
  readonly order?: SortOrder;
  /** Default 100, at most MAX_PAGE_SIZE. */
  readonly limit?: number;
  readonly after?: Cursor;
}

export interface SearchPage {
  readonly events: readonly BrokerEvent[];
  /** Present when more events match after the last one of this page. */
  readonly next?: Cursor;
}

/** The records just before and after one record in the same file (same host and path, by offset). */
export interface ContextQuery {
  readonly id: EventId;
  readonly before: number;
  readonly after: number;
  readonly scope?: Scope;
}

export interface ContextResult {
  /** In file order, ending just before the anchor. */
  readonly before: readonly BrokerEvent[];
  readonly anchor: BrokerEvent;
  readonly after: readonly BrokerEvent[];
}

export interface HistogramQuery extends Criteria {
  readonly time: Required<TimeRange>;
  readonly intervalMs: number;
}

/** One bucket per interval from `time.from` (aligned down to the interval) to `time.to`, zeros included. */
export interface HistogramBucket {
  readonly start: Instant;
  readonly count: number;
}

/** Notable events (`event.action` present), oldest first unless said otherwise. */
export interface TimelineQuery extends Omit<SearchQuery, 'text'> {
  /** Only these actions; absent: every action. */
  readonly actions?: readonly string[];
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;
export const MAX_HISTOGRAM_BUCKETS = 10_000;

export class QueryError extends BrokerwatchError {
  readonly code = 'query_invalid';
}

export interface CursorPosition {
  readonly timestamp: Instant;
  readonly id: EventId;
}

export function encodeCursor(position: CursorPosition): Cursor {
  return Buffer.from(JSON.stringify([position.timestamp, position.id])).toString('base64url') as Cursor;
}

export function decodeCursor(cursor: Cursor): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new QueryError('malformed cursor', { context: { field: 'after' }, cause });
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'number' || typeof parsed[1] !== 'string') {
    throw new QueryError('malformed cursor', { context: { field: 'after' } });
  }
  return { timestamp: parsed[0] as Instant, id: parsed[1] as EventId };
}

export function cursorOf(event: BrokerEvent): Cursor {
  return encodeCursor({ timestamp: Date.parse(event['@timestamp']) as Instant, id: event['event.id'] });
}

/** The timeline as the search it is: notable events, oldest first by default. */
export function timelineSearch(query: TimelineQuery): SearchQuery {
  const { actions, ...rest } = query;
  const notable: FieldFilter =
    actions === undefined ? { field: 'event.action', exists: true } : { field: 'event.action', values: actions };
  return { ...rest, order: query.order ?? 'oldest_first', filters: [...(query.filters ?? []), notable] };
}

function fail(message: string, field: string): never {
  throw new QueryError(message, { context: { field } });
}

function validateFilter(filter: FieldFilter): void {
  const name: string = filter.field;
  if (!isFieldName(name)) fail(`unknown field ${name}`, name);
  const spec = FIELDS[name];
  if ('exists' in filter) return;
  if (spec.type === 'text' || spec.type === 'stored' || spec.type === 'date') {
    fail(`field ${name} is of type ${spec.type} and cannot be filtered by value (use text or time)`, name);
  }
  if (filter.values.length === 0) fail(`filter on ${name} has no values`, name);
  const numeric = spec.type === 'integer' || spec.type === 'long';
  for (const value of filter.values) {
    if (numeric ? !Number.isInteger(value) : typeof value !== 'string') {
      fail(`filter on ${name} needs ${numeric ? 'integer' : 'string'} values, got ${JSON.stringify(value)}`, name);
    }
  }
}

function validateCriteria(criteria: Criteria): void {
  for (const filter of criteria.filters ?? []) validateFilter(filter);
  const { from, to } = criteria.time ?? {};
  if (from !== undefined && to !== undefined && from > to) fail('time.from is after time.to', 'time');
  if (criteria.text !== undefined && criteria.text.trim() === '') fail('text is empty', 'text');
}

export function validateSearch(query: SearchQuery): void {
  validateCriteria(query);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    fail(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`, 'limit');
  }
  if (query.after !== undefined) decodeCursor(query.after);
}

export function validateHistogram(query: HistogramQuery): void {
  validateCriteria(query);
  if (!Number.isInteger(query.intervalMs) || query.intervalMs < 1) fail('intervalMs must be a positive integer', 'intervalMs');
  if ((query.time.to - query.time.from) / query.intervalMs > MAX_HISTOGRAM_BUCKETS) {
    fail(`more than ${MAX_HISTOGRAM_BUCKETS} buckets: widen the interval`, 'intervalMs');
  }
}

export function validateContext(query: ContextQuery): void {
  for (const [field, n] of [['before', query.before], ['after', query.after]] as const) {
    if (!Number.isInteger(n) || n < 0 || n > MAX_PAGE_SIZE) fail(`${field} must be an integer from 0 to ${MAX_PAGE_SIZE}`, field);
  }
}

/** Bucket starts from `from` aligned down to the interval, up to `to` (exclusive). */
export function histogramStarts(query: HistogramQuery): Instant[] {
  const starts: Instant[] = [];
  const first = Math.floor(query.time.from / query.intervalMs) * query.intervalMs;
  for (let start = first; start < query.time.to; start += query.intervalMs) starts.push(start as Instant);
  return starts;
}

/** The page size a store should use (it fetches one more to know whether there is a next page). */
export function pageSize(query: SearchQuery): number {
  return query.limit ?? DEFAULT_PAGE_SIZE;
}
