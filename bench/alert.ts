// npm run bench:alert — rule evaluation throughput: events per second through every built-in rule,
// on a mix shaped like a real broker fleet (most records carry no event.action; a few are ISR
// changes, elections, node and alarm events), against a baseline of the same engine with no rules
// (time parsing, the late check and id dedup only). Target: at least 200k events/s.
import { performance } from 'node:perf_hooks';
import { builtinRulesDir, loadRules } from '../src/config/index.js';
import type { BrokerEvent, EventAction, EventId } from '../src/core/index.js';
import { toInstant } from '../src/core/index.js';
import { RuleEngine, type RuleSpec } from '../src/rules/index.js';

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
