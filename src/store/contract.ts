import type {
  BrokerEvent,
  ContextQuery,
  ContextResult,
  EventId,
  HistogramBucket,
  HistogramQuery,
  SearchPage,
  SearchQuery,
  TimelineQuery,
} from '../core/index.js';

/**
 * The outcome of one event of a batch. `duplicate`: an event with this id was already stored (a
 * replay or redelivery), which is success. `dead_lettered`: the store refused this event for good
 * (a mapping conflict, say); it was kept, with the reason, where an admin can find it.
 */
export type ItemOutcome = 'stored' | 'duplicate' | 'dead_lettered';

export interface ItemResult {
  readonly id: EventId;
  readonly outcome: ItemOutcome;
  readonly reason?: string;
}

export interface RetentionResult {
  readonly deletedEvents: number;
  /** Elasticsearch: the whole indices deleted. */
  readonly deletedIndices: readonly string[];
}

export interface EventStore {
  readonly kind: 'sqlite' | 'elasticsearch';
  /**
   * Resolves once every event of the batch is durably stored, recognised as a duplicate or
   * dead-lettered, one result per event in batch order: this is the acknowledgement a caller may
   * checkpoint on. Rejects (with a StoreError) when that cannot be said for every event.
   */
  write(batch: readonly BrokerEvent[]): Promise<ItemResult[]>;
  search(query: SearchQuery): Promise<SearchPage>;
  context(query: ContextQuery): Promise<ContextResult>;
  histogram(query: HistogramQuery): Promise<HistogramBucket[]>;
  timeline(query: TimelineQuery): Promise<SearchPage>;
  /** Deletes what the configured retention says is past keeping, now (stores may also schedule it). */
  retention(): Promise<RetentionResult>;
  /** Start-up and health: reachable, authorised, a supported version, schema in place. */
  check(): Promise<void>;
  close(): Promise<void>;
}
