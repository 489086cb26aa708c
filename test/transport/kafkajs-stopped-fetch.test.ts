// The guard on kafkajs's Runner (src/transport/kafkajs-stopped-fetch.ts): a stopped runner's
// fetch() fails, so a fetcher left running by the race ends instead of looping for ever; a running
// runner's fetch() is kafkajs's own.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ConsumerStoppedError, guardStoppedFetch } from '../../src/transport/kafkajs-stopped-fetch.js';

guardStoppedFetch();
const Runner = (createRequire(import.meta.url)('kafkajs/src/consumer/runner.js') as { prototype: object }).prototype;

type Fetching = { fetch(nodeId: number): Promise<unknown[]> };

function runner(running: boolean, batches: unknown[]): Fetching {
  return Object.assign(Object.create(Runner) as Fetching, {
    running,
    consumerGroup: { fetch: () => Promise.resolve(batches), groupId: 'g', memberId: 'm' },
    instrumentationEmitter: { emit: () => undefined },
    logger: { debug: () => undefined },
  });
}

describe('the stopped-fetch guard on kafkajs', () => {
  it('fails the fetch of a stopped runner instead of answering nothing at once', async () => {
    await expect(runner(false, []).fetch(1)).rejects.toBeInstanceOf(ConsumerStoppedError);
  });

  it("leaves a running runner's fetch to kafkajs", async () => {
    const batch = { topic: 't', partition: 0 };
    await expect(runner(true, [batch]).fetch(1)).resolves.toEqual([batch]);
  });

  it('ends a fetcher loop whose runner stopped: what starved the event loop before', async () => {
    const createFetcher = createRequire(import.meta.url)('kafkajs/src/consumer/fetcher.js') as (options: object) => { start(): Promise<void> };
    const stopped = runner(false, []);
    // Without the guard the loop never yields; past a thousand calls it is cut, and fails here.
    let calls = 0;
    const fetcher = createFetcher({
      nodeId: 1,
      workerQueue: { push: () => Promise.resolve() },
      partitionAssignments: new Map(),
      fetch: (nodeId: number) => (++calls > 1000 ? Promise.reject(new Error('the fetcher looped')) : stopped.fetch(nodeId)),
      logger: { debug: () => undefined, namespace: () => ({ debug: () => undefined }) },
    });
    await expect(fetcher.start()).rejects.toBeInstanceOf(ConsumerStoppedError);
    expect(calls).toBe(1);
  });
});
