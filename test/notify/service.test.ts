// The live alert loop against a real local HTTP receiver, on virtual time (ManualClock): events
// of the real drills in, Alertmanager-style webhook bodies out.
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinRulesDir, loadRules } from '../../src/config/index.js';
import { ManualClock, systemClock, toInstant, type BrokerEvent, type Clock } from '../../src/core/index.js';
import {
  AlertService,
  IDEMPOTENCY_HEADER,
  notifySchema,
  openAlertDatabase,
  SilenceStore,
  type AlertmanagerWebhookPayload,
} from '../../src/notify/index.js';
import { replay, RuleEngine } from '../../src/rules/index.js';
import { createLogger, Telemetry } from '../../src/telemetry/index.js';
import { emitted, silentTelemetry, waitFor } from '../support/telemetry.js';
import { bySecond, drillEvents, FIXTURES, isrStorm } from './drill-events.js';
import { Receiver } from './receiver.js';

/** Every drill captured from real brokers: test/fixtures/<family>/<version>/<drill> (Kafka) and rabbitmq/<version-drill>. */
const DRILLS = [
  ...['3.9.1-zk', '4.1.1-kraft'].flatMap((version) => readdirSync(join(FIXTURES, 'kafka', version)).map((drill) => `kafka/${version}/${drill}`)),
  ...readdirSync(join(FIXTURES, 'rabbitmq'))
    .filter((drill) => drill !== 'public')
    .map((drill) => `rabbitmq/${drill}`),
];
const RULES = loadRules([builtinRulesDir()]).map((r) => r.spec);
const receivers: Receiver[] = [];
const services: AlertService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  for (const r of receivers.splice(0)) await r.stop();
});

async function receiver(): Promise<Receiver> {
  const r = new Receiver();
  receivers.push(r);
  await r.start();
  return r;
}

const dbPath = (): string => join(mkdtempSync(join(tmpdir(), 'bw-alerts-')), 'alerts.db');

interface Setup {
  readonly path?: string;
  readonly clock?: Clock;
  readonly telemetry?: Telemetry;
  readonly notify?: Record<string, unknown>;
  readonly route?: Record<string, unknown>;
  /** Where a console receiver writes. */
  readonly stdout?: Writable;
}

function service(url: string, setup: Setup = {}): AlertService {
  const s = new AlertService({
    rules: RULES,
    notify: notifySchema.parse({
      receivers: [
        { type: 'webhook', name: 'hook', url, timeout_seconds: 2 },
        { type: 'console', name: 'console' },
      ],
      routes: [{ receiver: 'hook', group_wait_seconds: 10, group_interval_seconds: 30, ...setup.route }],
      retry_initial_delay_seconds: 1,
      retry_max_delay_seconds: 4,
      ...setup.notify,
    }),
    databasePath: setup.path ?? dbPath(),
    clock: setup.clock ?? new ManualClock(Date.parse('2026-11-25T08:40:00Z')),
    telemetry: setup.telemetry ?? silentTelemetry(),
    notifierDeps: { stdout: setup.stdout ?? process.stdout, env: {} },
  });
  services.push(s);
  return s;
}

const payloads = (r: Receiver): AlertmanagerWebhookPayload[] => r.received.map((x) => JSON.parse(x.body) as AlertmanagerWebhookPayload);
const ofRule = (r: Receiver, rule: string): AlertmanagerWebhookPayload[] => payloads(r).filter((p) => p.groupLabels.alertname === rule);

/** Feeds events second by second of event time, the clock following, one tick per second. */
async function play(s: AlertService, clock: ManualClock, events: readonly BrokerEvent[]): Promise<void> {
  for (const second of bySecond(events)) {
    if (second.at > clock.now()) clock.set(second.at);
    s.feed(second.events);
    await s.tick();
  }
}

/** Lets virtual time pass in steps, one tick per step. */
async function pass(s: AlertService, clock: ManualClock, seconds: number, step = 1): Promise<void> {
  for (let t = 0; t < seconds; t += step) {
    clock.advance(step * 1000);
    await s.tick();
  }
}

describe('the alert service', () => {
  it('sends the ISR alert of a whole broker-loss drill once, grouped, then resolved when the fixture recovers', async () => {
    const r = await receiver();
    const clock = new ManualClock(Date.parse('2026-11-25T08:40:00Z'));
    const s = service(r.url, { clock });
    await play(s, clock, drillEvents('kafka/3.9.1-zk/broker-loss'));
    await pass(s, clock, 60);

    const isr = ofRule(r, 'kafka_isr_shrink');
    expect(isr.map((p) => p.status)).toEqual(['firing', 'resolved']);
    expect(isr[0]!.alerts).toHaveLength(1);
    expect(isr[0]!.groupLabels).toEqual({ alertname: 'kafka_isr_shrink', 'broker.cluster': 'drill' });
    // Two partitions shrank first; group_wait gathered the other two of the topic into the same message.
    expect(isr[0]!.alerts[0]!.annotations.summary).toMatch(/^ISR shrink in drill: 4 partitions of drill-loss-\d+ under-replicated, replicas 3 dropped out$/);
    expect(isr[1]!.alerts[0]!.fingerprint).toBe(isr[0]!.alerts[0]!.fingerprint);
    expect(isr[1]!.alerts[0]!.endsAt).toBe('2026-11-25T08:41:21.179Z');
    // The broker failure alert ends when broker 3 registers again (`Registered broker 3 at path ...`).
    const failure = ofRule(r, 'kafka_broker_failure');
    expect(failure.map((p) => p.status)).toEqual(['firing', 'resolved']);
    expect(failure[1]!.alerts[0]!.endsAt).toBe('2026-11-25T08:41:18.952Z');

    const history = s.alerts({ state: 'resolved' }).filter((a) => a.rule === 'kafka_isr_shrink');
    expect(history).toHaveLength(1);
    expect(history[0]!.eventIds.length).toBeGreaterThan(0);
    // The drill ends with broker 3 back and in every ISR: nothing fires any more.
    expect(s.alerts({ state: 'resolved' }).map((a) => a.rule).sort()).toEqual(['kafka_broker_failure', 'kafka_isr_shrink']);
    expect(s.alerts({ state: 'firing' })).toEqual([]);
  });

  // Every real drill: the live loop (clock-driven ticks, state saved as it goes) and the replay
  // (event-time advance) must agree on every alert, its identity, start and end.
  it('raises the same alerts live as `rules test` replays from the same logs', async () => {
    // A drill may raise none (a node restarted within rabbitmq_node_down's pending minute): the
    // live loop must then send none either.
    let alerts = 0;
    for (const drill of DRILLS) {
      const events = drillEvents(drill);
      const replayed = replay(new RuleEngine(RULES), events)
        .filter(({ change }) => change.kind !== 'updated')
        .map(({ change: { alert } }) => [alert.rule, alert.fingerprint, alert.startsAt, alert.endsAt ?? null]);
      const clock = new ManualClock(Date.parse(events[0]!['@timestamp']));
      const s = service('http://127.0.0.1:9/', { clock });
      await play(s, clock, events);
      const live = s.alerts().map((a) => [a.rule, a.fingerprint, a.startsAt, a.endsAt ?? null]);
      const final = new Map(replayed.map((r) => [`${String(r[1])}@${String(r[2])}`, r]));
      alerts += live.length;
      expect(new Set(live.map((a) => JSON.stringify(a)))).toEqual(new Set([...final.values()].map((a) => JSON.stringify(a))));
    }
    expect(alerts).toBeGreaterThan(DRILLS.length);
  }, 60_000);

  it('turns a storm of hundreds of shrinking partitions into one notification, and one resolved', async () => {
    const r = await receiver();
    const clock = new ManualClock(Date.parse('2026-11-25T08:40:48Z'));
    const s = service(r.url, { clock });
    const storm = isrStorm(150);
    expect(storm.partitions).toBeGreaterThanOrEqual(400);
    for (let i = 0; i < storm.shrinks.length; i += 50) {
      s.feed(storm.shrinks.slice(i, i + 50));
      await s.tick();
    }
    await pass(s, clock, 10);
    expect(payloads(r)).toHaveLength(1);
    expect(payloads(r)[0]!.alerts[0]!.annotations.summary).toContain(`${storm.partitions} partitions`);

    clock.set(Date.parse(storm.recoveries[0]!['@timestamp']));
    s.feed(storm.recoveries);
    await pass(s, clock, 30);
    expect(payloads(r).map((p) => p.status)).toEqual(['firing', 'resolved']);
    expect(new Set(r.received.map((x) => x.headers[IDEMPOTENCY_HEADER])).size).toBe(2);
  });

  it('holds the storm back while a silence added by another process (the CLI) matches it', async () => {
    const r = await receiver();
    const path = dbPath();
    const clock = new ManualClock(Date.parse('2026-11-25T08:40:00Z'));
    const s = service(r.url, { clock, path });
    const cli = openAlertDatabase(path);
    const silence = new SilenceStore(cli).add(
      { matchers: [{ name: 'broker.cluster', value: 'drill', is_regex: false, is_equal: true }], endsAt: toInstant(clock.now() + 3600_000), createdBy: 'ops', comment: 'broker maintenance' },
      clock.now(),
    );
    cli.close();
    const storm = isrStorm(100);
    clock.set(Date.parse(storm.shrinks[0]!['@timestamp']));
    s.feed(storm.shrinks);
    await pass(s, clock, 60);
    expect(r.received).toHaveLength(0);
    expect(s.alerts({ state: 'firing' }).map((a) => a.rule)).toEqual(['kafka_isr_shrink']);

    expect(s.listSilences().map((x) => x.id)).toEqual([silence.id]);
    expect(s.expireSilence(silence.id)).toBe(true);
    expect(s.listSilences()).toEqual([]);
    await pass(s, clock, 30);
    expect(payloads(r).map((p) => p.status)).toEqual(['firing']);

    // Silenced from the running process (the API) while it fires: the resolved message is held back.
    const own = s.addSilence({ matchers: [{ name: 'alertname', value: 'kafka_isr_shrink', is_regex: false, is_equal: true }], endsAt: toInstant(clock.now() + 3600_000), createdBy: 'api', comment: '' });
    expect(s.listSilences(true).map((x) => x.id)).toEqual([silence.id, own.id]);
    s.feed(storm.recoveries);
    await pass(s, clock, 60);
    expect(s.alerts({ state: 'resolved' }).map((a) => a.rule)).toEqual(['kafka_isr_shrink']);
    expect(r.received).toHaveLength(1);
  });

  it('delivers each notification exactly once, in order, to a receiver that was down for a while', async () => {
    const r = await receiver();
    const clock = new ManualClock(Date.parse('2026-11-25T08:40:48Z'));
    const telemetry = silentTelemetry();
    const s = service(r.url, { clock, telemetry, route: { group_wait_seconds: 0 } });
    await r.stop();
    const storm = isrStorm(100);
    s.feed(storm.shrinks);
    await pass(s, clock, 40);
    clock.set(Date.parse(storm.recoveries[0]!['@timestamp']));
    s.feed(storm.recoveries);
    await pass(s, clock, 60);
    expect(await emitted(telemetry, 'notification_retry_scheduled')).toBeGreaterThan(3);
    expect(r.received).toHaveLength(0);

    await r.start();
    await pass(s, clock, 10);
    expect(payloads(r).map((p) => p.status)).toEqual(['firing', 'resolved']);
    await pass(s, clock, 600, 30);
    expect(payloads(r)).toHaveLength(2);
    expect(await emitted(telemetry, 'notification_delivered')).toBe(2);
  });

  it('restarted mid-incident on the same database, neither re-sends nor loses a notification and keeps the alert firing', async () => {
    const r = await receiver();
    const path = dbPath();
    const clock = new ManualClock(Date.parse('2026-11-25T08:40:48Z'));
    const storm = isrStorm(100);
    const first = service(r.url, { clock, path });
    first.feed(storm.shrinks);
    await pass(first, clock, 15);
    expect(payloads(r).map((p) => p.status)).toEqual(['firing']);
    await first.stop();

    // The agent redelivers what it had sent before the restart; then the incident ends.
    const second = service(r.url, { clock, path });
    expect(second.alerts({ state: 'firing' }).map((a) => a.rule)).toEqual(['kafka_isr_shrink']);
    second.feed(storm.shrinks);
    await pass(second, clock, 60);
    expect(r.received).toHaveLength(1);
    second.feed(storm.recoveries);
    await pass(second, clock, 60);
    expect(payloads(r).map((p) => p.status)).toEqual(['firing', 'resolved']);
    expect(payloads(r)[1]!.alerts[0]!.startsAt).toBe(payloads(r)[0]!.alerts[0]!.startsAt);
    expect(second.alerts().map((a) => [a.rule, a.state])).toEqual([['kafka_isr_shrink', 'resolved']]);
  });

  it('saves what the rules saw at most a second later, and tells the caller it may acknowledge', async () => {
    const path = dbPath();
    const clock = new ManualClock(Date.parse('2026-11-25T08:40:48Z'));
    const s = service('http://127.0.0.1:9/', { clock, path });
    const ordinary = drillEvents('kafka/3.9.1-zk/broker-loss').filter((e) => e['event.action'] === undefined);
    s.feed(ordinary.slice(0, 10));
    await s.tick();
    s.feed(ordinary.slice(10, 20));
    let saved = false;
    const persisted = s.persisted().then(() => (saved = true));
    clock.advance(500);
    await s.tick();
    expect(saved).toBe(false);
    clock.advance(500);
    await s.tick();
    await persisted;
    expect(saved).toBe(true);
    await expect(s.persisted()).resolves.toBeUndefined();

    // Another process on the same database (the state as saved) has seen all twenty.
    const logged: Array<{ event: string; count?: number }> = [];
    const log = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged.push(JSON.parse(chunk.toString()) as { event: string });
        done();
      },
    });
    const other = service('http://127.0.0.1:9/', { clock, path, telemetry: new Telemetry({ logger: createLogger('debug', log) }) });
    other.feed(ordinary.slice(0, 20));
    expect(logged.filter((l) => l.event.startsWith('rule_events_'))).toEqual([expect.objectContaining({ event: 'rule_events_duplicate', count: 20 })]);
  });

  it('counts late, duplicate and unreadable records without giving them to the rules', async () => {
    const telemetry = silentTelemetry();
    const clock = new ManualClock(Date.parse('2026-11-25T08:40:48Z'));
    const s = service('http://127.0.0.1:9/', { clock, telemetry });
    const [first, second] = isrStorm(1).shrinks;
    s.feed([first!, first!]);
    s.feed([{ ...second!, '@timestamp': '2026-11-25T08:30:00.000Z' }, { ...second!, '@timestamp': 'yesterday' }]);
    expect(await emitted(telemetry, 'rule_events_duplicate')).toBe(1);
    expect(await emitted(telemetry, 'rule_events_late')).toBe(1);
    expect(await emitted(telemetry, 'rule_events_unreadable_time')).toBe(1);
    await s.tick();
    expect(await emitted(telemetry, 'alert_fired')).toBe(1);
    expect(s.alerts()[0]!.eventCount).toBe(1);
  });

  it('queues a digest of the last 24 hours to its receiver, and forgets resolved alerts past the retention age', async () => {
    const r = await receiver();
    let printed = '';
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        printed += chunk.toString();
        done();
      },
    });
    const clock = new ManualClock(Date.parse('2026-11-25T08:40:00Z'));
    const s = service(r.url, { clock, stdout, notify: { alert_retention_days: 7, digest: { receiver: 'console' } } });
    await play(s, clock, drillEvents('kafka/3.9.1-zk/broker-loss'));
    await pass(s, clock, 1200, 60);
    expect(s.alerts({ state: 'firing' })).toEqual([]);
    const fired = s.alerts().map((a) => a.annotations.summary);
    expect(fired.length).toBeGreaterThanOrEqual(2);

    expect(s.digest()).toBe(1);
    await s.tick();
    expect(printed.split('\n')[0]).toBe(`[DIGEST 24h] ${fired.length} alerts fired: 0 still firing, ${fired.length} resolved`);
    for (const summary of fired) expect(printed).toContain(summary);
    expect(printed.split('\n').filter((line) => line.startsWith('RESOLVED ['))).toHaveLength(fired.length);

    clock.advance(2 * 24 * 3600_000);
    expect(s.digest()).toBe(0);
    expect(s.retention()).toEqual({ alerts: 0, notifications: 0 });
    clock.advance(7 * 24 * 3600_000);
    expect(s.retention()).toEqual({ alerts: fired.length, notifications: expect.any(Number) as number });
    expect(s.alerts()).toEqual([]);
  });

  it('goes on saving what the rules saw while a receiver hangs on a delivery', async () => {
    const held: ServerResponse[] = [];
    const hanging = createServer((_request, response) => void held.push(response));
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`;
      const s = service(url, {
        clock: systemClock,
        route: { group_wait_seconds: 0 },
        notify: { receivers: [{ type: 'webhook', name: 'hook', url, timeout_seconds: 60 }] },
      });
      s.start();
      const now = () => new Date(systemClock.now()).toISOString();
      const [shrink] = isrStorm(1).shrinks;
      s.feed([{ ...shrink!, '@timestamp': now() }]);
      await waitFor(() => held.length === 1, 10_000, 'the receiver to be sent the alert');
      // The delivery waits for an answer for up to a minute; the events that follow are saved now.
      const ordinary = drillEvents('kafka/3.9.1-zk/broker-loss').find((e) => e['event.action'] === undefined)!;
      s.feed([{ ...ordinary, '@timestamp': now() }]);
      await s.persisted();
      expect(held[0]!.writableEnded).toBe(false);
      held[0]!.writeHead(200).end();
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it('runs on its own timers once started: a line-time alert reaches the receiver without a tick by hand', async () => {
    const r = await receiver();
    const s = service(r.url, { clock: systemClock, route: { group_wait_seconds: 0 } });
    s.start();
    const [shrink] = isrStorm(1).shrinks;
    s.feed([{ ...shrink!, '@timestamp': new Date(systemClock.now()).toISOString() }]);
    await waitFor(() => r.received.length === 1, 10_000, 'the webhook to receive the alert');
    expect(payloads(r)[0]!.status).toBe('firing');
  });
});
