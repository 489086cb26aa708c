// The query model as Elasticsearch query DSL. Sorting is on (@timestamp, event.id), the same
// order SQLite uses, so that a cursor means the same position in both stores.
import type { estypes } from '@elastic/elasticsearch';
import { decodeCursor, type Criteria, type FieldFilter, type Scope, type SearchQuery } from '../../core/index.js';

function filterQuery(filter: FieldFilter): estypes.QueryDslQueryContainer {
  if ('exists' in filter) {
    const exists = { exists: { field: filter.field } };
    return filter.exists ? exists : { bool: { must_not: [exists] } };
  }
  return { terms: { [filter.field]: [...filter.values] } };
}

function scopeQueries(scope: Scope): estypes.QueryDslQueryContainer[] {
  const queries: estypes.QueryDslQueryContainer[] = [];
  if (scope.clusters !== undefined) queries.push({ terms: { 'broker.cluster': [...scope.clusters] } });
  if (scope.topics !== undefined || scope.vhosts !== undefined) {
    queries.push({
      bool: {
        should: [{ terms: { 'kafka.topic': [...(scope.topics ?? [])] } }, { terms: { 'rabbitmq.vhost': [...(scope.vhosts ?? [])] } }],
        minimum_should_match: 1,
      },
    });
  }
  return queries;
}

export function criteriaQuery(criteria: Criteria): estypes.QueryDslQueryContainer {
  const filter: estypes.QueryDslQueryContainer[] = [];
  const { from, to } = criteria.time ?? {};
  if (from !== undefined || to !== undefined) {
    filter.push({
      range: {
        '@timestamp': { ...(from === undefined ? {} : { gte: from }), ...(to === undefined ? {} : { lt: to }), format: 'epoch_millis' },
      },
    });
  }
  for (const f of criteria.filters ?? []) filter.push(filterQuery(f));
  if (criteria.scope !== undefined) filter.push(...scopeQueries(criteria.scope));
  const must: estypes.QueryDslQueryContainer[] =
    criteria.text === undefined ? [] : [{ match: { message: { query: criteria.text, operator: 'and' } } }];
  return { bool: { filter, must } };
}

export function searchRequest(query: SearchQuery, size: number): Pick<estypes.SearchRequest, 'query' | 'sort' | 'size' | 'search_after'> {
  const order = (query.order ?? 'newest_first') === 'newest_first' ? 'desc' : 'asc';
  const after = query.after === undefined ? undefined : decodeCursor(query.after);
  return {
    query: criteriaQuery(query),
    sort: [{ '@timestamp': { order } }, { 'event.id': { order } }],
    size,
    ...(after === undefined ? {} : { search_after: [after.timestamp, after.id] }),
  };
}
