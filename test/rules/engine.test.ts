import { describe, expect, it } from 'vitest';
import { RuleEngine, ruleSpecSchema, type EngineSnapshot, type AlertChange, type RuleSpec } from '../../src/rules/index.js';
import { at, ev } from './support.js';

const isrShrink = ruleSpecSchema.parse({
  name: 'kafka_isr_shrink',
  kind: 'match',
  severity: 'warning',
  match: { 'event.action': 'isr_shrink' },
  group_by: ['broker.cluster'],
  summary: 'ISR shrink in {{ label.broker.cluster }}: {{ open_count }} partitions of {{ distinct.kafka.topic }}',
  description: 'Partitions: {{ open }}. Replicas removed: {{ distinct.kafka.isr.removed }}. Leaders: {{ distinct.broker.id }}.',
  resolve: {
    match: { 'event.action': { in: ['isr_expand', 'isr_updated'] } },
    per: ['kafka.topic', 'kafka.partition'],
    covers: { field: 'kafka.isr.after', of: 'kafka.isr.removed' },
  },
});

function engine(...specs: RuleSpec[]): RuleEngine {
  return new RuleEngine(specs, { allowedLatenessMs: 5_000 });
}

function kinds(changes: AlertChange[]): string[] {
  return changes.map((c) => `${c.alert.rule}:${c.kind}`);
}

const shrink = (s: number, topic: string, partition: number, removed: number[], leader = '1') =>
  ev(s, { 'event.action': 'isr_shrink', 'kafka.topic': topic, 'kafka.partition': partition, 'kafka.isr.removed': removed, 'broker.id': leader });
const updated = (s: number, topic: string, partition: number, after: number[]) =>
  ev(s, { 'event.action': 'isr_updated', 'kafka.topic': topic, 'kafka.partition': partition, 'kafka.isr.after': after });

describe('ISR shrink (match, per-partition resolve)', () => {
  it('fires once for a cluster and names the topics, partitions and brokers involved', () => {
    const e = engine(isrShrink);
    e.feed(shrink(0, 'orders', 3, [2]));
    e.feed(shrink(1, 'payments', 0, [2], '3'));
    const changes = e.advance(at(1));
    expect(kinds(changes)).toEqual(['kafka_isr_shrink:fired']);
    const alert = changes[0]!.alert;
    expect(alert.labels).toEqual({ alertname: 'kafka_isr_shrink', severity: 'warning', 'broker.cluster': 'prod-a' });
    expect(alert.annotations.summary).toBe('ISR shrink in prod-a: 2 partitions of orders, payments');
    expect(alert.annotations.description).toBe('Partitions: orders-3, payments-0. Replicas removed: 2. Leaders: 1, 3.');
    expect(alert.startsAt).toBe(at(0));
    expect(alert.eventCount).toBe(2);
  });

  it('resolves only when every partition holds again every replica removed from it', () => {
    const e = engine(isrShrink);
    e.feed(shrink(0, 'orders', 3, [2]));
    e.feed(shrink(0, 'orders', 3, [3]));
    e.feed(shrink(0, 'payments', 0, [2]));
    e.advance(at(1));
    e.feed(updated(10, 'orders', 3, [1, 2]));
    e.feed(updated(11, 'payments', 0, [1, 2, 3]));
    const meanwhile = e.advance(at(12));
    expect(kinds(meanwhile)).toEqual(['kafka_isr_shrink:updated']);
    expect(meanwhile[0]!.alert.annotations.description).toMatch(/^Partitions: orders-3\./);
    e.feed(ev(20, { 'event.action': 'isr_expand', 'kafka.topic': 'orders', 'kafka.partition': 3, 'kafka.isr.after': [1, 2, 3] }));
    const changes = e.advance(at(21));
    expect(kinds(changes)).toEqual(['kafka_isr_shrink:resolved']);
    expect(changes[0]!.alert).toMatchObject({ state: 'resolved', startsAt: at(0), endsAt: at(20) });
    // The resolved alert says what was wrong.
    expect(changes[0]!.alert.annotations.summary).toBe('ISR shrink in prod-a: 2 partitions of orders, payments');
  });

  it('sends the resolution alone when the last partitions recover within one step, without an update counting none', () => {
    const e = engine(isrShrink);
    e.feed(shrink(0, 'orders', 3, [2]));
    e.feed(shrink(0, 'orders', 4, [2]));
    e.advance(at(1));
    e.feed(updated(10, 'orders', 3, [1, 2]));
    e.feed(updated(10, 'orders', 4, [1, 2]));
    const changes = e.advance(at(11));
    expect(kinds(changes)).toEqual(['kafka_isr_shrink:resolved']);
    expect(changes[0]!.alert.annotations.summary).toBe('ISR shrink in prod-a: 2 partitions of orders');
  });

  it('counts a partition that shrinks again after it recovered as open again', () => {
    const e = engine(isrShrink);
    e.feed(shrink(0, 'orders', 3, [2]));
    e.feed(shrink(0, 'payments', 0, [2]));
    e.feed(updated(5, 'orders', 3, [1, 2, 3]));
    e.feed(shrink(8, 'orders', 3, [3]));
    e.feed(updated(9, 'payments', 0, [1, 2, 3]));
    expect(kinds(e.advance(at(20)))).toEqual(['kafka_isr_shrink:fired']);
    // Open again for replica 3 alone: the 2 it needed before has been covered.
    e.feed(updated(22, 'orders', 3, [1, 3]));
    expect(kinds(e.advance(at(30)))).toEqual(['kafka_isr_shrink:resolved']);
  });

  it('gives one alert for a storm of 400 shrinking partitions', () => {
    const e = engine(isrShrink);
    for (let p = 0; p < 400; p++) e.feed(shrink(p / 100, `t${p % 7}`, p, [2]));
    const changes = e.advance(at(5));
    expect(changes).toHaveLength(1);
    expect(changes[0]!.alert.annotations.summary).toBe('ISR shrink in prod-a: 400 partitions of t0, t1, t2, t3, t4, t5, t6');
    expect(changes[0]!.alert.eventIds).toHaveLength(20);
    expect(changes[0]!.alert.eventCount).toBe(400);
  });

  it('keeps one fingerprint per cluster, stable across engines', () => {
    const a = engine(isrShrink);
    const b = engine(isrShrink);
    a.feed(shrink(0, 'orders', 1, [2]));
    b.feed(shrink(50, 'other', 9, [3]));
    b.feed(shrink(50, 'other', 9, [3], '2'));
    b.feed(ev(51, { 'event.action': 'isr_shrink', 'broker.cluster': 'prod-b', 'kafka.topic': 'x', 'kafka.partition': 0 }));
    const [fa] = a.advance(at(60));
    const [fb, fc] = b.advance(at(60));
    expect(fa!.alert.fingerprint).toBe(fb!.alert.fingerprint);
    expect(fc!.alert.fingerprint).not.toBe(fa!.alert.fingerprint);
  });
});

describe('delivery guarantees', () => {
  const two = ruleSpecSchema.parse({
    name: 'two_in_a_minute',
    kind: 'threshold',
    severity: 'info',
    match: { 'event.action': 'zk_disconnected' },
    count: 2,
    window_seconds: 60,
    summary: '{{ count }}',
    description: '',
    resolve: { quiet_seconds: 120 },
  });

  it('counts an event delivered twice once', () => {
    const e = engine(two);
    const once = ev(0, { 'event.action': 'zk_disconnected' });
    expect(e.feed(once)).toBe('accepted');
    expect(e.feed({ ...once })).toBe('duplicate');
    expect(e.advance(at(1))).toEqual([]);
  });

  it('counts a record that arrives out of order inside the allowed lateness', () => {
    const e = engine(two);
    e.feed(ev(10, { 'event.action': 'zk_disconnected' }));
    expect(e.feed(ev(6, { 'event.action': 'zk_disconnected' }))).toBe('accepted');
    expect(kinds(e.advance(at(11)))).toEqual(['two_in_a_minute:fired']);
  });

  it('drops a record later than the allowed lateness, and says so', () => {
    const e = engine(two);
    e.feed(ev(10, { 'event.action': 'zk_disconnected' }));
    expect(e.feed(ev(4, { 'event.action': 'zk_disconnected' }))).toBe('late');
    expect(e.advance(at(11))).toEqual([]);
  });

  it('does not fire below the threshold or across a gap wider than the window', () => {
    const e = engine(two);
    e.feed(ev(0, { 'event.action': 'zk_disconnected' }));
    e.feed(ev(61, { 'event.action': 'zk_disconnected' }));
    expect(e.advance(at(62))).toEqual([]);
    e.feed(ev(100, { 'event.action': 'zk_disconnected' }));
    expect(kinds(e.advance(at(101)))).toEqual(['two_in_a_minute:fired']);
  });

  it('resolves after the quiet period, measured after the allowed lateness', () => {
    const e = engine(two);
    e.feed(ev(0, { 'event.action': 'zk_disconnected' }));
    e.feed(ev(1, { 'event.action': 'zk_disconnected' }));
    e.advance(at(2));
    expect(e.advance(at(123))).toEqual([]);
    const changes = e.advance(at(126));
    expect(kinds(changes)).toEqual(['two_in_a_minute:resolved']);
    expect(changes[0]!.alert.endsAt).toBe(at(121));
  });

  it('neither fires again nor forgets a firing alert after a restart from a JSON snapshot', () => {
    const before = engine(isrShrink);
    const replayed = shrink(0, 'orders', 3, [2]);
    before.feed(replayed);
    expect(kinds(before.advance(at(1)))).toEqual(['kafka_isr_shrink:fired']);
    const saved = JSON.parse(JSON.stringify(before.snapshot())) as EngineSnapshot;

    const after = engine(isrShrink);
    after.restore(saved);
    expect(after.feed(replayed)).toBe('duplicate');
    expect(after.advance(at(2))).toEqual([]);
    after.feed(updated(3, 'orders', 3, [1, 2, 3]));
    const changes = after.advance(at(4));
    expect(kinds(changes)).toEqual(['kafka_isr_shrink:resolved']);
    expect(changes[0]!.alert.startsAt).toBe(at(0));
  });

  it('hands an ordinary record to no action-bound rule', () => {
    const e = engine(isrShrink, two);
    expect(e.rules.map((r) => [...(r.actions ?? [])])).toEqual([['isr_shrink', 'isr_expand', 'isr_updated'], ['zk_disconnected']]);
  });
});

describe('change (flapping)', () => {
  const flapping = ruleSpecSchema.parse({
    name: 'controller_flapping',
    kind: 'change',
    severity: 'warning',
    match: { 'event.action': 'controller_elected' },
    group_by: ['broker.cluster'],
    field: 'kafka.controller.id',
    changes: 3,
    window_seconds: 600,
    summary: 'controller moved {{ count }} times in {{ window }}: {{ distinct.kafka.controller.id }}',
    description: '',
    resolve: { quiet_seconds: 900 },
  });
  const elected = (s: number, id: number) => ev(s, { 'event.action': 'controller_elected', 'kafka.controller.id': id });

  it('fires when the value changes the given number of times in the window, not when it repeats', () => {
    const e = engine(flapping);
    e.feed(elected(0, 1));
    e.feed(elected(10, 1));
    e.feed(elected(20, 2));
    e.feed(elected(30, 2));
    e.feed(elected(40, 3));
    expect(e.advance(at(41))).toEqual([]);
    e.feed(elected(50, 1));
    const changes = e.advance(at(51));
    expect(kinds(changes)).toEqual(['controller_flapping:fired']);
    expect(changes[0]!.alert.annotations.summary).toBe('controller moved 3 times in 10m: 2, 3, 1');
    expect(changes[0]!.alert.startsAt).toBe(at(50));
  });

  it('does not count changes spread wider than the window', () => {
    const e = engine(flapping);
    [1, 2, 3, 1].forEach((id, i) => e.feed(elected(i * 400, id)));
    expect(e.advance(at(1300))).toEqual([]);
  });

  it('joins later changes and resolves once the controller has been stable for the quiet period', () => {
    const e = engine(flapping);
    [1, 2, 1, 2].forEach((id, i) => e.feed(elected(i, id)));
    e.advance(at(5));
    e.feed(elected(100, 3));
    expect(e.advance(at(101))[0]!.alert.eventCount).toBe(4);
    const changes = e.advance(at(1010));
    expect(kinds(changes)).toEqual(['controller_flapping:resolved']);
    expect(changes[0]!.alert.endsAt).toBe(at(1000));
  });
});

describe('absence', () => {
  const silent = ruleSpecSchema.parse({
    name: 'broker_silent',
    kind: 'absence',
    severity: 'warning',
    match: { 'service.type': 'kafka' },
    group_by: ['broker.cluster', 'broker.id'],
    for_seconds: 300,
    summary: 'no log from broker {{ label.broker.id }} for {{ window }}',
    description: '',
  });

  it('fires when a group it has heard from goes silent, and resolves when it is heard again', () => {
    const e = engine(silent);
    e.feed(ev(0, { 'broker.id': '1' }));
    e.feed(ev(0, { 'broker.id': '2' }));
    e.feed(ev(200, { 'broker.id': '2' }));
    expect(e.advance(at(304))).toEqual([]);
    const fired = e.advance(at(306));
    expect(kinds(fired)).toEqual(['broker_silent:fired']);
    expect(fired[0]!.alert).toMatchObject({ startsAt: at(300), labels: { 'broker.id': '1' } });
    expect(fired[0]!.alert.annotations.summary).toBe('no log from broker 1 for 5m');
    e.feed(ev(400, { 'broker.id': '1' }));
    const resolved = e.advance(at(401));
    expect(resolved.map((c) => `${c.alert.labels['broker.id']}:${c.kind}`)).toEqual(['1:resolved']);
    expect(resolved[0]!.alert.endsAt).toBe(at(400));
  });
});

describe('unless: a planned step excuses the failure it causes', () => {
  const failure = ruleSpecSchema.parse({
    name: 'kafka_broker_failure',
    kind: 'match',
    severity: 'critical',
    match: { 'event.action': 'broker_failure' },
    unless: { match: { 'event.action': 'broker_shutdown' }, same: ['kafka.broker.subject'], within_seconds: 600 },
    group_by: ['broker.cluster', 'kafka.broker.subject'],
    summary: 'Kafka broker {{ label.kafka.broker.subject }} left',
    description: '{{ last.message }}',
    resolve: { match: { 'event.action': 'broker_registered' } },
  });
  const shutdown = (s: number, broker: number) => ev(s, { 'event.action': 'broker_shutdown', 'kafka.broker.subject': broker });
  const failed = (s: number, broker: number) => ev(s, { 'event.action': 'broker_failure', 'kafka.broker.subject': broker });

  it('fires for a broker that left without a controlled shutdown, not for the one that had one, nor long after it', () => {
    const e = engine(failure);
    e.feed(shutdown(0, 3));
    e.feed(failed(5, 3));
    e.feed(failed(5, 2));
    const changes = e.advance(at(6));
    expect(changes.map((c) => [c.kind, c.alert.labels['kafka.broker.subject']])).toEqual([['fired', '2']]);
    e.feed(failed(700, 3));
    expect(e.advance(at(701)).map((c) => [c.kind, c.alert.labels['kafka.broker.subject']])).toEqual([['fired', '3']]);
  });

  it('remembers the planned step across a restart from a snapshot', () => {
    const e = engine(failure);
    e.feed(shutdown(0, 3));
    e.advance(at(1));
    const restored = engine(failure);
    restored.restore(JSON.parse(JSON.stringify(e.snapshot())) as EngineSnapshot);
    restored.feed(failed(5, 3));
    expect(restored.advance(at(6))).toEqual([]);
  });

  it('refuses an unless block without its time', () => {
    expect(ruleSpecSchema.safeParse({ ...failure, unless: { match: { 'event.action': 'broker_shutdown' } } }).success).toBe(false);
  });

  it('excuses no event that lacks one of the same fields: without it, it is not known to be the same', () => {
    const e = engine(failure);
    e.feed(ev(0, { 'event.action': 'broker_shutdown' }));
    e.feed(ev(5, { 'event.action': 'broker_failure' }));
    expect(e.advance(at(6)).map((c) => c.kind)).toEqual(['fired']);
  });

  it("counts the first of a repeated record when the unless is the rule's own match, and not its repeats", () => {
    const unclean = ruleSpecSchema.parse({
      ...failure,
      name: 'kafka_unclean_leader_election',
      match: { 'event.action': 'unclean_leader_election' },
      unless: { match: { 'event.action': 'unclean_leader_election' }, same: ['kafka.topic', 'kafka.partition', 'kafka.leader.epoch'], within_seconds: 604800 },
      group_by: ['broker.cluster'],
      resolve: { quiet_seconds: 3600 },
    });
    const election = (s: number, epoch: number) => ev(s, { 'event.action': 'unclean_leader_election', 'kafka.topic': 't', 'kafka.partition': 0, 'kafka.leader.epoch': epoch });
    const e = engine(unclean);
    e.feed(election(0, 6));
    expect(e.advance(at(1)).map((c) => c.kind)).toEqual(['fired']);
    expect(e.advance(at(5000)).map((c) => c.kind)).toEqual(['resolved']);
    e.feed(election(7200, 6));
    expect(e.advance(at(7201))).toEqual([]);
    e.feed(election(7300, 7));
    expect(e.advance(at(7301)).map((c) => c.kind)).toEqual(['fired']);
  });
});

describe('pending_seconds: a condition must last before its alert is sent', () => {
  const nodeDown = ruleSpecSchema.parse({
    name: 'rabbitmq_node_down',
    kind: 'match',
    severity: 'warning',
    pending_seconds: 60,
    match: { 'event.action': 'node_down' },
    group_by: ['broker.cluster', 'rabbitmq.node.subject'],
    summary: 'RabbitMQ node {{ label.rabbitmq.node.subject }} is down ({{ count }} reports)',
    description: '{{ last.message }}',
    resolve: { match: { 'event.action': 'node_up' } },
  });
  const down = (s: number, reporter = 'rabbit@a') => ev(s, { 'event.action': 'node_down', 'rabbitmq.node.subject': 'rabbit@c', 'broker.id': reporter });
  const up = (s: number) => ev(s, { 'event.action': 'node_up', 'rabbitmq.node.subject': 'rabbit@c' });

  it('sends nothing for a node back within the pending time, fired or resolved', () => {
    const e = engine(nodeDown);
    e.feed(down(0));
    expect(e.advance(at(30))).toEqual([]);
    e.feed(up(40));
    expect(e.advance(at(41))).toEqual([]);
    expect(e.advance(at(200))).toEqual([]);
  });

  it('sends the alert once the pending time has passed, with the start and the reports gathered meanwhile', () => {
    const e = engine(nodeDown);
    e.feed(down(0));
    e.feed(down(2, 'rabbit@b'));
    // Decisions wait for the allowed lateness (5 s here): due at 60 s of event time, sent at 65.
    expect(e.advance(at(64))).toEqual([]);
    const fired = e.advance(at(65));
    expect(kinds(fired)).toEqual(['rabbitmq_node_down:fired']);
    expect(fired[0]!.alert.startsAt).toBe(at(0));
    expect(fired[0]!.alert.annotations.summary).toBe('RabbitMQ node rabbit@c is down (2 reports)');
    e.feed(up(90));
    const resolved = e.advance(at(91));
    expect(kinds(resolved)).toEqual(['rabbitmq_node_down:resolved']);
    expect(resolved[0]!.alert.endsAt).toBe(at(90));
  });

  it('sends fired and resolved together when both fall after the pending time between two advances', () => {
    const e = engine(nodeDown);
    e.feed(down(0));
    e.feed(up(61));
    expect(kinds(e.advance(at(62)))).toEqual(['rabbitmq_node_down:fired', 'rabbitmq_node_down:resolved']);
  });

  it('keeps a pending alert pending across a restart from a snapshot', () => {
    const e = engine(nodeDown);
    e.feed(down(0));
    expect(e.advance(at(10))).toEqual([]);
    const restored = engine(nodeDown);
    restored.restore(JSON.parse(JSON.stringify(e.snapshot())) as EngineSnapshot);
    expect(restored.advance(at(20))).toEqual([]);
    expect(kinds(restored.advance(at(70)))).toEqual(['rabbitmq_node_down:fired']);
  });

  it('is refused on an absence rule, whose for_seconds is already the wait, and when not positive', () => {
    const absence = { name: 'agent_silent', kind: 'absence', severity: 'warning', match: {}, summary: 's', description: 'd', for_seconds: 300 };
    expect(ruleSpecSchema.safeParse(absence).success).toBe(true);
    expect(ruleSpecSchema.safeParse({ ...absence, pending_seconds: 60 }).success).toBe(false);
    expect(ruleSpecSchema.safeParse({ ...nodeDown, pending_seconds: 0 }).success).toBe(false);
  });
});
