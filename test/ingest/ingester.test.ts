import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { eventId, type BrokerEvent } from '../../src/core/index.js';
import { Ingester } from '../../src/ingest/index.js';
import type { EventStore, ItemResult } from '../../src/store/index.js';
import { InProcessTransport } from '../../src/transport/index.js';

function batch(label: string): BrokerEvent[] {
  return [
    {
      '@timestamp': '2026-12-03T10:00:00.000Z',
      message: label,
      'event.id': eventId('host', label, 0),
      'event.original': label,
      'event.dataset': 'kafka.log',
      'service.type': 'kafka',
      'host.name': 'host',
    },
  ];
}

/** A store whose writes the test completes, in any order, or fails. */
class HeldStore {
  readonly writes = new Map<string, { resolve: (results: ItemResult[]) => void; reject: (error: Error) => void }>();

  write(events: readonly BrokerEvent[]): Promise<ItemResult[]> {
    return new Promise((resolve, reject) => this.writes.set(events[0]!.message, { resolve, reject }));
  }

  finish(label: string): void {
    this.writes.get(label)!.resolve([{ id: eventId('host', label, 0), outcome: 'stored' }]);
  }
}

/** An ingester on an in-process transport of `concurrency`, over a HeldStore; what it hands on, by batch label. */
function ingesting(concurrency: number) {
  const store = new HeldStore();
  const transport = new InProcessTransport<readonly BrokerEvent[]>({ maxInFlightBytes: 1 << 20, size: () => 1, concurrency });
  const handedOn: string[] = [];
  new Ingester({
    transport,
    store: store as unknown as EventStore,
    registry: new Registry(),
    onStored: (events) => void handedOn.push(events[0]!.message),
  }).start();
  return { store, transport, handedOn };
}

describe('Ingester', () => {
  it('writes the batches it is handed at once side by side, and hands them on in the order delivered', async () => {
    const { store, transport, handedOn } = ingesting(3);
    const sends = ['a', 'b', 'c'].map((label) => transport.send(batch(label)));
    await expect.poll(() => [...store.writes.keys()]).toEqual(['a', 'b', 'c']);

    let acknowledged = 0;
    for (const sent of sends) void sent.then(() => acknowledged++);
    store.finish('c');
    store.finish('b');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // b and c are stored, but wait for a before the rules see them (and before they are acknowledged).
    expect(handedOn).toEqual([]);
    expect(acknowledged).toBe(0);
    store.finish('a');
    await Promise.all(sends);
    expect(handedOn).toEqual(['a', 'b', 'c']);
    await transport.close();
  });

  it('hands on what follows a batch the store refused; the refused batch is rejected, to come again', async () => {
    const { store, transport, handedOn } = ingesting(2);
    const refused = transport.send(batch('a')).catch((error: unknown) => error);
    const stored = transport.send(batch('b'));
    await expect.poll(() => store.writes.size).toBe(2);
    store.writes.get('a')!.reject(new Error('the store is down'));
    store.finish('b');
    await stored;
    expect(await refused).toMatchObject({ code: 'transport_delivery_failed', retryable: true });
    expect(handedOn).toEqual(['b']);
    await transport.close();
  });
});
