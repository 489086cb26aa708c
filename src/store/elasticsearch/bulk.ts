// Bulk writes: events are cut into requests bounded in bytes and documents, sent with bounded
// concurrency, and every item ends stored, duplicate or dead-lettered before write() resolves.
// Whole-request failures and 429/5xx items are retried with backoff and jitter (src/core/backoff);
// what counts as which is decided in failure.ts.
import { setMaxListeners } from 'node:events';
import type { Client } from '@elastic/elasticsearch';
import { Backoff, chunkBySize, type BackoffPolicy, type Clock, type EventId, type Sleep } from '../../core/index.js';
import type { Telemetry } from '../../telemetry/index.js';
import type { ItemResult } from '../contract.js';
import { StoreRequestError, StoreUnauthorizedError, StoreWriteError } from '../errors.js';
import { decideItem, decideRequestFailure, type BulkItem } from './failure.js';

/** One event ready to send: its two NDJSON lines, and what the dead-letter index needs. */
export interface PreparedItem {
  readonly id: EventId;
  readonly index: string;
  /** The document as sent, JSON. */
  readonly source: string;
  /** Action and source lines, each ending in a newline. */
  readonly lines: string;
}

export function prepareCreate(id: EventId, index: string, source: string): PreparedItem {
  return { id, index, source, lines: `{"create":{"_index":${JSON.stringify(index)},"_id":${JSON.stringify(id)}}}\n${source}\n` };
}

export interface BulkLimits {
  /** Characters of a request's body (see chunk()). */
  readonly maxBulkBytes: number;
  readonly maxBulkDocs: number;
  readonly maxConcurrentRequests: number;
}

export interface BulkWriterOptions extends BulkLimits {
  readonly client: Client;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  readonly backoff: BackoffPolicy;
  readonly random: () => number;
  readonly sleep: Sleep;
  readonly deadLetterIndex: string;
  /** Bulk `refresh=true`: a write resolves only once its events are searchable. */
  readonly refreshOnWrite: boolean;
}

type FinalItem = BulkItem & { readonly decision: 'stored' | 'duplicate' | 'dead_letter' };

/** Bounds the requests in flight across every write of one store. */
class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#free === 0) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#free -= 1;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next === undefined) this.#free += 1;
      else next();
    }
  }
}

/**
 * Positions of `items` cut into runs that respect the limits (an oversized item goes alone). An
 * item counts its characters, which are its bytes in ASCII: measuring its UTF-8 took a pass over
 * every document on the hot path, and a request of non-ASCII text (at most 3 bytes a character)
 * stays far below Elasticsearch's http.max_content_length (100 MB) all the same.
 */
export function chunk(items: readonly PreparedItem[], limits: Pick<BulkLimits, 'maxBulkBytes' | 'maxBulkDocs'>): number[][] {
  return chunkBySize(
    items.map((_, i) => i),
    (i) => items[i]!.lines.length,
    limits.maxBulkBytes,
    limits.maxBulkDocs,
  );
}

export class BulkWriter {
  readonly #options: BulkWriterOptions;
  readonly #semaphore: Semaphore;
  readonly #closing = new AbortController();

  constructor(options: BulkWriterOptions) {
    this.#options = options;
    this.#semaphore = new Semaphore(options.maxConcurrentRequests);
    // Every request in flight and every backoff pause listens on it; the semaphore bounds the one,
    // callers' writes the other.
    setMaxListeners(0, this.#closing.signal);
  }

  async write(items: readonly PreparedItem[]): Promise<ItemResult[]> {
    const results: ItemResult[] = new Array<ItemResult>(items.length);
    await Promise.all(
      chunk(items, this.#options).map(async (positions) => {
        const finals = await this.#send(positions.map((p) => items[p]!));
        const refused: { position: number; item: FinalItem }[] = [];
        finals.forEach((item, i) => {
          const position = positions[i]!;
          if (item.decision === 'dead_letter') refused.push({ position, item });
          else results[position] = { id: items[position]!.id, outcome: item.decision };
        });
        if (refused.length > 0) await this.#deadLetter(items, refused, results);
      }),
    );
    return results;
  }

  close(): void {
    this.#closing.abort(new StoreWriteError('the store was closed during a write', { retryable: true }));
  }

  /** Writes the refused items to the dead-letter index and records them as dead-lettered in `results`. */
  async #deadLetter(
    items: readonly PreparedItem[],
    refused: readonly { position: number; item: FinalItem }[],
    results: ItemResult[],
  ): Promise<void> {
    const now = new Date(this.#options.clock.now()).toISOString();
    const letters = refused.map(({ position, item }) => {
      const prepared = items[position]!;
      const letter = {
        '@timestamp': now,
        'event.id': prepared.id,
        'error.type': item.error?.type ?? `status_${item.status}`,
        'error.message': item.error?.reason ?? '',
        'brokerwatch.target_index': prepared.index,
        'brokerwatch.status': item.status,
        'event.original': prepared.source,
      };
      // `index`, not `create`: a replayed refusal replaces its letter instead of failing with 409.
      const action = JSON.stringify({ index: { _index: this.#options.deadLetterIndex, _id: prepared.id } });
      return { id: prepared.id, index: this.#options.deadLetterIndex, source: prepared.source, lines: `${action}\n${JSON.stringify(letter)}\n` };
    });
    const finals = await this.#send(letters);
    const lost = finals.filter((item) => item.decision === 'dead_letter');
    if (lost.length > 0) {
      throw new StoreWriteError('the dead-letter index refused items', {
        context: { index: this.#options.deadLetterIndex, reason: lost[0]!.error?.reason, count: lost.length },
      });
    }
    for (const { position, item } of refused) {
      results[position] = { id: items[position]!.id, outcome: 'dead_lettered', reason: `${item.error?.type ?? item.status}: ${item.error?.reason ?? ''}` };
    }
    this.#options.telemetry.emit('store_items_dead_lettered', {
      count: refused.length,
      index: this.#options.deadLetterIndex,
      reason: refused[0]!.item.error?.type,
    });
  }

  /** Sends `items` until each has a final answer; one entry per item, in order. */
  async #send(items: readonly PreparedItem[]): Promise<FinalItem[]> {
    const finals: FinalItem[] = new Array<FinalItem>(items.length);
    const backoff = new Backoff(this.#options.backoff, this.#options.clock, this.#options.random);
    let pending = items.map((_, i) => i);
    while (pending.length > 0) {
      let answer: BulkItem[];
      try {
        answer = await this.#semaphore.run(() => this.#request(pending.map((i) => items[i]!.lines).join('')));
      } catch (error) {
        if (this.#closing.signal.aborted) throw this.#closing.signal.reason;
        const decision = decideRequestFailure(error);
        if (decision.kind === 'give_up') {
          const details = { context: { reason: decision.reason }, cause: error };
          throw decision.cause === 'unauthorized'
            ? new StoreUnauthorizedError('Elasticsearch refused the credentials for a bulk write', details)
            : new StoreRequestError('Elasticsearch rejected a bulk request', details);
        }
        await this.#pause(backoff, 'store_bulk_retried', { reason: decision.reason, items: pending.length }, error);
        continue;
      }
      const again: number[] = [];
      answer.forEach((item, k) => {
        const i = pending[k]!;
        const decision = decideItem(item);
        if (decision === 'retry') again.push(i);
        else finals[i] = { ...item, decision };
      });
      if (again.length > 0) {
        await this.#pause(backoff, 'store_items_retried', { items: again.length, status: answer.find((a) => decideItem(a) === 'retry')?.status });
      }
      pending = again;
    }
    return finals;
  }

  async #pause(backoff: Backoff, event: 'store_bulk_retried' | 'store_items_retried', fields: Record<string, unknown>, cause?: unknown): Promise<void> {
    const delay = backoff.next();
    if (delay === undefined) {
      this.#options.telemetry.emit('store_write_failed', { ...fields, attempts: backoff.attempts });
      throw new StoreWriteError('Elasticsearch did not accept a bulk request within the retry policy', {
        context: { ...fields, attempts: backoff.attempts },
        cause,
        retryable: true,
      });
    }
    this.#options.telemetry.emit(event, { ...fields, attempt: backoff.attempts, delayMs: delay });
    try {
      await this.#options.sleep(delay, this.#closing.signal);
    } catch (error) {
      throw this.#closing.signal.aborted ? this.#closing.signal.reason : error;
    }
  }

  async #request(body: string): Promise<BulkItem[]> {
    const response = await this.#options.client.transport.request<{ items: Record<string, BulkItem>[] }>(
      {
        method: 'POST',
        path: '/_bulk',
        bulkBody: body,
        querystring: {
          filter_path: 'items.*.status,items.*.error.type,items.*.error.reason',
          ...(this.#options.refreshOnWrite ? { refresh: 'true' } : {}),
        },
      },
      { signal: this.#closing.signal },
    );
    return response.items.map((entry) => Object.values(entry)[0]!);
  }
}
