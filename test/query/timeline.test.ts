import { describe, expect, it } from 'vitest';
import { eventId, toInstant, type BrokerEvent, type Instant } from '../../src/core/index.js';
import {
  ALERT_LEAD_MS,
  ALERT_TRAIL_MS,
  alertTimelineRequest,
  assembleTimeline,
  causalPairs,
  timelineMarkdown,
  timelineText,
  type Timeline,
  type TimelineRequest,
} from '../../src/query/index.js';
import { drillEvents, shiftHost } from './drill-events.js';

/** The whole capture of a drill as the window. */
function windowOf(events: readonly BrokerEvent[]): TimelineRequest {
  const times = events.map((e) => Date.parse(e['@timestamp']));
  return { cluster: 'drill', from: toInstant(Math.min(...times)), to: toInstant(Math.max(...times) + 1) };
}

function timelineOf(events: readonly BrokerEvent[], request: Partial<TimelineRequest> = {}): Timeline {
  return assembleTimeline(events, { ...windowOf(events), ...request });
}

const DRILLS = [
  'kafka/4.1.1-kraft/broker-loss',
  'kafka/4.1.1-kraft/controller-loss',
  'kafka/4.1.1-kraft/follower-pause',
  'kafka/3.9.1-zk/broker-loss',
  'kafka/3.9.1-zk/controller-loss',
  'kafka/3.9.1-zk/follower-pause',
  'kafka/3.9.1-zk/session-expiry',
  'rabbitmq/3.10.8-partition-autoheal',
  'rabbitmq/3.10.8-partition-ignore',
  'rabbitmq/3.10.8-partition-pause_minority',
  'rabbitmq/3.10.8-node-restart',
  'rabbitmq/3.10.8-alarms',
];

describe('assembleTimeline over the real drills', () => {
  it('collapses the ISR storms of a lost KRaft broker per leader and keeps everything in logged order', () => {
    const timeline = timelineOf(drillEvents('kafka/4.1.1-kraft/broker-loss'));
    const shrinks = timeline.entries.filter((e) => e.action === 'isr_shrink');
    expect(shrinks.map((e) => [e.host, e.start, e.end, e.summary, e.partitions])).toEqual([
      ['kafka-1', '2026-11-25T08:36:01.908Z', '2026-11-25T08:36:01.910Z', 'ISR shrink on 2 partitions led by broker 1 (removed 3)', [{ topic: 'drill-loss-1795595750', partitions: [2, 5] }]],
      ['kafka-2', '2026-11-25T08:36:03.339Z', '2026-11-25T08:36:03.339Z', 'ISR shrink on 2 partitions led by broker 2 (removed 3)', [{ topic: 'drill-loss-1795595750', partitions: [0, 3] }]],
    ]);
    // Broker 3 back: the 38 partitions led by broker 1 have it in their ISR again, in one burst of
    // `ISR updated` and state-change.log lines, one entry.
    const caughtUp = timeline.entries.find((e) => e.action === 'isr_updated' && e.start === '2026-11-25T08:36:34.667Z')!;
    expect(caughtUp.summary).toBe('ISR updated on 38 partitions led by broker 1 (now 1,2,3)');
    expect(caughtUp.count).toBe(60);
    const starts = timeline.entries.map((e) => e.start);
    expect(starts).toEqual([...starts].sort());
    expect(timeline.entries.reduce((n, e) => n + e.count, 0)).toBe(timeline.eventCount);
    expect(timeline.lanes.map((l) => [l.host, l.brokers])).toEqual([['kafka-1', ['1']], ['kafka-2', ['2']], ['kafka-3', ['3']]]);
    expect(timeline.entries.find((e) => e.action === 'broker_fenced')).toMatchObject({
      host: 'kafka-2',
      subject: '3',
      summary: '[QuorumController id=2] Fencing broker 3 at epoch 2184 because its session has timed out.',
    });
  });

  it('tells the controller that elected a leader apart from the leaders that took over (ZooKeeper mode)', () => {
    const timeline = timelineOf(drillEvents('kafka/3.9.1-zk/broker-loss'));
    const elections = timeline.entries.filter((e) => e.action === 'leader_election').map((e) => [e.host, e.summary, e.count]);
    expect(elections).toEqual([
      // Logged in the same millisecond: in event.id order.
      ['kafka-1', 'Leader election on 1 partition: broker 2 elected by broker 1', 1],
      ['kafka-1', 'Leader election on 1 partition: broker 1 elected by broker 1', 1],
      // Broker 3 led one partition each now led by brokers 1 and 2; their other `starts at leader
      // epoch` lines name themselves as the previous leader: an ISR change, not an election.
      ['kafka-1', 'Leader election: broker 1 became leader of 1 partition', 1],
      ['kafka-2', 'Leader election: broker 2 became leader of 1 partition', 1],
    ]);
  });

  it('collapses a node logging one peer down twice, and says the autoheal decision in one line', () => {
    const timeline = timelineOf(drillEvents('rabbitmq/3.10.8-partition-autoheal'));
    expect(timeline.entries[0]).toMatchObject({ host: 'r2', broker: 'r2@vm', subject: 'r3@vm', count: 2, summary: 'rabbit on node r3@vm down (2 records)' });
    expect(timeline.entries.filter((e) => e.action === 'autoheal').map((e) => [e.host, e.summary])).toEqual([
      ['r1', 'Autoheal decision by r1@vm: winner r3@vm, losers r2@vm'],
      ['r3', 'Autoheal: I am the winner, waiting for [r2@vm] to stop'],
      ['r2', 'Autoheal: we were selected to restart; winner is r3@vm'],
      ['r1', 'Autoheal finished according to winner r3@vm'],
    ]);
  });

  it('finds the causal pairs of every rule in real logs, all in causal order, and so no skew on one machine', () => {
    const rules = new Set<string>();
    for (const drill of DRILLS) {
      const events = drillEvents(drill);
      const pairs = causalPairs(events);
      for (const pair of pairs) {
        rules.add(pair.rule);
        expect(pair.marginMs, `${drill} ${pair.rule}`).toBeGreaterThanOrEqual(0);
      }
      expect(timelineOf(events).skew, drill).toEqual([]);
    }
    // controlled_shutdown pairs a broker with the controller it asks; in the drills both were one process.
    expect([...rules].sort()).toEqual(['autoheal_decision', 'autoheal_winner', 'kraft_registration', 'kraft_unfence', 'partition_leader']);
  }, 60_000);
});

describe('clock skew', () => {
  it("flags a broker whose clock runs behind the controller's, with the offset the evidence proves, and reorders nothing", () => {
    const real = drillEvents('kafka/4.1.1-kraft/broker-loss');
    const latency = Math.min(...causalPairs(real).map((p) => p.marginMs));
    const timeline = timelineOf(shiftHost(real, 'kafka-3', -5000));
    expect(timeline.skew).toHaveLength(1);
    expect(timeline.skew[0]).toMatchObject({ host: 'kafka-3', reference: 'kafka-2', atLeastMs: 5000 - latency, consistentPairs: 0 });
    expect(timeline.skew[0]!.contradictions.map((p) => p.rule).sort()).toEqual(['kraft_registration', 'kraft_unfence', 'kraft_unfence']);
    // kafka-3's unfence keeps its logged time and so comes first, marked.
    expect(timeline.entries[0]).toMatchObject({ host: 'kafka-3', action: 'broker_unfenced', start: '2026-11-25T08:35:45.187Z' });
    expect(timeline.entries[0]!.skew).toEqual([
      { rule: 'kraft_unfence', role: 'effect', eventId: timeline.entries[0]!.id, otherHost: 'kafka-2', byMs: 4945 },
    ]);
  });

  it('bounds the offset from both sides when pairs go both ways between two hosts', () => {
    const timeline = timelineOf(shiftHost(drillEvents('rabbitmq/3.10.8-partition-autoheal'), 'r3', -3000));
    // r1 -> r3 (decision, 7 ms) says r3 is at least 2993 ms behind; r3 -> r1 (finished, 131 ms) at most 3131 ms.
    expect(timeline.skew.map((s) => [s.host, s.reference, s.atLeastMs, s.atMostMs])).toEqual([['r3', 'r1', 2993, 3131]]);
  });

  it('says nothing about a shift no rule can see', () => {
    // Every pair of this drill has its cause on kafka-2: a kafka-3 clock running ahead only widens them.
    expect(timelineOf(shiftHost(drillEvents('kafka/4.1.1-kraft/broker-loss'), 'kafka-3', 5000)).skew).toEqual([]);
  });

  it('pairs a broker asking for a controlled shutdown with the controller granting it', () => {
    // Plain events for the pairing logic: in the drills the controller and the broker shutting down were one process.
    const shutdown = (host: string, at: string, subject?: number): BrokerEvent => ({
      '@timestamp': at,
      message: subject === undefined ? `[KafkaServer id=${host.slice(-1)}] shutting down` : `[Controller id=1] Shutting down broker ${subject}`,
      'event.id': eventId(host, 'server.log', Date.parse(at)),
      'event.original': '',
      'event.dataset': 'kafka.log',
      'event.action': 'broker_shutdown',
      'service.type': 'kafka',
      'host.name': host,
      'broker.cluster': 'prod-a',
      'broker.id': host.slice(-1),
      ...(subject === undefined ? {} : { 'kafka.broker.subject': subject }),
    });
    const asked = shutdown('kafka-2', '2026-11-25T10:00:00.400Z');
    const granted = shutdown('kafka-1', '2026-11-25T10:00:00.100Z', 2);
    expect(causalPairs([asked, granted])).toEqual([
      {
        rule: 'controlled_shutdown',
        cause: { id: asked['event.id'], host: 'kafka-2', action: 'broker_shutdown', at: asked['@timestamp'] },
        effect: { id: granted['event.id'], host: 'kafka-1', action: 'broker_shutdown', at: granted['@timestamp'] },
        marginMs: -300,
      },
    ]);
    const timeline = assembleTimeline([asked, granted], { from: toInstant(Date.parse('2026-11-25T10:00:00Z')), to: toInstant(Date.parse('2026-11-25T10:01:00Z')) });
    expect(timeline.skew.map((s) => [s.host, s.reference, s.atLeastMs])).toEqual([['kafka-1', 'kafka-2', 300]]);
  });

  it('uses events just outside the window as causes, so a window opening between cause and effect flags nothing', () => {
    const events = drillEvents('kafka/4.1.1-kraft/broker-loss');
    const registered = Date.parse('2026-11-25T08:36:30.509Z');
    const timeline = assembleTimeline(events, { cluster: 'drill', from: toInstant(registered), to: toInstant(registered + 10_000) });
    expect(timeline.entries[0]).toMatchObject({ host: 'kafka-3', action: 'broker_registered' });
    expect(timeline.skew).toEqual([]);
    const skewed = assembleTimeline(shiftHost(events, 'kafka-3', -2000), { cluster: 'drill', from: toInstant(registered - 2000), to: toInstant(registered + 10_000) });
    expect(skewed.skew.map((s) => s.host)).toEqual(['kafka-3']);
  });
});

let offset = 0;
function shrink(at: string, topic: string, partition: number, leader = '2'): BrokerEvent {
  offset += 100;
  return {
    '@timestamp': at,
    message: `[Partition ${topic}-${partition} broker=${leader}] Shrinking ISR from ${leader},3 to ${leader}`,
    'log.level': 'info',
    'event.id': eventId(`kafka-${leader}`, 'server.log', offset),
    'event.original': '',
    'event.dataset': 'kafka.log',
    'event.action': 'isr_shrink',
    'service.type': 'kafka',
    'host.name': `kafka-${leader}`,
    'broker.cluster': 'prod-a',
    'broker.id': leader,
    'kafka.topic': topic,
    'kafka.partition': partition,
    'kafka.isr.removed': [3],
  };
}

describe('storms', () => {
  const T0 = Date.parse('2026-11-25T10:01:03.000Z');
  const at = (ms: number): string => new Date(T0 + ms).toISOString();
  // 312 partitions of 13 topics, one shrink every ~19 ms from 10:01:03 to 10:01:09.
  const storm = Array.from({ length: 312 }, (_, i) => shrink(at(Math.round((i * 6000) / 311)), `topic-${String(Math.floor(i / 24)).padStart(2, '0')}`, i % 24));
  const request: TimelineRequest = { cluster: 'prod-a', from: toInstant(T0 - 60_000), to: toInstant(T0 + 60_000) };

  it('collapses hundreds of ISR shrinks from one leader into one entry and one Markdown row', () => {
    const timeline = assembleTimeline(storm, request);
    expect(timeline.entries).toHaveLength(1);
    const [entry] = timeline.entries;
    expect(entry).toMatchObject({ summary: 'ISR shrink on 312 partitions led by broker 2 (removed 3)', count: 312, start: at(0), end: at(6000), removed: [3] });
    expect(entry!.partitions).toHaveLength(13);
    expect(timelineMarkdown(timeline)).toContain(
      '| 10:01:03.000–10:01:09.000 | kafka-2/2 | info | `isr_shrink` | ISR shrink on 312 partitions led by broker 2 (removed 3): topic-00 0-23; topic-01 0-23; topic-02 0-23; topic-03 0-23; topic-04 0-23 (+8 more topics) |',
    );
  });

  it('starts a new entry after a pause longer than the storm gap, or for another leader or another removed replica', () => {
    const later = shrink(at(6000 + 31_000), 'topic-00', 0);
    const otherLeader = shrink(at(10), 'topic-00', 1, '1');
    const otherReplica = { ...shrink(at(20), 'topic-00', 2), 'kafka.isr.removed': [4] };
    const timeline = assembleTimeline([...storm, later, otherLeader, otherReplica], request);
    expect(timeline.entries.map((e) => [e.host, e.count, e.removed])).toEqual([
      ['kafka-2', 312, [3]],
      ['kafka-1', 1, [3]],
      ['kafka-2', 1, [4]],
      ['kafka-2', 1, [3]],
    ]);
    expect(assembleTimeline([...storm, later], { ...request, stormGapMs: 60_000 }).entries).toHaveLength(1);
  });

  it('leaves out events outside the window and says when the reading was truncated', () => {
    const timeline = assembleTimeline(storm, { ...request, from: toInstant(T0 + 3000) }, true);
    expect(timeline.eventCount).toBe(storm.filter((e) => Date.parse(e['@timestamp']) >= T0 + 3000).length);
    expect(timeline.truncated).toBe(true);
    expect(timelineText(timeline)).toContain('Truncated: the window holds more events than were read; narrow it.');
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => assembleTimeline(storm, { ...request, from: request.to })).toThrow('a timeline needs a window whose start is before its end');
  });
});

describe('timelineMarkdown and timelineText', () => {
  it('warn about suspected skew above the table and beside the entries, times as logged', () => {
    const timeline = timelineOf(shiftHost(drillEvents('kafka/4.1.1-kraft/broker-loss'), 'kafka-3', -5000));
    const markdown = timelineMarkdown(timeline);
    expect(markdown.split('\n').slice(0, 6)).toEqual([
      '## Incident timeline: cluster drill, 2026-11-25 08:35:45 to 2026-11-25 08:36:34 UTC',
      '',
      '274 notable events from 3 hosts in 18 entries.',
      '',
      '> **Suspected clock skew.** Times are shown as logged, not corrected:',
      "> - kafka-3's clock runs at least 4.95 s behind kafka-2's (3 event pairs contradict causal order; kraft_registration, kraft_unfence)",
    ]);
    expect(markdown).toContain(
      '| 08:35:45.187 | kafka-3/3 | info | `broker_unfenced` | [BrokerLifecycleManager id=3] The broker has been unfenced. Transitioning from RECOVERY to RUNNING.<br>⚠ logged 4.95 s before its cause on kafka-2 (kraft_unfence): suspected clock skew |',
    );
    expect(timelineText(timeline)).toContain('! suspected clock skew: kafka-3\'s clock runs at least 4.95 s behind kafka-2\'s');
  });

  it('escapes table syntax in messages and prints dates when the window spans days', () => {
    const event: BrokerEvent = { ...shrink('2026-11-25T23:59:59.000Z', 'a|b', 0), 'event.action': 'broker_fenced', message: 'x | y' };
    const markdown = timelineMarkdown(assembleTimeline([event], { from: toInstant(Date.parse('2026-11-25T23:00:00Z')), to: toInstant(Date.parse('2026-11-26T01:00:00Z')) }));
    expect(markdown).toContain('| 2026-11-25 23:59:59.000 | kafka-2/2 | info | `broker_fenced` | x \\| y: a\\|b 0 |');
    expect(markdown).toContain('## Incident timeline: all clusters, 2026-11-25 23:00:00 to 2026-11-26 01:00:00 UTC');
  });

  it('say so when the window holds no notable events', () => {
    const empty = assembleTimeline([], { from: toInstant(0), to: toInstant(1000) });
    expect(timelineMarkdown(empty)).toContain('No notable events in this window.');
    expect(timelineText(empty)).toContain('No notable events in this window.');
  });
});

describe('alertTimelineRequest', () => {
  const startsAt = Date.parse('2026-11-25T10:00:00Z') as Instant;
  it("spans the alert's cluster from before it started to after it ended", () => {
    const request = alertTimelineRequest({ labels: { alertname: 'isr_shrink', 'broker.cluster': 'prod-a', 'kafka.topic': 'orders' }, startsAt, endsAt: toInstant(startsAt + 60_000) }, toInstant(startsAt + 3_600_000));
    expect(request).toEqual({ cluster: 'prod-a', from: startsAt - ALERT_LEAD_MS, to: startsAt + 60_000 + ALERT_TRAIL_MS });
  });
  it('runs to now while the alert fires', () => {
    expect(alertTimelineRequest({ labels: {}, startsAt }, toInstant(startsAt + 120_000))).toEqual({ from: startsAt - ALERT_LEAD_MS, to: startsAt + 120_000 });
  });
});
