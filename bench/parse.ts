// `npm run bench:parse`: for each log family, generates >= 100 MB of realistic log (real fixture
// records, Kafka's including the drills' ISR changes and controller moves, re-timed one after
// another, partitions varied), then measures in the same run:
//   lines  - reading the file and splitting it into lines (LineSplitter, no-op sink): the baseline
//   parse  - reading, splitting, assembling records, parsing and building the full event document
//   stages - to show where the parse's time goes, its first stages alone (product code, not a model
//            of it): the records read by their layout (splitting, assembling, the layout's reading,
//            no event), then the same with each message classified against the event table too
// and prints MB/s, records/s, the ratio parse/lines, the peak heap while parsing, and the heap
// retained after a full collection at half and at the end of the file (streamed: it stays flat).
// Rates are per second of this process's CPU time (user + system), so that other work on a shared
// machine does not skew them; wall-clock MB/s is printed beside them. Each family is measured
// BENCH_ROUNDS times (3 by default), all of the above in turn, and a last line gives the medians
// with the ratio's range (on a shared machine one pair of runs moves by a third either way), then
// the median CPU seconds of each stage beside the time a parse at half the line rate may take.
// BENCH_MB overrides the size, BENCH_ONLY=<format> runs one family.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../src/core/index.js';
import { InputParser, LineSplitter, RecordAssembler, ZoneTime, classify, eventRows, layoutEnv, type FormatName, type LineSink } from '../src/parse/index.js';
import { FORMATS } from '../parsers/index.js';
import { KAFKA_TEXT, generate, iso, type Family } from './support/generate-log.js';
import { median } from './support/median.js';

const TARGET_BYTES = Number(process.env.BENCH_MB ?? 100) * 1024 * 1024;
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

/** RabbitMQ 3.9+: microseconds and an offset. */
const erlangStamp = (ms: number): string => `${iso(ms).slice(0, 23).replace('T', ' ')}${String(ms % 1000).padStart(3, '0')}+00:00`;
const FAMILIES: readonly Family[] = [
  { ...KAFKA_TEXT, name: 'kafka text, start-up mix (fixtures)' },
  { ...KAFKA_TEXT, name: 'kafka text, steady (1% multi-line)', multiLineShare: 0.01 },
  {
    name: 'kafka log4j2 JSON (ECS template)',
    format: 'kafka-log4j-json',
    fixtures: ['kafka-layouts/kafka-4.1.1.server.ecs.json', 'kafka-layouts/kafka-4.1.1.second-start.ecs.json'],
    stamp: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/,
    restamp: iso,
  },
  {
    name: 'kafka log4j2 XmlLayout',
    format: 'kafka-log4j-xml',
    fixtures: ['kafka-layouts/kafka-4.1.1.server.xml', 'kafka-layouts/kafka-4.1.1.second-start.xml'],
    stamp: /timeMillis="\d+"/,
    restamp: (ms) => `timeMillis="${ms}"`,
  },
  {
    name: 'rabbitmq 3.9+ (logger)',
    format: 'rabbitmq-logger',
    fixtures: ['public/rabbitmq-3.12-logger-partition.log', 'public/rabbitmq-3.13-docker-boot.log'],
    stamp: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00/,
    restamp: erlangStamp,
  },
  {
    name: 'rabbitmq JSON formatter',
    format: 'rabbitmq-json',
    fixtures: ['rabbitmq-json/rabbitmq-3.10.8.json.log'],
    stamp: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\+00:00/,
    restamp: erlangStamp,
  },
];

interface Timing {
  readonly seconds: number;
  readonly wallSeconds: number;
}

function timer(): () => Timing {
  const cpu = process.cpuUsage();
  const wall = process.hrtime.bigint();
  return () => {
    const used = process.cpuUsage(cpu);
    return { seconds: (used.user + used.system) / 1e6, wallSeconds: Number(process.hrtime.bigint() - wall) / 1e9 };
  };
}

/** The file split into lines for `sink`, timed; `end` runs after the last line, inside the time. */
async function splitInto(path: string, sink: LineSink, end?: () => void): Promise<Timing> {
  const splitter = new LineSplitter(sink, 1 << 20);
  const stop = timer();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) splitter.push(chunk as Buffer);
  splitter.end();
  end?.();
  return stop();
}

async function splitOnly(path: string): Promise<Timing & { lines: number }> {
  let lines = 0;
  const timing = await splitInto(path, { line: () => void lines++ });
  return { ...timing, lines };
}

/**
 * The records read by their layout, and with `classified` each message also classified, with no
 * event built: the stages of parseAll that every reading of a record needs, timed alone.
 */
async function stages(path: string, format: FormatName, classified: boolean): Promise<Timing> {
  const clock = new ManualClock(0);
  const layout = FORMATS[format].create({}, layoutEnv(clock));
  const time = new ZoneTime('Europe/Berlin', clock);
  const rows = eventRows(layout.service ?? 'kafka', true);
  const assembler = new RecordAssembler({
    framing: layout,
    clock,
    flushAfterMs: 1000,
    maxRecordBytes: 1 << 22,
    sink: {
      record: (record) => {
        const parsed = layout.parse(record.text, time);
        if (classified && parsed !== undefined) classify(rows, parsed.message, parsed.fields['log.logger']);
      },
    },
  });
  return splitInto(path, { line: (text, offset, bytes, truncated) => assembler.push(text, text, offset, bytes, truncated) }, () => assembler.end());
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap still in use after a full collection: what the parser retains, without garbage. */
function retainedHeap(): number {
  gc!();
  return process.memoryUsage().heapUsed;
}

async function parseAll(
  path: string,
  format: FormatName,
): Promise<Timing & { records: number; failures: number; peakHeap: number; retainedMid: number; retainedEnd: number }> {
  let records = 0;
  let failures = 0;
  const parser = new InputParser(
    { host: 'bench', fileIdentity: 'bench', filePath: path },
    { format, timezone: 'Europe/Berlin', flushAfterMs: 1000, maxRecordBytes: 1 << 22, clock: new ManualClock(0) },
    {
      event: (event) => {
        records++;
        if (event.tags?.includes('_parse_failure') === true) failures++;
      },
    },
  );
  const splitter = new LineSplitter(parser, 1 << 20);
  let peakHeap = 0;
  let chunks = 0;
  let read = 0;
  let retainedMid = 0;
  let gcSeconds = 0;
  const half = statSync(path).size / 2;
  const stop = timer();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    splitter.push(chunk as Buffer);
    if (++chunks % 64 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    if (read < half && (read += (chunk as Buffer).length) >= half) {
      const gcStart = process.cpuUsage();
      retainedMid = retainedHeap();
      const used = process.cpuUsage(gcStart);
      gcSeconds = (used.user + used.system) / 1e6;
    }
  }
  splitter.end();
  parser.end();
  const timing = stop();
  // The forced collection is not the parser's work.
  return { seconds: timing.seconds - gcSeconds, wallSeconds: timing.wallSeconds, records, failures, peakHeap, retainedMid, retainedEnd: retainedHeap() };
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

const dir = mkdtempSync(join(tmpdir(), 'bw-bench-'));
try {
  if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench:parse does)');
  console.log(
    'family                                size  lines MB/s  parse MB/s  ratio   records/s  (wall: lines  parse MB/s)  failures  peak heap  retained: half / end',
  );
  for (const family of FAMILIES.filter((f) => process.env.BENCH_ONLY === undefined || f.format === process.env.BENCH_ONLY)) {
    const path = join(dir, `${family.format}.log`);
    await generate(family, path, { bytes: TARGET_BYTES });
    const size = statSync(path).size;
    const rounds: { linesRate: number; parseRate: number; recordsRate: number; seconds: readonly number[] }[] = [];
    if (ROUNDS > 1) console.log(family.name);
    for (let round = 1; round <= ROUNDS; round++) {
      const lines = await splitOnly(path);
      const parsed = await parseAll(path, family.format);
      const read = await stages(path, family.format, false);
      const classified = await stages(path, family.format, true);
      const linesRate = size / lines.seconds;
      const parseRate = size / parsed.seconds;
      const seconds = [lines.seconds, read.seconds, classified.seconds, parsed.seconds];
      rounds.push({ linesRate, parseRate, recordsRate: parsed.records / parsed.seconds, seconds });
      console.log(
        [
          (ROUNDS === 1 ? family.name : `  round ${round}`).padEnd(34),
          `${mb(size)} MB`.padStart(8),
          mb(linesRate).padStart(11),
          mb(parseRate).padStart(11),
          (parseRate / linesRate).toFixed(2).padStart(6),
          Math.round(parsed.records / parsed.seconds).toLocaleString('en-US').padStart(11),
          mb(size / lines.wallSeconds).padStart(13),
          mb(size / parsed.wallSeconds).padStart(12),
          String(parsed.failures).padStart(9),
          `${mb(parsed.peakHeap)} MB`.padStart(10),
          `${mb(parsed.retainedMid)} / ${mb(parsed.retainedEnd)} MB`.padStart(20),
        ].join(' '),
      );
    }
    if (ROUNDS > 1) {
      const ratios = rounds.map((r) => r.parseRate / r.linesRate);
      console.log(
        [
          '  median'.padEnd(34),
          `${mb(size)} MB`.padStart(8),
          mb(median(rounds.map((r) => r.linesRate))).padStart(11),
          mb(median(rounds.map((r) => r.parseRate))).padStart(11),
          median(ratios).toFixed(2).padStart(6),
          Math.round(median(rounds.map((r) => r.recordsRate))).toLocaleString('en-US').padStart(11),
          `  ratio ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}`,
        ].join(' '),
      );
    }
    // CPU seconds of each stage, medians over the rounds: a parse at half the line rate may take
    // the lines' time twice, so the lines' time is all that the stages after splitting may add.
    const stage = (i: number): string => median(rounds.map((r) => r.seconds[i]!)).toFixed(3);
    console.log(
      `  stages, CPU s: lines ${stage(0)} | + records read by the layout ${stage(1)} | + messages classified ${stage(2)} | + event documents (parse) ${stage(3)} | half the line rate allows ${(2 * Number(stage(0))).toFixed(3)}`,
    );
    rmSync(path);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
