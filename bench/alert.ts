// npm run bench:alert — two halves.
// 1. Rule evaluation throughput: events per second through every built-in rule, on a mix shaped
//    like a real broker fleet (most records carry no event.action; a few are ISR changes,
//    elections, node and alarm events), against a baseline of the same engine with no rules (time
//    parsing, the late check and id dedup only). Target: at least 200k events/s.
// 2. Alert latency: a real Kafka `Shrinking ISR` line (wording and layout from the 3.9.1
//    broker-loss drill, stamped with the present) appended to a followed file, through the whole
//    `brokerwatch run` pipeline (follower, parser, in-process transport, SQLite store, AlertService)
//    to a local webhook receiver; then the real `ISR updated to 1,2,3` line resolves it, and the
//    next round fires a new alert. Median and p99 over BW_BENCH_ALERTS (default 100) alerts with
//    group_wait 0. Target: p99 under 1 s.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPipeline } from '../src/cli/pipeline.js';
import { builtinRulesDir, loadConfig, loadRules, openAlertService } from '../src/config/index.js';
import type { BrokerEvent, EventAction, EventId } from '../src/core/index.js';
import { systemClock, toInstant } from '../src/core/index.js';
import type { AlertmanagerWebhookPayload } from '../src/notify/index.js';
import { RuleEngine, type RuleSpec } from '../src/rules/index.js';
import { createLogger, Telemetry } from '../src/telemetry/index.js';
import { Receiver } from '../test/notify/receiver.js';

const EVENTS = Number(process.env.BW_BENCH_EVENTS ?? 1_000_000);
const T0 = Date.parse('2026-11-25T00:00:00Z');

/** Actions by share of records: ordinary records dominate real broker logs. */
const MIX: ReadonlyArray<readonly [EventAction | undefined, number]> = [
  [undefined, 0.93],
  ['isr_shrink', 0.015],
  ['isr_expand', 0.01],
  ['isr_updated', 0.01],
  ['leader_election', 0.01],
  ['controller_elected', 0.001],
  ['node_down', 0.001],
  ['node_up', 0.001],
  ['memory_alarm_set', 0.001],
  ['memory_alarm_cleared', 0.001],
  ['zk_disconnected', 0.02],
];

function makeEvents(n: number): BrokerEvent[] {
  let seed = 42;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const events: BrokerEvent[] = [];
  for (let i = 0; i < n; i++) {
    let r = random();
    let action: EventAction | undefined;
    for (const [a, share] of MIX) {
      action = a;
      if ((r -= share) < 0) break;
    }
    const cluster = `c${i % 4}`;
    const rabbit = action === 'node_down' || action === 'node_up' || action?.startsWith('memory_alarm') === true;
    events.push({
      '@timestamp': new Date(T0 + i * 2).toISOString(),
      message: 'Shrinking ISR from 1,2,3 to 1,2.',
      'event.id': `id${i}` as EventId,
      'event.original': '',
      'event.dataset': rabbit ? 'rabbitmq.log' : 'kafka.log',
      'service.type': rabbit ? 'rabbitmq' : 'kafka',
      'broker.cluster': cluster,
      'broker.id': String(i % 3),
      ...(action === undefined ? {} : { 'event.action': action }),
      'kafka.topic': `topic${i % 50}`,
      'kafka.partition': i % 12,
      'kafka.isr.removed': [3],
      'kafka.isr.after': action === 'isr_shrink' ? [1, 2] : [1, 2, 3],
      'kafka.controller.id': i % 3,
      'rabbitmq.node.subject': `rabbit@n${i % 3}`,
    });
  }
  return events;
}

function run(specs: readonly RuleSpec[], events: readonly BrokerEvent[]): { perSecond: number; changes: number } {
  const engine = new RuleEngine(specs, { allowedLatenessMs: 30_000 });
  let changes = 0;
  const start = performance.now();
  for (let i = 0; i < events.length; i++) {
    engine.feed(events[i]!);
    if (i % 1000 === 999) changes += engine.advance(toInstant(T0 + i * 2)).length;
  }
  changes += engine.advance(toInstant(T0 + events.length * 2)).length;
  return { perSecond: events.length / ((performance.now() - start) / 1000), changes };
}

/** The follower's poll and the multi-line flush timeout of the followed input (see the report printed). */
const POLL_SECONDS = Number(process.env.BW_BENCH_POLL_SECONDS ?? 0.1);
const FLUSH_SECONDS = Number(process.env.BW_BENCH_FLUSH_SECONDS ?? 0.25);

/** A line of the drill, its `[timestamp]` replaced by the present in Kafka's default layout (UTC). */
function stamped(line: string): string {
  const now = new Date(systemClock.now()).toISOString();
  return line.replace(/^\[[^\]]+\]/u, `[${now.slice(0, 10)} ${now.slice(11, 19)},${now.slice(20, 23)}]`) + '\n';
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`bench:alert: ${what} did not happen within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function latency(alerts: number): Promise<number[]> {
  const drill = readFileSync(new URL('../test/fixtures/kafka/3.9.1-zk/broker-loss/broker-1/server.log', import.meta.url), 'utf8').split('\n');
  const shrink = drill.find((line) => line.includes('Shrinking ISR from 1,2,3 to 1,2.'))!;
  const component = /\[Partition [^\]]+\]/u.exec(shrink)![0];
  const recovered = drill.find((line) => line.includes('ISR updated to 1,2,3 '))!.replace(/\[Partition [^\]]+\]/u, component);

  const receiver = new Receiver();
  await receiver.start();
  const dir = mkdtempSync(join(tmpdir(), 'bw-bench-alert-'));
  const log = join(dir, 'server.log');
  writeFileSync(log, '');
  const configFile = join(dir, 'brokerwatch.yaml');
  writeFileSync(
    configFile,
    `data_dir: ${join(dir, 'data')}
inputs:
  - paths: [${log}]
    service_type: kafka
    cluster: bench
    broker_id: 1
    time_zone: UTC
    poll_interval_seconds: ${POLL_SECONDS}
    multiline: { flush_timeout_seconds: ${FLUSH_SECONDS} }
notify:
  receivers: [{ type: webhook, name: hook, url: "${receiver.url}/hook" }]
  routes: [{ receiver: hook, group_wait_seconds: 0, group_interval_seconds: 0 }]
`,
  );
  const config = loadConfig(configFile);
  const telemetry = new Telemetry({ logger: createLogger('silent') });
  const service = openAlertService(config, { clock: systemClock, telemetry, notifierDeps: { stdout: process.stdout, env: {} } });
  service.start();
  const pipeline = await startPipeline(config, { agent: true, ingest: true }, { clock: systemClock, telemetry, configFile, onStored: (events) => service.feed(events) });

  // Only the ISR-shrink group: from the third round on, the same partition also fires kafka_isr_flapping.
  const shrinkBodies = (): Array<{ at: number; status: string }> =>
    receiver.received
      .map((r) => ({ at: r.at, payload: JSON.parse(r.body) as AlertmanagerWebhookPayload }))
      .filter(({ payload }) => payload.groupLabels.alertname === 'kafka_isr_shrink')
      .map(({ at, payload }) => ({ at, status: payload.status }));
  const count = (status: string): number => shrinkBodies().filter((b) => b.status === status).length;
  const samples: number[] = [];
  try {
    for (let i = 0; i < alerts; i++) {
      const appended = performance.now();
      appendFileSync(log, stamped(shrink));
      await until(() => count('firing') > i, `firing notification ${i + 1}`);
      samples.push(shrinkBodies().filter((b) => b.status === 'firing')[i]!.at - appended);
      appendFileSync(log, stamped(recovered));
      await until(() => count('resolved') > i, `resolved notification ${i + 1}`);
    }
  } finally {
    await pipeline.stop();
    await service.stop();
    await receiver.stop();
  }
  return samples.sort((a, b) => a - b);
}

const specs = loadRules([builtinRulesDir()]).map((r) => r.spec);
const events = makeEvents(EVENTS);
run(specs, events.slice(0, 100_000));
const baseline = run([], events);
const rules = run(specs, events);
const fmt = (n: number): string => `${Math.round(n / 1000)}k events/s`;
process.stdout.write(
  `rule evaluation: ${fmt(rules.perSecond)} through ${specs.length} built-in rules (${EVENTS} events, ${rules.changes} alert changes)\n` +
    `baseline (no rules): ${fmt(baseline.perSecond)}; ratio ${(rules.perSecond / baseline.perSecond).toFixed(2)}; target >= 200k events/s: ${rules.perSecond >= 200_000 ? 'met' : 'NOT met'}\n`,
);

const ALERTS = Number(process.env.BW_BENCH_ALERTS ?? 100);
const samples = await latency(ALERTS);
const ms = (n: number): string => `${Math.round(n)} ms`;
process.stdout.write(
  `alert latency, line appended -> webhook received, over ${samples.length} alerts (group_wait 0; poll ${POLL_SECONDS} s, multi-line flush ${FLUSH_SECONDS} s): ` +
    `median ${ms(percentile(samples, 50))}, p99 ${ms(percentile(samples, 99))}, max ${ms(samples.at(-1)!)}; target p99 < 1 s: ${percentile(samples, 99) < 1000 ? 'met' : 'NOT met'}\n`,
);
