// `npm run bench:ingest`: ships one large, realistic Kafka server.log end to end (follower,
// parser, transport, store) and prints, for each path, lines/s, MB/s, peak memory and CPU time,
// next to two baselines measured in the same run on the same file and the same Elasticsearch:
//   embedded (SQLite)        brokerwatch run: in-process transport, SQLite, one process
//   in-process -> ES         brokerwatch run: in-process transport into Elasticsearch
//   Kafka -> ES              brokerwatch agent and brokerwatch ingest, two processes, through Kafka
//   _bulk baseline           the file's events, serialised before the clock runs, sent straight to
//                            _bulk with the store's request size and concurrency (bench/support/bulk-baseline.ts)
//   rsyslog baseline         rsyslogd from Debian's packages: imfile (inotify, one message per
//                            record by its `[timestamp]` start) -> omelasticsearch in bulk mode
// Every shipper runs in a process of its own and is started before the file appears in the
// directory it follows (a hard link); the clock runs from the file's arrival until the store
// counts every record. The agent runs with the input defaults (it lets a file's last record go
// after 0.25 s of quiet: a record ends only where the next one starts), rsyslog with readTimeout
// 1 s, its least. Each path's indices are deleted before the next path runs. Peak RSS is the shipper's VmHWM; CPU is user + system seconds of the
// shipper and, beside it, of the Elasticsearch server and of the Kafka brokers during the path: on a
// machine they share, a path's rate is bounded by the cores all of them need.
//
// The file comes from bench/support/generate-log.ts (real fixture records, re-timed, 1% multi-line).
// BW_BENCH_LINES overrides its size (default 1,500,000 lines, about 340 MB); BW_BENCH_PATHS=embedded,bulk,rsyslog,es,kafka
// runs some paths only; BW_BENCH_ROUNDS=<n> runs them all n times in turn and adds the medians
// (lines/s, CPU, and the ratios taken round by round); BW_BENCH_PROFILE=<dir> writes a CPU profile
// of each brokerwatch process there. Needs the plain Elasticsearch of
// scripts/engines/elasticsearch.sh, the KRaft cluster of scripts/engines/kafka.sh --mode kraft (for
// the Kafka path) and rsyslog (scripts/engines/rsyslog.sh install); ports from
// test/support/engines.ts (BW_PORT_OFFSET).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, errors } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import Database from 'better-sqlite3';
import { FileLines, parsingStage, type EventRecord, type FileIdentity, type Line } from '../src/agent/index.js';
import { inputSchema, type InputConfig } from '../src/config/index.js';
import { ManualClock, systemClock, type BrokerEvent, type ByteOffset } from '../src/core/index.js';
import { ElasticsearchStore } from '../src/store/index.js';
import { IndexPattern } from '../src/store/elasticsearch/index-pattern.js';
import { Telemetry, createLogger } from '../src/telemetry/index.js';
import { enginePort, enginePorts } from '../test/support/engines.js';
import { sendBulkBodies, serialiseBulkBodies } from './support/bulk-baseline.js';
import { KAFKA_TEXT, generate, type GeneratedLog } from './support/generate-log.js';
import { median } from './support/median.js';

const LINES = Number(process.env.BW_BENCH_LINES ?? 1_500_000);
const PATHS = (process.env.BW_BENCH_PATHS ?? 'embedded,es,kafka,bulk,rsyslog').split(',');
/** Rounds of every path in turn: on a shared machine, a ratio is steadier as a median of rounds. */
const ROUNDS = Number(process.env.BW_BENCH_ROUNDS ?? 1);
const ES_URL = `http://127.0.0.1:${enginePort('ES_HTTP_PORT')}`;
const REPO = join(import.meta.dirname, '..');
/** A path that stores nothing new for this long has failed. */
const STALL_MS = 120_000;
/** Events per slice of the _bulk baseline: parsed and serialised untimed, then sent timed. */
const BULK_SLICE = 200_000;
const MIB = 1024 * 1024;
const CLOCK_TICKS = 100;

const prefix = `bwbench-ingest-${process.pid}`;
const work = mkdtempSync(join(tmpdir(), 'bw-bench-ingest-'));
const file = join(work, 'server.log');
const telemetry = new Telemetry({ logger: createLogger('warn') });
const es = new Client({ node: ES_URL, requestTimeout: 120_000 });

/** The input every brokerwatch path follows, as a user writes it (examples/agent.yaml). */
function input(logs: string): InputConfig {
  return inputSchema.parse({
    paths: [join(logs, 'server.log')],
    service_type: 'kafka',
    cluster: 'bench',
    broker_id: 1,
    time_zone: 'Europe/Berlin',
    format: 'kafka-log4j',
  });
}

interface Result {
  readonly path: string;
  readonly seconds: number;
  /** Peak RSS of the shipper processes, bytes; undefined where no shipper runs. */
  readonly rss: number | undefined;
  readonly cpuSeconds: number | undefined;
  readonly esCpuSeconds: number | undefined;
  /** The KRaft brokers' CPU over the path (they run through every path; most of it is the Kafka path's). */
  readonly kafkaCpuSeconds: number | undefined;
  readonly note?: string;
}

/** A running shipper: its processes (for memory and CPU) and how to end them. */
interface Shipper {
  readonly pids: readonly number[];
  stop(): Promise<void>;
}

interface PathSpec {
  readonly name: string;
  /** Starts the shipper, following `logs`; resolves once it is ready and the file is not there yet. */
  start(logs: string, dir: string): Promise<Shipper>;
  count(): Promise<number>;
  /** Deletes what the path stored. */
  cleanup(): Promise<void>;
}

function procStatus(pid: number, key: string): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

function cpuSeconds(pid: number): number {
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the line.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const RUN_DIR = process.env.BW_RUN_DIR ?? join(REPO, '.run');

/** The pid a scripts/engines pidfile names, when the engine runs. */
function pidIn(pidfile: string): number | undefined {
  if (!existsSync(pidfile)) return undefined;
  const pid = Number(readFileSync(pidfile, 'utf8').trim());
  return existsSync(`/proc/${pid}/stat`) ? pid : undefined;
}

const esPid = (): number | undefined => pidIn(join(RUN_DIR, 'elasticsearch', 'es.pid'));

/** The KRaft brokers of scripts/engines/kafka.sh --mode kraft that are running. */
function kafkaBrokerPids(): number[] {
  const dir = join(RUN_DIR, 'kafka-kraft');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith('broker-'))
    .flatMap((name) => pidIn(join(dir, name, 'pid')) ?? []);
}

/** What `index` holds and search sees (refreshed); 0 while a new index has no shard ready yet. */
async function esCount(index: string): Promise<number> {
  try {
    return (await es.count({ index, ignore_unavailable: true, allow_no_indices: true })).count;
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 503) return 0;
    throw error;
  }
}

async function deleteIndices(pattern: string): Promise<void> {
  const indices = await es.cat.indices({ index: pattern, format: 'json', h: 'index' });
  if (indices.length > 0) await es.indices.delete({ index: indices.map((row) => row.index!) });
}

/** Starts a child process and resolves once it printed `ready`. */
async function startChild(command: string, args: readonly string[]): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (output.includes('ready\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code} before it was ready`)));
  });
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

/** A brokerwatch process per role, each with the config `configFor` gives it. */
function brokerwatch(name: string, roles: readonly string[], configFor: (logs: string, dir: string) => object, count: () => Promise<number>, cleanup: () => Promise<void>): PathSpec {
  return {
    name,
    async start(logs, dir) {
      const configFile = join(dir, 'config.json');
      writeFileSync(configFile, JSON.stringify(configFor(logs, dir)));
      const children: ChildProcess[] = [];
      const profile = process.env.BW_BENCH_PROFILE === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env.BW_BENCH_PROFILE}`];
      for (const role of roles) {
        children.push(await startChild(process.execPath, [...profile, '--import', 'tsx', join(REPO, 'bench', 'support', 'pipeline-process.ts'), configFile, role]));
      }
      return { pids: children.map((child) => child.pid!), stop: async () => void (await Promise.all(children.map(stopChild))) };
    },
    count,
    cleanup,
  };
}

function embeddedPath(): PathSpec {
  let db: string | undefined;
  return brokerwatch(
    'embedded: in-process -> SQLite',
    ['run'],
    (logs, dir) => {
      db = join(dir, 'data', 'events.db');
      return { data_dir: join(dir, 'data'), host_name: 'bench', inputs: [input(logs)] };
    },
    () => {
      if (db === undefined || !existsSync(db)) return Promise.resolve(0);
      const sqlite = new Database(db, { readonly: true });
      try {
        return Promise.resolve((sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n);
      } finally {
        sqlite.close();
      }
    },
    () => Promise.resolve(),
  );
}

function elasticsearchPath(): PathSpec {
  const pattern = `${prefix}-es-{dataset}-{yyyy.MM.dd}`;
  return brokerwatch(
    'brokerwatch: in-process -> ES',
    ['run'],
    (logs, dir) => ({
      data_dir: join(dir, 'data'),
      host_name: 'bench',
      inputs: [input(logs)],
      store: { type: 'elasticsearch', elasticsearch: { node: ES_URL, index_pattern: pattern } },
    }),
    () => esCount(`${prefix}-es-*`),
    async () => {
      await deleteIndices(`${prefix}-es-*`);
      // The store's defaults (src/store/elasticsearch/store.ts), put there when it opened.
      await deleteIndices('brokerwatch-dead-letter');
      await es.indices.deleteIndexTemplate({ name: 'brokerwatch-events' }, { ignore: [404] });
    },
  );
}

/** The file's events, as the agent makes them (same splitter, same parsing stage), in slices. */
async function* eventSlices(): AsyncGenerator<BrokerEvent[]> {
  const stage = parsingStage({ ...input(work), host: 'bench' }, new ManualClock(0), telemetry)({ identity: 'bench' as FileIdentity, path: file });
  const splitter = new FileLines(0 as ByteOffset, MIB);
  let records: EventRecord[] = [];
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const lines: Line[] = [];
    splitter.push(chunk as Buffer, lines);
    for (const line of lines) stage.push(line, records);
    if (records.length >= BULK_SLICE) {
      yield records.map((record) => record.event);
      records = [];
    }
  }
  stage.flush(records);
  yield records.map((record) => record.event);
}

async function bulkBaseline(log: GeneratedLog): Promise<Result> {
  const pattern = `${prefix}-bulk-{dataset}-{yyyy.MM.dd}`;
  const templateName = `${prefix}-bulk`;
  // The store's template and mapping for the baseline's indices too: only the sending differs.
  await (
    await ElasticsearchStore.open({ node: ES_URL, clock: systemClock, telemetry, indexPattern: pattern, templateName, deadLetterIndex: `${prefix}-bulk-dead-letter` })
  ).close();
  const esBefore = esCpu();
  let seconds = 0;
  let sent = 0;
  try {
    for await (const events of eventSlices()) {
      const bodies = serialiseBulkBodies(events, new IndexPattern(pattern));
      seconds += (await sendBulkBodies(es, bodies, events.length)) * events.length;
      sent += events.length;
    }
    await es.indices.refresh({ index: `${prefix}-bulk-*` });
    const stored = await esCount(`${prefix}-bulk-*.log-*`);
    if (sent !== log.records || stored !== log.records) throw new Error(`_bulk baseline: ${sent} events sent, ${stored} stored, expected ${log.records}`);
  } finally {
    await deleteIndices(`${prefix}-bulk-*`);
    await es.indices.deleteIndexTemplate({ name: templateName }, { ignore: [404] });
  }
  return { path: '_bulk baseline (pre-serialised)', seconds, rss: undefined, cpuSeconds: undefined, esCpuSeconds: cpuSince(esBefore), kafkaCpuSeconds: undefined, note: 'send time only' };
}

function rsyslogPath(): PathSpec {
  const index = `${prefix}-rsyslog`;
  return {
    name: 'rsyslog: imfile -> omelasticsearch',
    async start(logs, dir) {
      const conf = join(dir, 'rsyslog.conf');
      const pidfile = join(dir, 'rsyslogd.pid');
      mkdirSync(join(dir, 'spool'));
      writeFileSync(conf, rsyslogConfig(logs, dir, index));
      const check = spawnSync('rsyslogd', ['-N1', '-f', conf], { encoding: 'utf8' });
      if (check.status !== 0) throw new Error(`rsyslogd rejects its config:\n${check.stderr}`);
      // -n: stays in the foreground as our child; -i: a pid file of its own, never the system's.
      const child = spawn('rsyslogd', ['-n', '-f', conf, '-i', pidfile], { stdio: ['ignore', 'inherit', 'inherit'] });
      const exited = once(child, 'exit');
      while (!existsSync(pidfile)) {
        if (child.exitCode !== null) throw new Error(`rsyslogd exited with ${child.exitCode}`);
        await sleep(50);
      }
      return {
        pids: [child.pid!],
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      };
    },
    count: () => esCount(index),
    cleanup: () => deleteIndices(index),
  };
}

/**
 * rsyslog as its documentation sets it up for Elasticsearch, given what brokerwatch gets: one
 * message per record (startmsg.regex, a record starts with Kafka's `[timestamp]`), records up to
 * 1 MiB, bulk requests of up to 5,000 events with two in flight (the store's limits), a bounded
 * in-memory queue, retries without end. The document is the record with ECS names. An action
 * queue that stays full discards what it cannot take after queue.timeoutEnqueue (50 ms by
 * default): records were lost that way here whenever Elasticsearch fell behind, so it waits
 * instead, and the file input is held back as brokerwatch's follower is.
 */
function rsyslogConfig(logs: string, dir: string, index: string): string {
  return `global(workDirectory="${join(dir, 'spool')}" maxMessageSize="1m")
module(load="imfile" mode="inotify")
module(load="omelasticsearch")
template(name="ecs" type="list" option.jsonf="on") {
  property(outname="@timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
  property(outname="host.name" name="hostname" format="jsonf")
  property(outname="log.file.path" name="$!metadata!filename" format="jsonf")
  constant(outname="event.dataset" value="kafka.log" format="jsonf")
  property(outname="message" name="msg" format="jsonf")
}
ruleset(name="kafka") {
  action(type="omelasticsearch" server="127.0.0.1" serverport="${enginePort('ES_HTTP_PORT')}" esVersion.major="8"
         searchIndex="${index}" template="ecs" bulkmode="on" maxbytes="5m"
         errorFile="${join(dir, 'es-errors.json')}" action.resumeRetryCount="-1"
         queue.type="LinkedList" queue.size="20000" queue.dequeueBatchSize="5000" queue.workerThreads="2"
         queue.timeoutEnqueue="3600000")
}
input(type="imfile" file="${join(logs, '*.log')}" tag="kafka" ruleset="kafka" addMetadata="on"
      startmsg.regex="^\\\\[[0-9]{4}-[0-9]{2}-[0-9]{2} " readTimeout="1")
`;
}

/** CPU seconds of some processes so far, per pid. */
type CpuMark = ReadonlyMap<number, number>;

function cpuMark(pids: readonly number[]): CpuMark {
  return new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
}

/** CPU seconds the marked processes used since the mark; undefined when none was marked. */
function cpuSince(mark: CpuMark): number | undefined {
  if (mark.size === 0) return undefined;
  let seconds = 0;
  for (const [pid, before] of mark) seconds += cpuSeconds(pid) - before;
  return seconds;
}

const esCpu = (): CpuMark => cpuMark([esPid()].flatMap((pid) => pid ?? []));

/**
 * `brokerwatch ingest` and `brokerwatch agent` in two processes, through the KRaft cluster with the
 * transport's defaults (a topic of 6 partitions, 3 replicas, 2 in sync, gzip), into Elasticsearch.
 */
function kafkaPath(): PathSpec {
  const brokers = enginePorts('KAFKA_KRAFT_PORTS').map((port) => `127.0.0.1:${port}`);
  const topic = `${prefix}-events`;
  const indices = `${prefix}-kafka-*`;
  return brokerwatch(
    'brokerwatch: Kafka -> ES',
    ['ingest', 'agent'],
    (logs, dir) => ({
      data_dir: join(dir, 'data'),
      host_name: 'bench',
      inputs: [input(logs)],
      transport: { type: 'kafka', kafka: { brokers, topic, group_id: `${prefix}-ingest` } },
      store: { type: 'elasticsearch', elasticsearch: { node: ES_URL, index_pattern: `${prefix}-kafka-{dataset}-{yyyy.MM.dd}` } },
    }),
    () => esCount(indices),
    async () => {
      await deleteIndices(indices);
      await deleteIndices('brokerwatch-dead-letter');
      await es.indices.deleteIndexTemplate({ name: 'brokerwatch-events' }, { ignore: [404] });
      const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        await admin.deleteTopics({ topics: [topic] });
      } finally {
        await admin.disconnect();
      }
    },
  );
}

/** Runs one path: shipper up, file in, wait for the count, then memory and CPU, shipper down. */
async function measure(spec: PathSpec, log: GeneratedLog): Promise<Result> {
  const dir = mkdtempSync(join(work, 'path-'));
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  const shipper = await spec.start(logs, dir);
  try {
    const esBefore = esCpu();
    const kafkaBefore = cpuMark(kafkaBrokerPids());
    // Start-up (for brokerwatch: compiling TypeScript, opening the store) is not shipping.
    const shipperBefore = cpuMark(shipper.pids);
    const started = performance.now();
    linkSync(file, join(logs, 'server.log'));
    let stored = 0;
    let progressAt = started;
    while (stored < log.records) {
      await sleep(250);
      const now = performance.now();
      const count = await spec.count();
      if (count > stored) {
        progressAt = now;
        stored = count;
      }
      if (now - progressAt > STALL_MS) throw new Error(`${spec.name}: stalled at ${stored} of ${log.records} records`);
    }
    const seconds = (performance.now() - started) / 1000;
    // More than the file holds: a record was cut in two (reported, not fatal, so the run goes on).
    const note = stored === log.records ? {} : { note: `${(stored - log.records).toLocaleString('en')} records more than the file holds` };
    const rss = shipper.pids.reduce((sum, pid) => sum + procStatus(pid, 'VmHWM'), 0);
    return { path: spec.name, seconds, rss, cpuSeconds: cpuSince(shipperBefore), esCpuSeconds: cpuSince(esBefore), kafkaCpuSeconds: cpuSince(kafkaBefore), ...note };
  } finally {
    await shipper.stop();
    await spec.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows of cells, the first a header: the first column left-aligned, the others right-aligned. */
function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
}

/** A path's rate over a baseline's of the same round, or undefined without that baseline. */
function ratioTo(results: readonly Result[], r: Result, baseline: '_bulk' | 'rsyslog'): number | undefined {
  const base = results.find((other) => other.path.startsWith(baseline));
  return base === undefined ? undefined : base.seconds / r.seconds;
}

function print(log: GeneratedLog, results: readonly Result[]): void {
  const rate = (r: Result): number => log.lines / r.seconds;
  const ratio = (r: Result, baseline: '_bulk' | 'rsyslog'): string => ratioTo(results, r, baseline)?.toFixed(2) ?? '-';
  const mb = (bytes: number | undefined): string => (bytes === undefined ? '-' : `${(bytes / MIB).toFixed(0)} MB`);
  const secs = (s: number | undefined, digits = 1): string => (s === undefined ? '-' : s.toFixed(digits));
  const rows = [
    ['path', 'lines', 'seconds', 'lines/s', 'MB/s', 'peak RSS', 'CPU s', 'ES CPU s', 'Kafka CPU s', 'cores', 'lines/CPU s', '/ rsyslog', '/ _bulk'],
    ...results.map((r) => [
      r.path,
      log.lines.toLocaleString('en'),
      r.seconds.toFixed(1),
      Math.round(rate(r)).toLocaleString('en'),
      (log.bytes / MIB / r.seconds).toFixed(1),
      mb(r.rss),
      secs(r.cpuSeconds),
      secs(r.esCpuSeconds),
      secs(r.kafkaCpuSeconds),
      secs(coresBusy(r), 2),
      r.cpuSeconds === undefined || r.esCpuSeconds === undefined ? '-' : Math.round(log.lines / (r.cpuSeconds + r.esCpuSeconds)).toLocaleString('en'),
      ratio(r, 'rsyslog'),
      ratio(r, '_bulk'),
    ]),
  ];
  printTable(rows);
  for (const r of results) if (r.note !== undefined) console.log(`${r.path}: ${r.note}`);
  console.log('lines/CPU s: lines per CPU second of the shipper and Elasticsearch together (Kafka brokers not counted); steadier than lines/s on a busy machine.');
  console.log('Kafka CPU s: the three KRaft brokers, running through every path (idle outside the Kafka path); cores: shipper, Elasticsearch and brokers together, CPU seconds per second.');
}

/** How many cores the shipper, Elasticsearch and the brokers kept busy together during the path. */
function coresBusy(r: Result): number | undefined {
  if (r.cpuSeconds === undefined || r.esCpuSeconds === undefined) return undefined;
  return (r.cpuSeconds + r.esCpuSeconds + (r.kafkaCpuSeconds ?? 0)) / r.seconds;
}

/** Per path over the rounds: median and range of lines/s, median CPU, median of the per-round ratios. */
function printMedians(log: GeneratedLog, rounds: readonly (readonly Result[])[]): void {
  console.log(`medians over ${rounds.length} rounds`);
  const rows = [['path', 'lines/s (min-max)', 'CPU s', 'ES CPU s', 'Kafka CPU s', 'cores', '/ rsyslog (min-max)', '/ _bulk']];
  for (const { path } of rounds[0]!) {
    const mine = rounds.map((results) => ({ results, r: results.find((other) => other.path === path)! }));
    const rates = mine.map(({ r }) => log.lines / r.seconds);
    const of = (values: readonly (number | undefined)[], digits: number, range = false): string => {
      const known = values.filter((v): v is number => v !== undefined);
      if (known.length === 0) return '-';
      const fmt = (v: number): string => (digits === 0 ? Math.round(v).toLocaleString('en') : v.toFixed(digits));
      return range ? `${fmt(median(known))} (${fmt(Math.min(...known))}-${fmt(Math.max(...known))})` : fmt(median(known));
    };
    rows.push([
      path,
      of(rates, 0, true),
      of(mine.map(({ r }) => r.cpuSeconds), 1),
      of(mine.map(({ r }) => r.esCpuSeconds), 1),
      of(mine.map(({ r }) => r.kafkaCpuSeconds), 1),
      of(mine.map(({ r }) => coresBusy(r)), 2),
      of(mine.map(({ results, r }) => ratioTo(results, r, 'rsyslog')), 2, true),
      of(mine.map(({ results, r }) => ratioTo(results, r, '_bulk')), 2),
    ]);
  }
  printTable(rows);
}

try {
  const log = await generate({ ...KAFKA_TEXT, name: 'kafka text, steady (1% multi-line)', multiLineShare: 0.01 }, file, { lines: LINES });
  console.log(
    `brokerwatch ingest benchmark: ${log.lines.toLocaleString('en')} lines (${log.records.toLocaleString('en')} records, ${(log.bytes / MIB).toFixed(0)} MB) of Kafka server.log; Elasticsearch at ${ES_URL}`,
  );
  await es.cluster.health({ wait_for_status: 'yellow', timeout: '30s' });
  const rounds: Result[][] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    if (ROUNDS > 1) console.log(`round ${round} of ${ROUNDS}`);
    const results: Result[] = [];
    const run = async (key: string, measured: () => Promise<Result>): Promise<void> => {
      if (!PATHS.includes(key)) return;
      const result = await measured();
      results.push(result);
      console.log(`  ${result.path}: ${result.seconds.toFixed(1)} s`);
    };
    await run('embedded', () => measure(embeddedPath(), log));
    await run('bulk', () => bulkBaseline(log));
    await run('rsyslog', () => measure(rsyslogPath(), log));
    await run('es', () => measure(elasticsearchPath(), log));
    await run('kafka', () => measure(kafkaPath(), log));
    print(log, results);
    rounds.push(results);
  }
  if (ROUNDS > 1) printMedians(log, rounds);
} finally {
  await es.close();
  rmSync(work, { recursive: true, force: true });
}
