// The follower's hot path: reading a large file into lines with offsets and handing them on in
// acknowledged batches. Baseline, in the same run on the same file: node's readline over a read
// stream, which splits lines and does nothing else (no offsets, no batches, no checkpoints).
// The file is a real Kafka server.log (test/fixtures/kafka/3.9.1-zk/broker-loss/broker-3, captured
// by the drills) repeated to BW_BENCH_MB megabytes (default 200).
//   npm run bench:follow
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Registry } from 'prom-client';
import { CheckpointRegistry, FileSource, FollowerMetrics, singleLineRecords, type Line } from '../src/agent/index.js';
import { systemClock } from '../src/core/index.js';
import { Telemetry, createLogger } from '../src/telemetry/index.js';

const SAMPLE = join(import.meta.dirname, '..', 'test', 'fixtures', 'kafka', '3.9.1-zk', 'broker-loss', 'broker-3', 'server.log');
const megabytes = Number(process.env.BW_BENCH_MB ?? '200');

const dir = mkdtempSync(join(tmpdir(), 'bw-bench-follow-'));
const file = join(dir, 'server.log');
const sample = readFileSync(SAMPLE);
writeFileSync(file, '');
let size = 0;
while (size < megabytes * 1024 * 1024) {
  appendFileSync(file, sample);
  size += sample.length;
}
const expectedLines = (sample.toString('latin1').match(/\n/g)?.length ?? 0) * (size / sample.length);

async function readlineBaseline(): Promise<number> {
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line !== undefined) lines += 1;
  }
  return lines;
}

async function follower(): Promise<number> {
  const telemetry = new Telemetry({ logger: createLogger('warn') });
  const registry = await CheckpointRegistry.open(join(dir, `registry-${process.hrtime.bigint()}.json`), systemClock, telemetry);
  const source = new FileSource<Line>(
    {
      paths: [file],
      exclude: [],
      start_position: 'beginning',
      max_line_bytes: 1024 * 1024,
      poll_interval_seconds: 1,
      max_in_flight_bytes: 16 * 1024 * 1024,
      multiline: { flush_timeout_seconds: 5 },
    },
    { registry, records: singleLineRecords, clock: systemClock, telemetry, metrics: new FollowerMetrics(new Registry(), systemClock) },
  );
  let lines = 0;
  for await (const batch of source.records()) {
    lines += batch.records.length;
    source.ack(batch);
    if (lines >= expectedLines) break;
  }
  await source.close();
  return lines;
}

async function timed(name: string, run: () => Promise<number>): Promise<number> {
  const start = process.hrtime.bigint();
  const lines = await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rate = lines / seconds;
  console.log(`${name.padEnd(22)} ${lines} lines in ${seconds.toFixed(2)} s: ${Math.round(rate).toLocaleString('en')} lines/s, ${(size / 1024 / 1024 / seconds).toFixed(0)} MB/s`);
  return rate;
}

try {
  console.log(`file: ${(size / 1024 / 1024).toFixed(0)} MB, ${expectedLines} lines`);
  const baseline = await timed('readline (baseline)', readlineBaseline);
  const ours = await timed('FileSource', follower);
  console.log(`FileSource / readline: ${(ours / baseline).toFixed(2)}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
