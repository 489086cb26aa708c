import { Counter, Gauge, type Registry } from 'prom-client';
import type { Clock, Instant } from '../core/index.js';

/** What a source reports when metrics are collected. */
export interface FollowProgress {
  /** Per followed file: its size at the last poll and the offset acknowledged so far. */
  files(): Iterable<{ readonly path: string; readonly size: number; readonly acknowledged: number }>;
  /** When the oldest batch not yet acknowledged was handed on; undefined when none is. */
  oldestUnacknowledged(): Instant | undefined;
}

/**
 * The follower's Prometheus metrics, one set per process shared by every input: an agent that
 * stalls shows as bytes behind and a checkpoint age that keep growing.
 */
export class FollowerMetrics {
  readonly linesRead: Counter;
  readonly bytesRead: Counter;
  readonly linesTruncated: Counter;
  readonly recordsShipped: Counter;
  readonly batchesFailed: Counter;
  readonly #sources = new Set<FollowProgress>();

  constructor(registry: Registry, clock: Clock) {
    const sources = this.#sources;
    this.linesRead = new Counter({
      name: 'brokerwatch_agent_lines_read_total',
      help: 'Lines read from followed files',
      registers: [registry],
    });
    this.bytesRead = new Counter({
      name: 'brokerwatch_agent_bytes_read_total',
      help: 'Bytes read from followed files',
      registers: [registry],
    });
    this.linesTruncated = new Counter({
      name: 'brokerwatch_agent_lines_truncated_total',
      help: 'Lines longer than max_line_bytes, of which only the beginning was kept',
      registers: [registry],
    });
    this.recordsShipped = new Counter({
      name: 'brokerwatch_agent_records_shipped_total',
      help: 'Records acknowledged by the next stage (the transport, and behind it the store)',
      registers: [registry],
    });
    this.batchesFailed = new Counter({
      name: 'brokerwatch_agent_batches_failed_total',
      help: 'Attempts to ship a batch that the next stage refused or did not answer; each is sent again',
      registers: [registry],
    });
    new Gauge({
      name: 'brokerwatch_agent_file_bytes_behind',
      help: "Bytes between a followed file's end and the offset acknowledged by the next stage",
      labelNames: ['path'],
      registers: [registry],
      collect() {
        this.reset();
        for (const source of sources) {
          for (const file of source.files()) this.inc({ path: file.path }, Math.max(0, file.size - file.acknowledged));
        }
      },
    });
    new Gauge({
      name: 'brokerwatch_agent_checkpoint_age_seconds',
      help: 'Seconds since the oldest batch not yet acknowledged was handed on; 0 when all is acknowledged',
      registers: [registry],
      collect() {
        const now = clock.now();
        let oldest = now;
        for (const source of sources) {
          const since = source.oldestUnacknowledged();
          if (since !== undefined && since < oldest) oldest = since;
        }
        this.set((now - oldest) / 1000);
      },
    });
  }

  /** Reports `source` until the returned function is called. */
  attach(source: FollowProgress): () => void {
    this.#sources.add(source);
    return () => this.#sources.delete(source);
  }
}
