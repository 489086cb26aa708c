import { describe, expect, it } from 'vitest';
import { toInstant } from '../../src/core/index.js';
import type { Notification, PolicySnapshot } from '../../src/notify/index.js';
import type { EngineSnapshot } from '../../src/rules/index.js';
import { ev } from '../rules/support.js';
import { Pipeline } from './support.js';

const routes = {
  routes: [
    { receiver: 'rabbit-team', matchers: [{ name: 'service', value: 'rabbitmq' }], group_wait_seconds: 5 },
    { receiver: 'ops', group_wait_seconds: 10, group_interval_seconds: 60, repeat_interval_seconds: 3600 },
  ],
  inhibit_rules: [
    {
      source_matchers: [{ name: 'alertname', value: 'kafka_broker_failure' }],
      target_matchers: [{ name: 'alertname', value: 'kafka_isr_shrink' }],
      equal: ['broker.cluster'],
    },
  ],
};

// Seconds after T0, as the events' own time; the pipeline's clock starts at T0 too.
const shrink = (s: number, partition: number, cluster = 'prod-a') =>
  ev(s, { 'event.action': 'isr_shrink', 'broker.cluster': cluster, 'kafka.topic': `t${partition % 5}`, 'kafka.partition': partition, 'kafka.isr.removed': [3], 'broker.id': '1' });
const expand = (s: number, partition: number) =>
  ev(s, { 'event.action': 'isr_expand', 'kafka.topic': `t${partition % 5}`, 'kafka.partition': partition, 'kafka.isr.after': [1, 2, 3] });

function summary(n: Notification): string {
  return `${n.receiver} ${n.status} ${n.alerts.map((a) => `${a.rule}:${a.state}`).join(',')}`;
}

describe('notification policy', () => {
  it('turns a storm of 400 shrinking partitions into one notification after group_wait', () => {
    const p = new Pipeline(routes);
    for (let i = 0; i < 400; i++) p.feed(shrink(0, i));
    expect(p.tick(9)).toEqual([]);
    const sent = p.tick(1);
    expect(sent.map(summary)).toEqual(['ops firing kafka_isr_shrink:firing']);
    expect(sent[0]!.alerts[0]!.annotations.summary).toBe('ISR shrink in prod-a: 400 partitions of t0, t1, t2, t3, t4 under-replicated, replicas 3 dropped out');
    expect(sent[0]!.groupLabels).toEqual({ alertname: 'kafka_isr_shrink', 'broker.cluster': 'prod-a' });
    expect(p.tick(59)).toEqual([]);
    expect(p.tick(1)).toEqual([]);
  });

  it('still tells of an alert that fired and resolved before its group was first notified', () => {
    const p = new Pipeline(routes);
    p.feed(shrink(0, 1));
    p.feed(expand(2, 1));
    expect(p.tick(3)).toEqual([]);
    expect(p.tick(7).map(summary)).toEqual(['ops resolved kafka_isr_shrink:resolved']);
    expect(p.tick(120)).toEqual([]);
  });

  it('sends a resolved notification once every partition is back', () => {
    const p = new Pipeline(routes);
    p.feed(shrink(0, 1), shrink(0, 2));
    expect(p.tick(10)).toHaveLength(1);
    p.feed(expand(11, 1));
    expect(p.tick(60)).toEqual([]);
    p.feed(expand(75, 2));
    const sent = p.tick(60);
    expect(sent.map(summary)).toEqual(['ops resolved kafka_isr_shrink:resolved']);
    expect(p.policy.nextFlushAt()).toBeUndefined();
  });

  it('repeats a firing notification every repeat_interval, not more often', () => {
    const p = new Pipeline(routes);
    p.feed(shrink(0, 1));
    expect(p.tick(10)).toHaveLength(1);
    let sent = 0;
    for (let i = 0; i < 59; i++) sent += p.tick(60).length;
    expect(sent).toBe(0);
    expect(p.tick(60)).toHaveLength(1);
  });

  it('routes by labels: RabbitMQ alerts to their team with its own group_wait', () => {
    const p = new Pipeline(routes);
    p.feed(ev(0, { 'event.action': 'memory_alarm_set', 'service.type': 'rabbitmq', 'rabbitmq.node.subject': 'rabbit@r1' }), shrink(0, 1));
    expect(p.tick(5).map(summary)).toEqual(['rabbit-team firing rabbitmq_memory_alarm:firing']);
    expect(p.tick(5).map(summary)).toEqual(['ops firing kafka_isr_shrink:firing']);
  });

  it('holds back the ISR alerts a broker failure explains, in that cluster only', () => {
    const p = new Pipeline(routes);
    p.feed(ev(0, { 'event.action': 'broker_failure', 'kafka.broker.subject': 3 }), shrink(0, 1), shrink(0, 2, 'prod-b'));
    const sent = p.tick(10);
    expect(sent.map(summary).sort()).toEqual(['ops firing kafka_broker_failure:firing', 'ops firing kafka_isr_shrink:firing']);
    expect(sent.find((n) => n.alerts[0]!.rule === 'kafka_isr_shrink')!.groupLabels['broker.cluster']).toBe('prod-b');
  });

  it('suppresses silenced alerts during the silence and notifies them once it expires', () => {
    const p = new Pipeline(routes);
    p.policy.addSilence({
      id: 'maintenance',
      matchers: [{ name: 'broker.cluster', value: 'prod-.*', is_regex: true, is_equal: true }],
      startsAt: p.clock.now(),
      endsAt: toInstant(p.clock.now() + 3600_000),
      createdBy: 'ops',
      comment: 'rolling restart',
    });
    for (let i = 0; i < 300; i++) p.feed(shrink(0, i));
    expect(p.tick(10)).toEqual([]);
    expect(p.tick(60)).toEqual([]);
    expect(p.policy.expireSilence('maintenance', p.clock.now())).toBe(true);
    expect(p.tick(60).map(summary)).toEqual(['ops firing kafka_isr_shrink:firing']);
  });

  it('neither re-sends nor forgets after a restart from snapshots', () => {
    const p = new Pipeline(routes);
    p.feed(shrink(0, 1));
    expect(p.tick(10)).toHaveLength(1);
    const saved = JSON.parse(JSON.stringify({ engine: p.engine.snapshot(), policy: p.policy.snapshot() })) as {
      engine: EngineSnapshot;
      policy: PolicySnapshot;
    };

    const q = new Pipeline(routes);
    q.clock.set(p.clock.now());
    q.engine.restore(saved.engine);
    q.policy.restore(saved.policy);
    q.feed(shrink(0, 1));
    expect(q.tick(60)).toEqual([]);
    q.feed(expand(80, 1));
    expect(q.tick(60).map(summary)).toEqual(['ops resolved kafka_isr_shrink:resolved']);
  });

  it('gives a notification computed twice the same idempotency key', () => {
    const a = new Pipeline(routes);
    const b = new Pipeline(routes);
    const e = shrink(0, 1);
    a.feed(e);
    b.feed(e);
    expect(a.tick(10)[0]!.key).toBe(b.tick(10)[0]!.key);
  });
});

describe('time intervals on routes (mute_time_intervals, active_time_intervals)', () => {
  // T0 is Wednesday 2026-11-25 08:00 UTC, 09:00 in Berlin.
  const muted = (start: string, end: string) => ({
    routes: [{ receiver: 'ops', group_wait_seconds: 10, group_interval_seconds: 60, mute_time_intervals: ['patch-window'] }],
    time_intervals: [{ name: 'patch-window', time_intervals: [{ weekdays: ['wednesday'], times: [{ start_time: start, end_time: end }], location: 'Europe/Berlin' }] }],
  });

  it('sends nothing of an alert that came and went inside a mute window, not even after it', () => {
    const p = new Pipeline(muted('09:00', '09:30'));
    p.feed(shrink(0, 1));
    expect(p.tick(10)).toEqual([]);
    p.feed(expand(600, 1));
    let sent = 0;
    for (let i = 0; i < 60; i++) sent += p.tick(60).length;
    expect(sent).toBe(0);
    expect(p.policy.nextFlushAt()).toBeUndefined();
  });

  it('sends what still fires when the window ends, at the group’s next flush', () => {
    const p = new Pipeline(muted('09:00', '09:30'));
    p.feed(shrink(0, 1));
    const times: number[] = [];
    for (let s = 10; s <= 1900; s += 10) if (p.tick(10).length > 0) times.push(s);
    // The window ends at 09:30 Berlin (1800 s); flushes come every group_interval (60 s) meanwhile.
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThanOrEqual(1800);
    expect(times[0]).toBeLessThan(1800 + 60);
  });

  it('holds the resolution of an alert notified before the window until the window ends', () => {
    const p = new Pipeline(muted('09:05', '09:30'));
    p.feed(shrink(0, 1));
    expect(p.tick(10).map(summary)).toEqual(['ops firing kafka_isr_shrink:firing']);
    p.tick(590);
    p.feed(expand(600, 1));
    const sent: string[] = [];
    for (let s = 600; s < 1900; s += 10) sent.push(...p.tick(10).map((n) => `${s + 10} ${summary(n)}`));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^18[0-5]\d ops resolved kafka_isr_shrink:resolved$/);
  });

  it('sends only inside the active intervals of a route', () => {
    const route = (weekdays: string[]) => ({
      routes: [{ receiver: 'office', group_wait_seconds: 10, active_time_intervals: ['office-hours'] }],
      time_intervals: [{ name: 'office-hours', time_intervals: [{ weekdays, times: [{ start_time: '09:00', end_time: '17:00' }], location: 'Europe/Berlin' }] }],
    });
    const weekday = new Pipeline(route(['monday:friday']));
    weekday.feed(shrink(0, 1));
    expect(weekday.tick(10).map(summary)).toEqual(['office firing kafka_isr_shrink:firing']);
    const weekend = new Pipeline(route(['saturday', 'sunday']));
    weekend.feed(shrink(0, 1));
    expect(weekend.tick(10)).toEqual([]);
  });
});
