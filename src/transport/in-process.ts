import { DeliveryFailed, TransportClosed } from './errors.js';
import type { BatchHandler, Transport } from './transport.js';

export interface InProcessOptions<T> {
  /** Bytes of batches sent and not yet acknowledged, at most: send() waits for room beyond it. */
  readonly maxInFlightBytes: number;
  /** The memory a batch holds, as counted against maxInFlightBytes. */
  readonly size: (batch: T) => number;
}

interface Queued<T> {
  readonly batch: T;
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/**
 * The transport of the single-process default (`brokerwatch run`): batches go straight to the
 * consumer's handler, one at a time in the order sent, and send() resolves when the handler has.
 * A batch larger than the whole bound is let through alone, so that it cannot wait forever.
 */
export class InProcessTransport<T> implements Transport<T> {
  readonly #options: InProcessOptions<T>;
  readonly #queue: Queued<T>[] = [];
  #handler: BatchHandler<T> | undefined;
  #inFlight = 0;
  #roomWaiters: (() => void)[] = [];
  #pumping: Promise<void> | undefined;
  #closed = false;

  constructor(options: InProcessOptions<T>) {
    this.#options = options;
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

  /** Rejects what is queued with TransportClosed and waits for the batch being handled. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const queued of this.#queue.splice(0)) {
      this.#inFlight -= queued.bytes;
      queued.reject(new TransportClosed('the in-process transport closed before the batch was delivered'));
    }
    this.#wakeSenders();
    await this.#pumping;
  }

  #pump(): void {
    // Never started on an empty queue: the loop must reach an await before it can end, or its
    // last step would run before #pumping is assigned.
    if (this.#pumping !== undefined || this.#handler === undefined || this.#queue.length === 0) return;
    const handler = this.#handler;
    this.#pumping = (async () => {
      for (let queued = this.#queue.shift(); queued !== undefined; queued = this.#queue.shift()) {
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
      // In the same step as the last look at the queue: a send after it starts a new pump.
      this.#pumping = undefined;
    })();
  }

  #wakeSenders(): void {
    const waiters = this.#roomWaiters;
    this.#roomWaiters = [];
    for (const wake of waiters) wake();
  }
}
