// A guard around a kafkajs 2.2.4 race (the same family as tulios/kafkajs#1384 and #1387). A consumer
// stopped while its fetch manager rebuilds its fetchers (after a rebalance, or a broker lost) can
// leave fetchers running whose runner is stopped. A stopped runner's fetch() answers [] at once,
// so each such fetcher loops on resolved promises for ever: the process's event loop starves
// (100% CPU, no timer, no socket ever served again), which for the ingester means silence. Seen
// here in the Kafka transport's integration suite, with a stack in kafkajs/src/consumer/fetcher.js.
//
// The guard makes a stopped runner's fetch() fail instead. The fetcher's loop ends on the error,
// the fetch manager stops its other fetchers and passes the error up, and the runner's retry sees
// it is stopped and schedules nothing more: the shutdown kafkajs meant to happen.
import { createRequire } from 'node:module';

interface Runner {
  running: boolean;
}

interface RunnerPrototype {
  fetch: (this: Runner, nodeId: number) => Promise<unknown[]>;
}

/** What a fetcher of a stopped consumer gets from fetch(). */
export class ConsumerStoppedError extends Error {
  constructor() {
    super('the consumer was stopped: this fetcher ends');
    this.name = 'BrokerwatchConsumerStopped';
  }
}

let guarded = false;

/** Installs the guard on kafkajs's Runner once per process. */
export function guardStoppedFetch(): void {
  if (guarded) return;
  guarded = true;
  const runner = createRequire(import.meta.url)('kafkajs/src/consumer/runner.js') as { prototype: RunnerPrototype };
  const fetch = runner.prototype.fetch;
  runner.prototype.fetch = function (this: Runner, nodeId: number) {
    return this.running ? fetch.call(this, nodeId) : Promise.reject(new ConsumerStoppedError());
  };
}
