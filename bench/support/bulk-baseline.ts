// The raw `_bulk` loader, the baseline of the store and ingest benchmarks: the documents the
// Elasticsearch store would send, serialised before the clock starts, sent straight to _bulk with
// the store's request size and concurrency, nothing else (no retries, no dead letters).
import type { Client } from '@elastic/elasticsearch';
import type { BrokerEvent, Instant } from '../../src/core/index.js';
import { DEFAULT_BULK_LIMITS } from '../../src/store/index.js';
import { encodeBodies } from '../../src/store/elasticsearch/bulk-body.js';
import type { IndexPattern } from '../../src/store/elasticsearch/index-pattern.js';

/** The same documents the store sends, serialised before the clock starts, straight to _bulk. */
export function serialiseBulkBodies(events: readonly BrokerEvent[], pattern: IndexPattern): Buffer[] {
  const ingested = new Date().toISOString();
  const documents = events.map((event) => ({
    id: event['event.id'],
    index: pattern.indexFor(event['event.dataset'], Date.parse(event['@timestamp']) as Instant),
    source: JSON.stringify({ ...event, 'event.ingested': ingested }),
  }));
  return encodeBodies(documents, 'create', DEFAULT_BULK_LIMITS).map((request) => request.body);
}

/** Seconds per event of sending `bodies` (`count` events), with the store's concurrency. */
export async function sendBulkBodies(client: Client, bodies: readonly Buffer[], count: number): Promise<number> {
  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const response = await client.transport.request<{ errors: boolean }>({
        method: 'POST',
        path: '/_bulk',
        bulkBody: body,
        querystring: { filter_path: 'errors,items.*.status,items.*.error.type,items.*.error.reason' },
      });
      if (response.errors) throw new Error('baseline bulk had item errors');
    }
  };
  await Promise.all(Array.from({ length: DEFAULT_BULK_LIMITS.maxConcurrentRequests }, worker));
  return (performance.now() - started) / 1000 / count;
}
