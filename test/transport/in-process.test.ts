import { describe, expect, it } from 'vitest';
import { InProcessTransport, TransportClosed } from '../../src/transport/index.js';
import { transportContract, type TestBatch } from './contract.js';

const make = (maxInFlightBytes = 1 << 20) => new InProcessTransport<TestBatch>({ maxInFlightBytes, size: (batch) => batch.bytes });

transportContract('InProcessTransport', () => Promise.resolve(make()));

describe('InProcessTransport', () => {
  it('makes send() wait while the bytes in flight would pass the bound', async () => {
    const transport = make(100);
    const acknowledgements: (() => void)[] = [];
    const handled: string[] = [];
    transport.consume((batch) => {
      handled.push(batch.label);
      return new Promise<void>((resolve) => acknowledgements.push(resolve));
    });
    const sends = ['a', 'b', 'c'].map((label) => transport.send({ label, bytes: 40 }));
    await expect.poll(() => handled).toEqual(['a']);
    // a and b are in flight (80 bytes); c would make 120.
    expect(transport.inFlightBytes).toBe(80);
    acknowledgements.shift()!();
    await sends[0];
    await expect.poll(() => transport.inFlightBytes).toBe(80);
    expect(handled).toEqual(['a', 'b']);
    acknowledgements.shift()!();
    await expect.poll(() => handled).toEqual(['a', 'b', 'c']);
    acknowledgements.shift()!();
    await Promise.all(sends);
    expect(transport.inFlightBytes).toBe(0);
    await transport.close();
  });

  it('hands the consumer up to `concurrency` batches at once, started in the order sent, each acknowledged on its own', async () => {
    const transport = new InProcessTransport<TestBatch>({ maxInFlightBytes: 1 << 20, size: (batch) => batch.bytes, concurrency: 2 });
    const acknowledgements = new Map<string, () => void>();
    transport.consume((batch) => new Promise<void>((resolve) => acknowledgements.set(batch.label, resolve)));
    const acknowledged: string[] = [];
    const sends = ['a', 'b', 'c'].map((label) => transport.send({ label, bytes: 1 }).then(() => void acknowledged.push(label)));
    await expect.poll(() => [...acknowledgements.keys()]).toEqual(['a', 'b']);
    acknowledgements.get('b')!();
    await sends[1];
    expect(acknowledged).toEqual(['b']);
    await expect.poll(() => [...acknowledgements.keys()]).toEqual(['a', 'b', 'c']);
    acknowledgements.get('c')!();
    acknowledgements.get('a')!();
    await Promise.all(sends);
    expect(acknowledged).toEqual(['b', 'c', 'a']);
    await transport.close();
  });

  it('lets a batch larger than the whole bound through alone', async () => {
    const transport = make(10);
    transport.consume(() => Promise.resolve());
    await expect(transport.send({ label: 'big', bytes: 50 })).resolves.toBeUndefined();
    await transport.close();
  });

  it('rejects what is still queued when closed, with TransportClosed', async () => {
    const transport = make();
    let acknowledge: () => void = () => {};
    transport.consume(() => new Promise<void>((resolve) => (acknowledge = resolve)));
    const first = transport.send({ label: 'a', bytes: 1 });
    const second = transport.send({ label: 'b', bytes: 1 }).catch((error: unknown) => error);
    await expect.poll(() => transport.inFlightBytes).toBe(2);
    const closed = transport.close();
    expect(await second).toBeInstanceOf(TransportClosed);
    acknowledge();
    await first;
    await closed;
    await expect(transport.send({ label: 'c', bytes: 1 })).rejects.toMatchObject({ code: 'transport_closed' });
  });
});
