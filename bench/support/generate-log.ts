// Realistic broker logs for the benchmarks: real fixture records (Kafka's including the drills'
// ISR changes and controller moves), re-timed one after another and with partitions varied, written
// to a file of the size a benchmark asks for.
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { ManualClock, type ByteOffset } from '../../src/core/index.js';
import { RecordAssembler, layoutEnv, type AssembledRecord, type FormatName } from '../../src/parse/index.js';
import { FORMATS } from '../../parsers/index.js';

export interface Family {
  readonly name: string;
  readonly format: FormatName;
  readonly fixtures: readonly string[];
  /** The record's time stamp, so each generated record gets its own. */
  readonly stamp: RegExp;
  readonly restamp: (ms: number) => string;
  /**
   * The share of multi-line records (config dumps, stack traces) to generate; absent: the
   * fixtures' own mix, which is start-up heavy (a broker dumps its configs when it starts).
   */
  readonly multiLineShare?: number;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
/** The drills' real broker logs (server, controller, state-change; 3.9.1 ZooKeeper, 4.1.1 KRaft). */
const DRILL_LOGS = readdirSync(new URL('../../test/fixtures/kafka/', import.meta.url), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.log') && !entry.parentPath.includes('/public'))
  .map((entry) => join(entry.parentPath, entry.name).split('/test/fixtures/')[1]!);

export const KAFKA_TEXT = {
  format: 'kafka-log4j',
  fixtures: ['kafka-layouts/kafka-4.1.1.server.log', 'kafka-layouts/kafka-4.1.1.second-start.log', 'kafka-layouts/kafka-3.9.1.server.log', ...DRILL_LOGS],
  stamp: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}/,
  restamp: (ms: number) => iso(ms).slice(0, 23).replace('T', ' ').replace('.', ','),
} as const;

function records(family: Family): AssembledRecord[] {
  const layout = FORMATS[family.format].create({}, layoutEnv(new ManualClock(0)));
  const out: AssembledRecord[] = [];
  const assembler = new RecordAssembler({
    framing: layout,
    sink: { record: (r) => out.push(r) },
    clock: new ManualClock(0),
    flushAfterMs: 0,
    maxRecordBytes: Number.MAX_SAFE_INTEGER,
  });
  for (const path of family.fixtures) {
    for (const line of readFileSync(new URL(`../../test/fixtures/${path}`, import.meta.url), 'utf8').split('\n')) {
      if (line !== '') assembler.push(line, line, 0 as ByteOffset, line.length, false);
    }
    assembler.end();
  }
  return out.filter((r) => family.stamp.test(r.original));
}

/** Where generating stops: at whichever of the sizes is reached first. */
export interface LogTarget {
  readonly bytes?: number;
  readonly lines?: number;
}

export interface GeneratedLog {
  readonly bytes: number;
  readonly lines: number;
  readonly records: number;
}

/** Writes the records of `family` one after another, re-timed and with partitions varied, to `path`. */
export async function generate(family: Family, path: string, target: LogTarget): Promise<GeneratedLog> {
  const all = records(family);
  const single = all.filter((r) => r.lines === 1);
  const multi = all.filter((r) => r.lines > 1);
  const out = createWriteStream(path);
  let bytes = 0;
  let lines = 0;
  let written = 0;
  let ms = Date.UTC(2026, 0, 1);
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  while (bytes < (target.bytes ?? Infinity) && lines < (target.lines ?? Infinity)) {
    const share = family.multiLineShare;
    const pool = share === undefined ? all : random(10_000) < share * 10_000 ? multi : single;
    const record = pool[random(pool.length)]!;
    ms += random(50);
    const original = record.original.match(family.stamp)![0];
    const text = record.original
      .split(original)
      .join(family.restamp(ms))
      .replace(/__consumer_offsets-\d+/g, () => `__consumer_offsets-${random(50)}`)
      .replace(/partition=([\w.-]+?)-\d+/g, (_, topic: string) => `partition=${topic}-${random(64)}`);
    const chunk = `${text}\n`;
    bytes += Buffer.byteLength(chunk);
    lines += record.lines;
    written += 1;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { bytes, lines, records: written };
}
