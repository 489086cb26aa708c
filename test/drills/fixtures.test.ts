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

/** The versions of RabbitMQ the drills were run on: the `<version>-<drill>` folders. */
const RABBITMQ_VERSIONS = [
  ...new Set(
    readdirSync(join(FIXTURES, 'rabbitmq'))
      .filter((dir) => dir !== 'public')
      .map((dir) => dir.slice(0, dir.indexOf('-'))),
  ),
];
/** From 4.2 a new cluster keeps its metadata in Khepri (Raft), not in Mnesia. */
const onKhepri = (version: string): boolean => {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 4 || (major === 4 && minor >= 2);
};
/** Node `r<n>` (a number, or a pattern of one) as the logs name it: 3.8 quotes `'r3-1000@vm'`. */
const node = (n: number | string): string => `'?r${n}(?:-\\d+)?@[\\w.-]+'?`;

describe.each(RABBITMQ_VERSIONS)('RabbitMQ %s drills', (version) => {
  const folder = (drill: string): string => `rabbitmq/${version}-${drill}`;

  it.each(['ignore', 'autoheal', 'pause_minority'])('partition-%s sees the paused node go down', (handling) => {
    expectRecord(folder(`partition-${handling}`), new RegExp(`node ${node(3)} down: net_tick_timeout`));
  });

  if (onKhepri(version)) {
    // Raft heals the split by itself: no Mnesia report, and no partition handling acts.
    it.each(['ignore', 'autoheal', 'pause_minority'])('partition-%s ends with the node back, and no partition report', (handling) => {
      expectRecord(folder(`partition-${handling}`), new RegExp(`node ${node(3)} up`));
      expect(drillLines(folder(`partition-${handling}`)).some((line) => /inconsistent_database|Autoheal|minority/.test(line))).toBe(false);
    });
  } else {
    it.each(['ignore', 'autoheal'])('partition-%s ends in a Mnesia partition report', (handling) => {
      expectRecord(
        folder(`partition-${handling}`),
        new RegExp(`Mnesia\\(${node('\\d')}\\): \\*\\* ERROR \\*\\* mnesia_event got \\{inconsistent_database, running_partitioned_network, ${node('\\d')}\\}`),
      );
    });

    it('partition-autoheal shows the autoheal decision', () => {
      expectRecord(folder('partition-autoheal'), /Autoheal decision/);
    });
  }

  it.each(['memory', 'disk'])('alarms sets and clears the %s alarm', (resource) => {
    expectRecord(folder('alarms'), new RegExp(`${resource} resource limit alarm set on node`));
    expectRecord(folder('alarms'), new RegExp(`${resource} resource limit alarm cleared on node`));
  });

  it('node-crash sees the killed node go down and, 90 s later, come back', () => {
    expectRecord(folder('node-crash'), new RegExp(`rabbit on node ${node(3)} down`));
    expectRecord(folder('node-crash'), new RegExp(`rabbit on node ${node(3)} up`));
  });

  it('node-restart sees the node go down and come back', () => {
    expectRecord(folder('node-restart'), new RegExp(`rabbit on node ${node(2)} down`));
    expectRecord(folder('node-restart'), new RegExp(`rabbit on node ${node(2)} up`));
  });

  it('queues sees the quorum queue elect a new leader once its leader stopped', () => {
    expectRecord(folder('queues'), /queue 'bw-qq' in vhost '\/': (candidate -> leader in term: [2-9]|detected a new leader .* in term [2-9])/);
  });
});
