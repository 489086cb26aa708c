// Bulk writes: events are cut into requests bounded in bytes and documents, sent with bounded
// concurrency, and every item ends stored, duplicate or dead-lettered before write() resolves.
// Whole-request failures and 429/5xx items are retried with backoff and jitter (src/core/backoff);
// what counts as which is decided in failure.ts.
import { setMaxListeners } from 'node:events';
import type { Client } from '@elastic/elasticsearch';
import { Backoff, type BackoffPolicy, type Clock, type Sleep } from '../../core/index.js';
import type { Telemetry } from '../../telemetry/index.js';
import type { ItemResult } from '../contract.js';
import { StoreRequestError, StoreUnauthorizedError, StoreWriteError } from '../errors.js';
import { encodeBodies, type BodyItem, type BulkDocument, type BulkRequestBody } from './bulk-body.js';
import { decideItem, decideRequestFailure, type BulkItem } from './failure.js';

export interface BulkLimits {
  /** UTF-8 bytes of a request's body. */
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

  /** Stores `documents` (`create`: an id already stored answers 409, a duplicate); results in their order. */
  async write(documents: Iterable<BulkDocument>): Promise<ItemResult[]> {
    const requests = encodeBodies(documents, 'create', this.#options);
    const results: ItemResult[] = [];
    /** Per request, the position of its first document among all. */
    const firsts: number[] = [];
    let count = 0;
    for (const request of requests) {
      firsts.push(count);
      count += request.items.length;
    }
    await Promise.all(
      requests.map(async (request, r) => {
        const finals = await this.#send(request);
        const refused: { position: number; item: BodyItem; final: FinalItem }[] = [];
        finals.forEach((final, k) => {
          const position = firsts[r]! + k;
          const item = request.items[k]!;
          if (final.decision === 'dead_letter') refused.push({ position, item, final });
          else results[position] = { id: item.id, outcome: final.decision };
        });
        if (refused.length === 0) return;
        const lettered = await this.#deadLetter(request.body, refused);
        refused.forEach(({ position }, j) => (results[position] = lettered[j]!));
      }),
    );
    return results;
  }

  close(): void {
    this.#closing.abort(new StoreWriteError('the store was closed during a write', { retryable: true }));
  }

  /** Writes refused documents to the dead-letter index; their results, in their order. */
  async #deadLetter(body: Buffer, refused: readonly { item: BodyItem; final: FinalItem }[]): Promise<ItemResult[]> {
    const now = new Date(this.#options.clock.now()).toISOString();
    const deadLetterIndex = this.#options.deadLetterIndex;
    const letters = refused.map(({ item, final }): BulkDocument => {
      const letter = {
        '@timestamp': now,
        'event.id': item.id,
        'error.type': final.error?.type ?? `status_${final.status}`,
        'error.message': final.error?.reason ?? '',
        'brokerwatch.target_index': item.index,
        'brokerwatch.status': final.status,
        'event.original': body.toString('utf8', item.sourceStart, item.end - 1),
      };
      return { id: item.id, index: deadLetterIndex, source: JSON.stringify(letter) };
    });
    // `index`, not `create`: a replayed refusal replaces its letter instead of failing with 409.
    for (const request of encodeBodies(letters, 'index', this.#options)) {
      const lost = (await this.#send(request)).filter((final) => final.decision === 'dead_letter');
      if (lost.length > 0) {
        throw new StoreWriteError('the dead-letter index refused items', {
          context: { index: deadLetterIndex, reason: lost[0]!.error?.reason, count: lost.length },
        });
      }
    }
    this.#options.telemetry.emit('store_items_dead_lettered', { count: refused.length, index: deadLetterIndex, reason: refused[0]!.final.error?.type });
    return refused.map(({ item, final }) => ({
      id: item.id,
      outcome: 'dead_lettered',
      reason: `${final.error?.type ?? final.status}: ${final.error?.reason ?? ''}`,
    }));
  }

  /** Sends a request until each of its items has a final answer; one entry per item, in order. */
  async #send(request: BulkRequestBody): Promise<FinalItem[]> {
    const { body, items } = request;
    const finals: FinalItem[] = new Array<FinalItem>(items.length);
    const backoff = new Backoff(this.#options.backoff, this.#options.clock, this.#options.random);
    let pending = items.map((_, i) => i);
    while (pending.length > 0) {
      // Sent again, only the items still without an answer.
      const attempt = pending.length === items.length ? body : Buffer.concat(pending.map((i) => body.subarray(items[i]!.start, items[i]!.end)));
      let answer: BulkItem[];
      try {
        answer = await this.#semaphore.run(() => this.#request(attempt));
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

  async #request(body: Buffer): Promise<BulkItem[]> {
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
