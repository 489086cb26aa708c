// The query model as SQL: a WHERE clause with its parameters. Values are always bound, never
// spliced; column names come from the field registry only (validated before this runs).
import { FIELDS, decodeCursor, type Criteria, type FieldFilter, type SearchQuery } from '../../core/index.js';
import { column } from './schema.js';

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

/**
 * How a text condition joins the rest. `materialize`: collect the matching rowids first, best when
 * few rows match. `probe`: walk the time index and ask FTS5 about each row by rowid, best when
 * many match (a common word): newest-first with a LIMIT then stops after a few hundred rows
 * instead of sorting every match.
 */
export type TextPlan = 'materialize' | 'probe';

export function criteriaWhere(criteria: Criteria, textPlan: TextPlan = 'materialize'): { clauses: string[]; params: (string | number)[] } {
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
    clauses.push(
      textPlan === 'materialize'
        ? 'rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)'
        : 'EXISTS (SELECT 1 FROM events_fts WHERE events_fts MATCH ? AND events_fts.rowid = events.rowid)',
    );
    params.push(ftsQuery(criteria.text));
  }
  return { clauses, params };
}

export function searchSql(query: SearchQuery, limit: number, textPlan: TextPlan = 'materialize'): Where {
  const { clauses, params } = criteriaWhere(query, textPlan);
  const newestFirst = (query.order ?? 'newest_first') === 'newest_first';
  if (query.after !== undefined) {
    const position = decodeCursor(query.after);
    clauses.push(newestFirst ? '(ts, id) < (?, ?)' : '(ts, id) > (?, ?)');
    params.push(position.timestamp, position.id);
  }
  const direction = newestFirst ? 'DESC' : 'ASC';
  const where = clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`;
  params.push(limit);
  // The probe plan only pays off when SQLite walks the time index; say so.
  const from = textPlan === 'probe' ? 'events INDEXED BY events_ts' : 'events';
  return { sql: `SELECT doc FROM ${from} ${where} ORDER BY ts ${direction}, id ${direction} LIMIT ?`, params };
}
