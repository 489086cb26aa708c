// The contract every Transport keeps; each implementation's test file runs it.
import { describe, expect, it } from 'vitest';
import { DeliveryFailed, type Transport } from '../../src/transport/index.js';

/** A test batch: its label, and the bytes it stands for. */
export interface TestBatch {
  readonly label: string;
  readonly bytes: number;
}

export function transportContract(name: string, make: () => Promise<Transport<TestBatch>>): void {
  describe(`${name} keeps the Transport contract`, () => {
    it('hands every batch to the consumer in the order sent', async () => {
      const transport = await make();
      const seen: string[] = [];
      transport.consume((batch) => {
        seen.push(batch.label);
        return Promise.resolve();
      });
      await Promise.all(['a', 'b', 'c'].map((label) => transport.send({ label, bytes: 1 })));
      expect(seen).toEqual(['a', 'b', 'c']);
      await transport.close();
    });

    it('resolves send() only once the consumer acknowledged the batch', async () => {
      const transport = await make();
      let acknowledge: () => void = () => {};
      const handled = new Promise<void>((handling) => {
        transport.consume(
          () =>
            new Promise<void>((resolve) => {
              acknowledge = resolve;
              handling();
            }),
        );
      });
      let acknowledged = false;
      const sent = transport.send({ label: 'a', bytes: 1 }).then(() => {
        acknowledged = true;
      });
      await handled;
      expect(acknowledged).toBe(false);
      acknowledge();
      await sent;
      expect(acknowledged).toBe(true);
      await transport.close();
    });

    it('rejects send() with a retryable DeliveryFailed when the consumer fails the batch', async () => {
      const transport = await make();
      transport.consume((batch) => (batch.label === 'bad' ? Promise.reject(new Error('store down')) : Promise.resolve()));
      const failure = await transport.send({ label: 'bad', bytes: 1 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DeliveryFailed);
      expect(failure).toMatchObject({ code: 'transport_delivery_failed', retryable: true });
      await expect(transport.send({ label: 'good', bytes: 1 })).resolves.toBeUndefined();
      await transport.close();
    });

    it('passes its start-up check', async () => {
      const transport = await make();
      await expect(transport.check()).resolves.toBeUndefined();
      await transport.close();
    });
  });
}
