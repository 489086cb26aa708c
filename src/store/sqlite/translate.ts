// The query model as SQL: a WHERE clause with its parameters. Values are always bound, never
// spliced; column names come from the field registry only (validated before this runs).
import { FIELDS, decodeCursor, type Criteria, type FieldFilter, type SearchQuery } from '../../core/index.js';
import { DOC_COLUMN, column } from './schema.js';

export interface Where {
  readonly sql: string;
  readonly params: (string | number)[];
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** FTS5 syntax: each word as a quoted phrase, all required. */
export function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `"${word.replaceAll('"', '""')}"`)
    .join(' AND ');
}

function filterClause(filter: FieldFilter, params: (string | number)[]): string {
  const col = column(filter.field);
  if ('exists' in filter) return filter.exists ? `${col} IS NOT NULL` : `${col} IS NULL`;
  params.push(...filter.values);
  if (FIELDS[filter.field].list === true) {
    return `EXISTS (SELECT 1 FROM json_each(${col}) WHERE value IN (${placeholders(filter.values.length)}))`;
  }
  return `${col} IN (${placeholders(filter.values.length)})`;
}

export function criteriaWhere(criteria: Criteria): { clauses: string[]; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (criteria.time?.from !== undefined) {
    clauses.push('ts >= ?');
    params.push(criteria.time.from);
  }
  if (criteria.time?.to !== undefined) {
    clauses.push('ts < ?');
    params.push(criteria.time.to);
  }
  for (const filter of criteria.filters ?? []) clauses.push(filterClause(filter, params));
  const scope = criteria.scope;
  if (scope?.clusters !== undefined) {
    clauses.push(`"broker.cluster" IN (${placeholders(scope.clusters.length)})`);
    params.push(...scope.clusters);
  }
  if (scope?.topics !== undefined || scope?.vhosts !== undefined) {
    const topics = scope.topics ?? [];
    const vhosts = scope.vhosts ?? [];
    clauses.push(`("kafka.topic" IN (${placeholders(topics.length)}) OR "rabbitmq.vhost" IN (${placeholders(vhosts.length)}))`);
    params.push(...topics, ...vhosts);
  }
  if (criteria.text !== undefined) {
    clauses.push('rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)');
    params.push(ftsQuery(criteria.text));
  }
  return { clauses, params };
}

export function searchSql(query: SearchQuery, limit: number): Where {
  const { clauses, params } = criteriaWhere(query);
  const newestFirst = (query.order ?? 'newest_first') === 'newest_first';
  if (query.after !== undefined) {
    const position = decodeCursor(query.after);
    clauses.push(newestFirst ? '(ts, id) < (?, ?)' : '(ts, id) > (?, ?)');
    params.push(position.timestamp, position.id);
  }
  const direction = newestFirst ? 'DESC' : 'ASC';
  const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
  params.push(limit);
  // With text, SQLite would otherwise fetch every matching row to sort them (seconds for a common
  // word over a million events). Walking the time index instead, with the matching rowids as a
  // set to test against, stops as soon as the page is full.
  const from = query.text === undefined ? 'events' : 'events INDEXED BY events_ts';
  return { sql: `SELECT ${DOC_COLUMN} FROM ${from} ${where} ORDER BY ts ${direction}, id ${direction} LIMIT ?`, params };
}
