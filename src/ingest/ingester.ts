import { Counter, type Registry } from 'prom-client';
import type { BrokerEvent } from '../core/index.js';
import type { EventStore, ItemOutcome } from '../store/index.js';
import type { Transport } from '../transport/index.js';

/**
 * Called with a batch once the store holds it: the rules see only what is stored. The batch is
 * acknowledged to the transport when the returned promise (if any) resolves.
 */
export type StoredHandler = (events: readonly BrokerEvent[]) => void | Promise<void>;

export interface IngesterDeps {
  readonly transport: Transport<readonly BrokerEvent[]>;
  readonly store: EventStore;
  readonly registry: Registry;
  readonly onStored?: StoredHandler;
}

/**
 * `brokerwatch ingest` (and the store side of `run`): takes batches off the transport, writes them
 * to the store and, once the store acknowledged them, hands them on and acknowledges the batch to
 * the transport. A write that fails rejects the batch, so it is delivered again: nothing the store
 * did not take is acknowledged, and the event ids make a repeated write harmless.
 */
export class Ingester {
  readonly #deps: IngesterDeps;
  readonly #outcomes: Counter<'outcome'>;

  constructor(deps: IngesterDeps) {
    this.#deps = deps;
    this.#outcomes = new Counter({
      name: 'brokerwatch_ingest_events_total',
      help: 'Events written to the store, by outcome: stored, duplicate (already there) or dead_lettered',
      labelNames: ['outcome'],
      registers: [deps.registry],
    });
  }

  /**
   * The transport may hand over several batches at once: their writes overlap, and each batch is
   * handed on only after the one before it was (or failed to be stored, and will come again), so
   * the rules see batches in the order the transport delivered them.
   */
  start(): void {
    let handedOn: Promise<unknown> = Promise.resolve();
    this.#deps.transport.consume((events) => {
      const written = this.#deps.store.write(events);
      const previous = handedOn;
      const handled = (async () => {
        const results = await written;
        const counts = new Map<ItemOutcome, number>();
        for (const result of results) counts.set(result.outcome, (counts.get(result.outcome) ?? 0) + 1);
        for (const [outcome, count] of counts) this.#outcomes.inc({ outcome }, count);
        await previous;
        await this.#deps.onStored?.(events);
      })();
      handedOn = handled.catch(() => undefined);
      return handled;
    });
  }
}
