// `brokerwatch run --demo`: the first run. Real drill captures (test/fixtures, see each folder's
// PROVENANCE) are written again, line by line and at their original pace, into log files that
// `run` follows: a Kafka broker lost (ISR shrinks, then expands), a KRaft controller lost (a
// controller change) and a RabbitMQ partition healed by autoheal. Only each record's leading
// timestamp is moved, by one offset per drill, to the present: the rules run on event time
// against the wall clock, so a replay of old times would close every window at once.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Clock } from '../core/index.js';
import { stringify } from 'yaml';
import { loadConfig, packageRoot, type BrokerwatchConfig } from '../config/index.js';

interface DrillFile {
  /** The fixture, from the package root. */
  readonly fixture: string;
  readonly broker: string;
}

interface Drill {
  readonly name: string;
  readonly service: 'kafka' | 'rabbitmq';
  readonly cluster: string;
  readonly files: readonly DrillFile[];
}

/** Every log a broker of the drill wrote (a ZooKeeper-mode broker that never led has no controller.log). */
const kafkaBrokers = (dir: string): DrillFile[] =>
  ['1', '2', '3'].flatMap((broker) =>
    ['server.log', 'controller.log', 'state-change.log']
      .map((file) => ({ fixture: `${dir}/broker-${broker}/${file}`, broker }))
      .filter(({ fixture }) => existsSync(join(packageRoot(), fixture))),
  );

export const DEMO_DRILLS: readonly Drill[] = [
  { name: 'Kafka 3.9 broker lost and back', service: 'kafka', cluster: 'demo-kafka-zk', files: kafkaBrokers('test/fixtures/kafka/3.9.1-zk/broker-loss') },
  { name: 'Kafka 4.1 KRaft controller lost', service: 'kafka', cluster: 'demo-kafka-kraft', files: kafkaBrokers('test/fixtures/kafka/4.1.1-kraft/controller-loss') },
  {
    name: 'RabbitMQ partition healed by autoheal',
    service: 'rabbitmq',
    cluster: 'demo-rabbitmq',
    files: ['r1', 'r2', 'r3'].map((node) => ({ fixture: `test/fixtures/rabbitmq/3.10.8-partition-autoheal-healed/${node}.log`, broker: `${node}@vm` })),
  },
];

/** The leading timestamp of a record: Kafka's `[2026-11-25 08:40:39,308]`, RabbitMQ's `2026-11-25 08:40:45.028006+00:00`. */
const KAFKA_TIME = /^\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3})\]/;
const RABBITMQ_TIME = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)\.(\d{3})(\d*)\+00:00/;

interface TimedRecord {
  /** Milliseconds (UTC) of the record's own timestamp. */
  readonly at: number;
  readonly lines: string[];
}

/** The records of a capture: a line with a timestamp starts one, the lines after it belong to it. */
function recordsOf(text: string): TimedRecord[] {
  const records: TimedRecord[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const match = KAFKA_TIME.exec(line) ?? RABBITMQ_TIME.exec(line);
    if (match !== null) records.push({ at: Date.parse(`${match[1]!.replace(' ', 'T')}.${match[2]!}Z`), lines: [line] });
    else records.at(-1)?.lines.push(line);
  }
  return records;
}

function iso(ms: number): { second: string; millis: string } {
  const text = new Date(ms).toISOString();
  return { second: `${text.slice(0, 10)} ${text.slice(11, 19)}`, millis: text.slice(20, 23) };
}

/** The record's first line with its timestamp moved by `shift` ms; everything else as captured. */
function shifted(line: string, shift: number, at: number): string {
  const { second, millis } = iso(at + shift);
  const kafka = KAFKA_TIME.exec(line);
  if (kafka !== null) return `[${second},${millis}]${line.slice(kafka[0].length)}`;
  const rabbit = RABBITMQ_TIME.exec(line)!;
  return `${second}.${millis}${rabbit[3]!}+00:00${line.slice(rabbit[0].length)}`;
}

interface Scheduled {
  readonly due: number;
  readonly path: string;
  readonly text: string;
}

/**
 * Writes the drills into `<logDir>/<cluster>/<broker>/<file>` as they happened, starting now.
 * The returned function stops it.
 */
export function startDrillReplay(logDir: string, clock: Clock, onDone: () => void): () => void {
  const start = clock.now();
  const queue: Scheduled[] = [];
  for (const drill of DEMO_DRILLS) {
    const files = drill.files.map((file) => ({ file, records: recordsOf(readFileSync(join(packageRoot(), file.fixture), 'utf8')) }));
    const first = Math.min(...files.flatMap(({ records }) => records.map((r) => r.at)));
    // A second of quiet first, so the files exist, are followed and detected before the story.
    const shift = start + 1000 - first;
    for (const { file, records } of files) {
      const path = join(logDir, drill.cluster, file.broker, basename(file.fixture));
      mkdirSync(join(logDir, drill.cluster, file.broker), { recursive: true });
      writeFileSync(path, '');
      for (const record of records) {
        const [head, ...rest] = record.lines;
        queue.push({ due: record.at + shift, path, text: [shifted(head!, shift, record.at), ...rest].join('\n') + '\n' });
      }
    }
  }
  queue.sort((a, b) => a.due - b.due);
  let next = 0;
  const timer = setInterval(() => {
    const now = clock.now();
    while (next < queue.length && queue[next]!.due <= now) {
      appendFileSync(queue[next]!.path, queue[next]!.text);
      next++;
    }
    if (next === queue.length) {
      clearInterval(timer);
      onDone();
    }
  }, 50);
  return () => clearInterval(timer);
}

/**
 * The config of the demo: the embedded defaults, the drill files as inputs, alerts fast and on
 * the console. Written to `<dataDir>/brokerwatch.yaml` too, so that `search`, `timeline`,
 * `alerts` and the rest can be pointed at the demo with `-c`.
 */
export function demoConfig(dataDir: string): { readonly config: BrokerwatchConfig; readonly file: string } {
  const logDir = join(dataDir, 'demo-logs');
  const file = join(dataDir, 'brokerwatch.yaml');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `# Written by brokerwatch run --demo.\n${stringify(demoSpec(logDir))}`);
  return { config: loadConfig(file), file };
}

function demoSpec(logDir: string): object {
  return {
    data_dir: '.',
    host_name: 'demo',
    inputs: DEMO_DRILLS.flatMap((drill) =>
      [...new Set(drill.files.map((file) => file.broker))].map((broker) => ({
        paths: [join(logDir, drill.cluster, broker, '*.log')],
        service_type: drill.service,
        cluster: drill.cluster,
        broker_id: broker,
      })),
    ),
    notify: {
      receivers: [{ type: 'console', name: 'console' }],
      routes: [{ receiver: 'console', group_by: ['alertname', 'broker.cluster'], group_wait_seconds: 2, group_interval_seconds: 10 }],
    },
  };
}

export function demoLogDir(config: BrokerwatchConfig): string {
  return join(config.data_dir, 'demo-logs');
}
