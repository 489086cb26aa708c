// The fixtures captured by scripts/drills/ are the ground truth for parsers and rules: this suite
// fails if a regeneration lost the records a drill exists to produce. The Kafka drills have their
// own, stricter suite: kafka-fixtures.test.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Every line of every log file of one drill's folder. */
function drillLines(folder: string): string[] {
  const root = join(FIXTURES, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.log'))
    .flatMap((file) => readFileSync(join(root, file), 'utf8').split('\n'));
}

function expectRecord(folder: string, wording: RegExp): void {
  expect(drillLines(folder).some((line) => wording.test(line)), `${folder} has a record matching ${wording}`).toBe(true);
}

describe('RabbitMQ 3.10.8 drills', () => {
  it.each(['ignore', 'autoheal', 'pause_minority'])('partition-%s sees the paused node go down', (handling) => {
    expectRecord(`rabbitmq/3.10.8-partition-${handling}`, /node r3@\S+ down: net_tick_timeout/);
  });

  it.each(['ignore', 'autoheal'])('partition-%s ends in a Mnesia partition report', (handling) => {
    expectRecord(
      `rabbitmq/3.10.8-partition-${handling}`,
      /Mnesia\(r\d@\S+\): \*\* ERROR \*\* mnesia_event got \{inconsistent_database, running_partitioned_network, r\d@\S+\}/,
    );
  });

  it('partition-autoheal shows the autoheal decision', () => {
    expectRecord('rabbitmq/3.10.8-partition-autoheal', /Autoheal decision/);
  });

  it.each(['memory', 'disk'])('alarms sets and clears the %s alarm', (resource) => {
    expectRecord('rabbitmq/3.10.8-alarms', new RegExp(`${resource} resource limit alarm set on node`));
    expectRecord('rabbitmq/3.10.8-alarms', new RegExp(`${resource} resource limit alarm cleared on node`));
  });

  it('node-crash sees the killed node go down and, 90 s later, come back', () => {
    expectRecord('rabbitmq/3.10.8-node-crash', /rabbit on node r3@\S+ down/);
    expectRecord('rabbitmq/3.10.8-node-crash', /rabbit on node r3@\S+ up/);
  });

  it('node-restart sees the node go down and come back', () => {
    expectRecord('rabbitmq/3.10.8-node-restart', /rabbit on node r2@\S+ down/);
    expectRecord('rabbitmq/3.10.8-node-restart', /rabbit on node r2@\S+ up/);
  });
});
