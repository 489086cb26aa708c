import { DeliveryFailed, TransportClosed } from './errors.js';
import type { BatchHandler, Transport } from './transport.js';

export interface InProcessOptions<T> {
  /** Bytes of batches sent and not yet acknowledged, at most: send() waits for room beyond it. */
  readonly maxInFlightBytes: number;
  /** The memory a batch holds, as counted against maxInFlightBytes. */
  readonly size: (batch: T) => number;
  /**
   * Batches the consumer handles at once (default 1), started in the order sent. More than one
   * lets the store write a batch while the one before it is still under way (two bulk requests
   * keep two Elasticsearch write threads busy); the consumer keeps its own order of what follows.
   */
  readonly concurrency?: number;
}

interface Queued<T> {
  readonly batch: T;
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * The transport of the single-process default (`brokerwatch run`): batches go straight to the
 * consumer's handler, in the order sent, and send() resolves when the handler has.
 * A batch larger than the whole bound is let through alone, so that it cannot wait forever.
 */
export class InProcessTransport<T> implements Transport<T> {
  readonly #options: InProcessOptions<T>;
  readonly #concurrency: number;
  readonly #queue: Queued<T>[] = [];
  #handler: BatchHandler<T> | undefined;
  #inFlight = 0;
  #roomWaiters: (() => void)[] = [];
  readonly #handling = new Set<Promise<void>>();
  #closed = false;

  constructor(options: InProcessOptions<T>) {
    this.#options = options;
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Bytes sent and not yet acknowledged. */
  get inFlightBytes(): number {
    return this.#inFlight;
  }

  check(): Promise<void> {
    return Promise.resolve();
  }

  async send(batch: T): Promise<void> {
    const bytes = this.#options.size(batch);
    while (!this.#closed && this.#inFlight > 0 && this.#inFlight + bytes > this.#options.maxInFlightBytes) {
      await new Promise<void>((resolve) => this.#roomWaiters.push(resolve));
    }
    if (this.#closed) throw new TransportClosed('the in-process transport is closed');
    this.#inFlight += bytes;
    const acknowledged = new Promise<void>((resolve, reject) => this.#queue.push({ batch, bytes, resolve, reject }));
    this.#pump();
    return acknowledged;
  }

  consume(handler: BatchHandler<T>): void {
    if (this.#handler !== undefined) throw new Error('the in-process transport has one consumer');
    this.#handler = handler;
    this.#pump();
  }

  /** Rejects what is queued with TransportClosed and waits for the batches being handled. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const queued of this.#queue.splice(0)) {
      this.#inFlight -= queued.bytes;
      queued.reject(new TransportClosed('the in-process transport closed before the batch was delivered'));
    }
    this.#wakeSenders();
    await Promise.all([...this.#handling]);
  }

  #pump(): void {
    const handler = this.#handler;
    if (handler === undefined) return;
    while (this.#handling.size < this.#concurrency && this.#queue.length > 0) {
      const handling = this.#handle(handler, this.#queue.shift()!);
      this.#handling.add(handling);
      void handling.finally(() => {
        this.#handling.delete(handling);
        this.#pump();
      });
    }
  }

  async #handle(handler: BatchHandler<T>, queued: Queued<T>): Promise<void> {
    try {
      await handler(queued.batch);
      queued.resolve();
    } catch (error) {
      queued.reject(new DeliveryFailed('the consumer did not acknowledge the batch', { cause: error, retryable: true }));
    } finally {
      this.#inFlight -= queued.bytes;
      this.#wakeSenders();
    }
  }

  #wakeSenders(): void {
    const waiters = this.#roomWaiters;
    this.#roomWaiters = [];
    for (const wake of waiters) wake();
  }
}
