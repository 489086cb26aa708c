// The fixtures captured by scripts/drills/ are the ground truth for parsers and rules: this suite
// fails if a regeneration lost the records a drill exists to produce.
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

const KAFKA_ISR_SHRINK = /\[Partition \S+-\d+ broker=\d\] Shrinking ISR from [\d,]+ to [\d,]+\. Leader: \(highWatermark: \d+, endOffset: \d+\)\. Out of sync replicas: /;
// Kafka 3.9 and 4.1 log a caught-up follower only as the persisted ISR, with no `Expanding ISR`.
const KAFKA_ISR_UPDATED = /\[Partition \S+-\d+ broker=\d\] ISR updated to [\d,]+ +and version updated to \d+/;

describe.each(['3.9.1-zk', '4.1.1-kraft'])('Kafka %s drills', (version) => {
  it.each(['follower-pause', 'broker-loss'])('%s shrinks the ISR with the 2.7+ wording and grows it back', (drill) => {
    expectRecord(`kafka/${version}/${drill}`, KAFKA_ISR_SHRINK);
    expectRecord(`kafka/${version}/${drill}`, KAFKA_ISR_UPDATED);
  });

  it('controller-loss hands the controller to another broker', () => {
    expectRecord(
      `kafka/${version}/controller-loss`,
      version.endsWith('zk')
        ? /\[Controller id=\d\] \d successfully elected as the controller\. Epoch incremented to \d+/
        : /\[QuorumController id=\d\] Becoming the active controller at epoch \d+/,
    );
  });
});

describe('Kafka 4.1.1 KRaft drills', () => {
  it('broker-loss fences the lost broker', () => {
    expectRecord('kafka/4.1.1-kraft/broker-loss', /Fencing broker \d+ at epoch \d+ because its session has timed out/);
  });
});

describe('Kafka 3.9.1 ZooKeeper drills', () => {
  it('session-expiry expires the paused broker\'s ZooKeeper session', () => {
    expectRecord('kafka/3.9.1-zk/session-expiry', /\[ZooKeeperClient Kafka server\] Session expired\./);
  });
});

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

  it('node-restart sees the node go down and come back', () => {
    expectRecord('rabbitmq/3.10.8-node-restart', /rabbit on node r2@\S+ down/);
    expectRecord('rabbitmq/3.10.8-node-restart', /rabbit on node r2@\S+ up/);
  });
});
