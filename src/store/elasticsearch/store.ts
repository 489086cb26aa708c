import type { Client, estypes } from '@elastic/elasticsearch';
import type { ScheduledTask } from 'node-cron';
import {
  DEFAULT_BACKOFF,
  cursorOf,
  histogramStarts,
  pageSize,
  timelineSearch,
  timerSleep,
  validateContext,
  validateHistogram,
  validateSearch,
  type BackoffPolicy,
  type BrokerEvent,
  type Clock,
  type ContextQuery,
  type ContextResult,
  type HistogramBucket,
  type HistogramQuery,
  type Instant,
  type SearchPage,
  type SearchQuery,
  type Sleep,
  type TimelineQuery,
} from '../../core/index.js';
import type { Telemetry } from '../../telemetry/index.js';
import type { EventStore, ItemResult, RetentionResult } from '../contract.js';
import { EventNotFoundError, StoreRequestError } from '../errors.js';
import { stampedJson } from '../ingest.js';
import { checkSchedule, scheduleRetention } from '../schedule.js';
import { BulkWriter, type BulkLimits } from './bulk.js';
import type { BulkDocument } from './bulk-body.js';
import { checkVersion, connectionError, createClient, type ConnectionOptions } from './connect.js';
import { IndexPattern } from './index-pattern.js';
import { deadLetterMappings, eventMappings } from './mapping.js';
import { criteriaQuery, searchRequest } from './translate.js';

export interface ElasticsearchRetention {
  /** Whole indices whose time span ended longer ago than this are deleted. */
  readonly maxAgeMs: number;
  /** A node-cron expression; absent: retention runs only when retention() is called. */
  readonly schedule?: string;
}

export interface ElasticsearchStoreOptions extends ConnectionOptions {
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  /** Default `brokerwatch-{dataset}-{yyyy.MM.dd}`: one index per dataset and UTC day. */
  readonly indexPattern?: string;
  /** Default `brokerwatch-dead-letter`; must not match the index pattern. */
  readonly deadLetterIndex?: string;
  /** Default `brokerwatch-events`. */
  readonly templateName?: string;
  readonly numberOfShards?: number;
  readonly numberOfReplicas?: number;
  readonly bulk?: Partial<BulkLimits>;
  readonly backoff?: BackoffPolicy;
  readonly retention?: ElasticsearchRetention;
  /** Writes resolve only once their events are searchable (bulk `refresh=true`); costs throughput. */
  readonly refreshOnWrite?: boolean;
  readonly random?: () => number;
  readonly sleep?: Sleep;
}

export const DEFAULT_INDEX_PATTERN = 'brokerwatch-{dataset}-{yyyy.MM.dd}';
export const DEFAULT_BULK_LIMITS: BulkLimits = { maxBulkBytes: 5 * 1024 * 1024, maxBulkDocs: 5_000, maxConcurrentRequests: 2 };

export class ElasticsearchStore implements EventStore {
  readonly kind = 'elasticsearch';
  readonly #options: ElasticsearchStoreOptions;
  readonly #client: Client;
  readonly #pattern: IndexPattern;
  readonly #indices: string[];
  readonly #deadLetterIndex: string;
  readonly #templateName: string;
  readonly #bulk: BulkWriter;
  #retentionTask: ScheduledTask | undefined;

  /** Connects, checks the cluster (see check()) and installs the index template and dead-letter index. */
  static async open(options: ElasticsearchStoreOptions): Promise<ElasticsearchStore> {
    const store = new ElasticsearchStore(options);
    try {
      await checkVersion(store.#client, options.node);
      await store.#install();
    } catch (error) {
      await store.close();
      throw error;
    }
    if (options.retention?.schedule !== undefined) {
      store.#retentionTask = scheduleRetention(store, options.retention.schedule, options.telemetry);
    }
    return store;
  }

  private constructor(options: ElasticsearchStoreOptions) {
    this.#options = options;
    this.#client = createClient(options);
    this.#pattern = new IndexPattern(options.indexPattern ?? DEFAULT_INDEX_PATTERN);
    this.#indices = this.#pattern.wildcards();
    this.#deadLetterIndex = options.deadLetterIndex ?? 'brokerwatch-dead-letter';
    this.#templateName = options.templateName ?? 'brokerwatch-events';
    checkSchedule(options.retention?.schedule);
    if (this.#pattern.covers(this.#deadLetterIndex)) {
      throw new StoreRequestError('the dead-letter index must not match the index pattern', {
        context: { deadLetterIndex: this.#deadLetterIndex, indexPattern: this.#pattern.pattern },
      });
    }
    this.#bulk = new BulkWriter({
      ...DEFAULT_BULK_LIMITS,
      ...options.bulk,
      client: this.#client,
      clock: options.clock,
      telemetry: options.telemetry,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      random: options.random ?? Math.random,
      sleep: options.sleep ?? timerSleep,
      deadLetterIndex: this.#deadLetterIndex,
      refreshOnWrite: options.refreshOnWrite ?? false,
    });
  }

  write(batch: readonly BrokerEvent[]): Promise<ItemResult[]> {
    const ingested = new Date(this.#options.clock.now()).toISOString();
    return this.#bulk.write(this.#documents(batch, ingested));
  }

  /** One at a time, as the bulk bodies take them: each event's JSON is copied into its body at once. */
  *#documents(batch: readonly BrokerEvent[], ingested: string): Generator<BulkDocument> {
    for (const event of batch) {
      const index = this.#pattern.indexFor(event['event.dataset'], Date.parse(event['@timestamp']) as Instant);
      yield { id: event['event.id'], index, source: stampedJson(event, ingested) };
    }
  }

  async search(query: SearchQuery): Promise<SearchPage> {
    validateSearch(query);
    const limit = pageSize(query);
    const events = await this.#search(searchRequest(query, limit + 1));
    if (events.length <= limit) return { events };
    const page = events.slice(0, limit);
    return { events: page, next: cursorOf(page[page.length - 1]!) };
  }

  timeline(query: TimelineQuery): Promise<SearchPage> {
    return this.search(timelineSearch(query));
  }

  async context(query: ContextQuery): Promise<ContextResult> {
    validateContext(query);
    const scope = query.scope === undefined ? [] : [criteriaQuery({ scope: query.scope })];
    const [anchor] = await this.#search({ query: { bool: { filter: [{ term: { 'event.id': query.id } }, ...scope] } }, size: 1 });
    if (anchor === undefined) throw new EventNotFoundError('no such event', { context: { id: query.id } });
    const host = anchor['host.name'];
    const path = anchor['log.file.path'];
    const offset = anchor['log.offset'];
    if (path === undefined || offset === undefined) return { before: [], anchor, after: [] };
    const sameFile: estypes.QueryDslQueryContainer[] = [
      { term: { 'log.file.path': path } },
      host === undefined ? { bool: { must_not: [{ exists: { field: 'host.name' } }] } } : { term: { 'host.name': host } },
      ...scope,
    ];
    const neighbours = (range: estypes.QueryDslNumberRangeQuery, order: 'asc' | 'desc', size: number): Promise<BrokerEvent[]> =>
      size === 0
        ? Promise.resolve([])
        : this.#search({
            query: { bool: { filter: [...sameFile, { range: { 'log.offset': range } }] } },
            sort: [{ 'log.offset': { order } }],
            size,
          });
    const [before, after] = await Promise.all([
      neighbours({ lt: offset }, 'desc', query.before),
      neighbours({ gt: offset }, 'asc', query.after),
    ]);
    return { before: before.reverse(), anchor, after };
  }

  async histogram(query: HistogramQuery): Promise<HistogramBucket[]> {
    validateHistogram(query);
    const response = await this.#request(() =>
      this.#client.search({
        index: this.#indices,
        ignore_unavailable: true,
        allow_no_indices: true,
        size: 0,
        query: criteriaQuery(query),
        aggs: {
          buckets: {
            date_histogram: { field: '@timestamp', fixed_interval: `${query.intervalMs}ms`, min_doc_count: 1 },
          },
        },
      }),
    );
    const aggregation = response.aggregations?.buckets as estypes.AggregationsDateHistogramAggregate | undefined;
    const buckets = (aggregation?.buckets ?? []) as estypes.AggregationsDateHistogramBucket[];
    const counts = new Map(buckets.map((bucket) => [Number(bucket.key), bucket.doc_count]));
    return histogramStarts(query).map((start) => ({ start, count: counts.get(start) ?? 0 }));
  }

  async retention(): Promise<RetentionResult> {
    const maxAgeMs = this.#options.retention?.maxAgeMs;
    if (maxAgeMs === undefined) return { deletedEvents: 0, deletedIndices: [] };
    const cutoff = this.#options.clock.now() - maxAgeMs;
    const listed = await this.#request(() =>
      this.#client.cat.indices({ index: this.#indices, format: 'json', h: 'index,docs.count', expand_wildcards: ['open', 'closed'] }),
    );
    const expired = listed.filter((row) => {
      const span = row.index === undefined ? undefined : this.#pattern.span(row.index);
      return span !== undefined && span.end <= cutoff;
    });
    if (expired.length === 0) return { deletedEvents: 0, deletedIndices: [] };
    const deletedIndices = expired.map((row) => row.index!);
    // Named one by one: clusters commonly forbid wildcard deletes (action.destructive_requires_name).
    await this.#request(() => this.#client.indices.delete({ index: deletedIndices }));
    const deletedEvents = expired.reduce((sum, row) => sum + Number(row['docs.count'] ?? 0), 0);
    this.#options.telemetry.emit('store_retention_applied', { store: this.kind, deletedIndices, deletedEvents });
    return { deletedEvents, deletedIndices };
  }

  async check(): Promise<void> {
    await checkVersion(this.#client, this.#options.node);
    const present = await this.#request(() => this.#client.indices.existsIndexTemplate({ name: this.#templateName }));
    if (!present) {
      throw new StoreRequestError('the brokerwatch index template is missing', { context: { template: this.#templateName } });
    }
  }

  async close(): Promise<void> {
    await this.#retentionTask?.stop();
    this.#bulk.close();
    await this.#client.close();
  }

  async #install(): Promise<void> {
    await this.#request(() =>
      this.#client.indices.putIndexTemplate({
        name: this.#templateName,
        index_patterns: this.#indices,
        priority: 200,
        template: {
          settings: {
            number_of_shards: this.#options.numberOfShards ?? 1,
            ...(this.#options.numberOfReplicas === undefined ? {} : { number_of_replicas: this.#options.numberOfReplicas }),
          },
          mappings: eventMappings(),
        },
        _meta: { managed_by: 'brokerwatch', generated_from: 'src/core/fields.ts' },
      }),
    );
    const exists = await this.#request(() => this.#client.indices.exists({ index: this.#deadLetterIndex }));
    if (!exists) {
      await this.#request(() =>
        this.#client.indices.create(
          { index: this.#deadLetterIndex, mappings: deadLetterMappings(), settings: { number_of_shards: 1 } },
          { ignore: [400] },
        ),
      );
    }
  }

  async #search(request: Omit<estypes.SearchRequest, 'index'>): Promise<BrokerEvent[]> {
    const response = await this.#request(() =>
      this.#client.search<BrokerEvent>({
        index: this.#indices,
        ignore_unavailable: true,
        allow_no_indices: true,
        track_total_hits: false,
        ...request,
      }),
    );
    return response.hits.hits.map((hit) => hit._source!);
  }

  async #request<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw connectionError(error, this.#options.node);
    }
  }
}
