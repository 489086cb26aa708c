import { Backoff, timerSleep, type BackoffPolicy, type BrokerEvent, type Clock, type Sleep } from '../core/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { TransportClosed, type Transport } from '../transport/index.js';
import type { FollowerMetrics } from './metrics.js';
import type { EventRecord } from './parsing-stage.js';
import type { Batch, Source } from './source.js';

export interface ShipperDeps {
  readonly transport: Transport<readonly BrokerEvent[]>;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  readonly metrics: FollowerMetrics;
  /** Between attempts to send a refused batch: no end, since giving up would lose its records. */
  readonly backoff?: BackoffPolicy;
  readonly sleep?: Sleep;
}

const SHIP_BACKOFF: BackoffPolicy = { initialDelayMs: 200, maxDelayMs: 10_000 };

/**
 * Moves the batches of sources onto the transport and acknowledges each to its source once the
 * transport has (and so the store behind it). Batches are sent without waiting for the one before
 * (the source bounds what is in flight); a refused batch is sent again, with backoff, until it is
 * taken or the shipper stops: then it stays unacknowledged, and the next run reads it again.
 */
export class Shipper {
  readonly #deps: ShipperDeps;
  readonly #stopping = new AbortController();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #running: Promise<void>[] = [];

  constructor(deps: ShipperDeps) {
    this.#deps = deps;
  }

  /** Ships `source` until stop(). */
  ship(source: Source<EventRecord>): void {
    this.#running.push(this.#drain(source));
  }

  /** Stops sending; resolves when every batch under way was acknowledged or given back. */
  async stop(): Promise<void> {
    this.#stopping.abort(new TransportClosed('the agent is stopping'));
    await Promise.all([...this.#inFlight]);
  }

  /** Resolves when every source ended (they end when closed). */
  async done(): Promise<void> {
    await Promise.all(this.#running);
  }

  async #drain(source: Source<EventRecord>): Promise<void> {
    for await (const batch of source.records()) {
      if (this.#stopping.signal.aborted) return;
      const sent = this.#deliver(batch).then((delivered) => {
        if (delivered) source.ack(batch);
      });
      this.#inFlight.add(sent);
      void sent.finally(() => this.#inFlight.delete(sent));
    }
  }

  /** True once the transport took the batch; false when the shipper stopped first. */
  async #deliver(batch: Batch<EventRecord>): Promise<boolean> {
    const { transport, metrics, telemetry, clock } = this.#deps;
    const events = batch.records.map((record) => record.event);
    const backoff = new Backoff(this.#deps.backoff ?? SHIP_BACKOFF, clock);
    const sleep = this.#deps.sleep ?? timerSleep;
    for (;;) {
      try {
        await transport.send(events);
        metrics.recordsShipped.inc(events.length);
        return true;
      } catch (error) {
        if (this.#stopping.signal.aborted || error instanceof TransportClosed) return false;
        metrics.batchesFailed.inc();
        const delay = backoff.next() ?? 0;
        telemetry.emit('batch_send_retried', {
          path: batch.file.path,
          records: events.length,
          attempt: backoff.attempts,
          delay_ms: delay,
          error: error instanceof Error ? error.message : String(error),
        });
        try {
          await sleep(delay, this.#stopping.signal);
        } catch {
          return false;
        }
      }
    }
  }
}
