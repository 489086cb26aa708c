// `brokerwatch alerts` and `brokerwatch silence` against the alert database of a service that ran
// the real broker-loss drill, and a silence from the CLI taking effect on a service still running.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { registerAlerts } from '../../src/cli/alerts.js';
import { registerSilence } from '../../src/cli/silence.js';
import { builtinRulesDir, loadRules } from '../../src/config/index.js';
import { ManualClock, systemClock } from '../../src/core/index.js';
import { ALERT_DATABASE_FILE, AlertService, notifySchema, type Silence } from '../../src/notify/index.js';
import type { Alert } from '../../src/rules/index.js';
import { runCli } from '../support/cli.js';
import { silentTelemetry } from '../support/telemetry.js';
import { bySecond, drillEvents, isrStorm } from '../notify/drill-events.js';
import { Receiver } from '../notify/receiver.js';

const services: AlertService[] = [];
const receivers: Receiver[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
  for (const r of receivers.splice(0)) await r.stop();
});

function service(dataDir: string, clock: ManualClock, url = 'http://127.0.0.1:9/'): AlertService {
  const s = new AlertService({
    rules: loadRules([builtinRulesDir()]).map((r) => r.spec),
    notify: notifySchema.parse({
      receivers: [{ type: 'webhook', name: 'hook', url, timeout_seconds: 2 }],
      routes: [{ receiver: 'hook', group_wait_seconds: 0, group_interval_seconds: 30 }],
    }),
    databasePath: join(dataDir, ALERT_DATABASE_FILE),
    clock,
    telemetry: silentTelemetry(),
    notifierDeps: { stdout: process.stdout, env: {} },
  });
  services.push(s);
  return s;
}

/**
 * A data directory whose alert database holds what the Kafka 4.1.1 (KRaft) broker-loss drill raised
 * up to 08:36:34.600, when broker 3 had been unfenced (kafka_broker_fenced resolved) but not yet
 * rejoined the ISRs (kafka_isr_shrink still firing for four partitions; it did 200 ms later).
 */
function drillDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bw-cli-alerts-'));
  const events = drillEvents('kafka/4.1.1-kraft/broker-loss').filter((e) => e['@timestamp'] < '2026-11-25T08:36:34.600Z');
  const clock = new ManualClock(Date.parse(events[0]!['@timestamp']));
  const s = service(dir, clock);
  for (const second of bySecond(events)) {
    if (second.at > clock.now()) clock.set(second.at);
    s.feed(second.events);
    s.commit();
  }
  clock.advance(60_000);
  s.commit();
  return dir;
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('brokerwatch alerts', () => {
  it('prints the alerts a drill raised as a table, newest first, and as JSON for scripts', async () => {
    const dir = drillDataDir();
    const table = await runCli(registerAlerts, ['alerts', '--data-dir', dir]);
    expect(table.code).toBe(0);
    const [header, ...rows] = lines(table.out);
    expect(header).toMatch(/^STATE +SEVERITY +STARTED +ENDED +RULE +GROUP +SUMMARY$/);
    expect(rows).toEqual([
      expect.stringMatching(/^resolved +warning +2026-11-25T08:36:05Z +2026-11-25T08:36:34Z +kafka_broker_fenced +broker.cluster=drill kafka.broker.subject=3 service=kafka +Kafka broker 3 of drill fenced /),
      expect.stringMatching(/^firing +warning +2026-11-25T08:36:01Z +- +kafka_isr_shrink +broker.cluster=drill service=kafka +ISR shrink in drill: 4 partitions /),
    ]);

    const json = (await runCli(registerAlerts, ['alerts', '--data-dir', dir, '--json', '--state', 'firing'])).out;
    const firing = lines(json).map((l) => JSON.parse(l) as Alert);
    expect(firing.map((a) => a.rule)).toEqual(['kafka_isr_shrink']);
    expect(firing[0]!.eventIds.length).toBeGreaterThan(0);
    // Broker 3 was unfenced at 08:36:34.549; after that only the ISR alert was firing.
    const since = await runCli(registerAlerts, ['alerts', '--data-dir', dir, '--json', '--since', '2026-11-25T08:36:34.600Z']);
    expect(lines(since.out).map((l) => (JSON.parse(l) as Alert).rule)).toEqual(['kafka_isr_shrink']);
  });

  it('finds the alert database through data_dir of the configuration file', async () => {
    const dir = drillDataDir();
    const file = join(mkdtempSync(join(tmpdir(), 'bw-cli-config-')), 'brokerwatch.yaml');
    writeFileSync(file, `data_dir: ${dir}\n`);
    const run = await runCli(registerAlerts, ['alerts', '--config', file, '--state', 'resolved', '--json']);
    expect(lines(run.out).map((l) => (JSON.parse(l) as Alert).rule)).toEqual(['kafka_broker_fenced']);
    writeFileSync(file, `data_dir: ${dir}\ndata_dri: x\n`);
    const bad = await runCli(registerAlerts, ['alerts', '--config', file]);
    expect([bad.code, bad.err]).toEqual([2, `${file}:2:1: data_dri: unknown field "data_dri"\n`]);
  });

  it('refuses a data directory without an alert database instead of creating one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-cli-empty-'));
    const run = await runCli(registerAlerts, ['alerts', '--data-dir', dir]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(`brokerwatch alerts: no alert database at ${join(dir, 'alerts.db')}; give the data directory of a brokerwatch that has run (--data-dir)\n`);
    expect((await runCli(registerSilence, ['silence', 'add', '--data-dir', dir, '--matcher', 'a=b', '--duration', '1h'])).code).toBe(1);
  });
});

describe('brokerwatch silence', () => {
  it('adds a silence a running service obeys at its next tick, lists it, and expires it', async () => {
    const r = new Receiver();
    receivers.push(r);
    await r.start();
    const dir = mkdtempSync(join(tmpdir(), 'bw-cli-silence-'));
    const clock = new ManualClock(systemClock.now());
    const running = service(dir, clock, r.url);

    const add = await runCli(registerSilence, [
      'silence', 'add', '--data-dir', dir, '--matcher', 'broker.cluster=drill', '--matcher', 'alertname=~"kafka_.*"',
      '--duration', '2h', '--comment', 'replacing broker 3', '--author', 'ana',
    ]);
    expect(add.code).toBe(0);
    const id = add.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(add.err).toMatch(/^silenced until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ: broker.cluster="drill", alertname=~"kafka_\.\*"\n$/);

    clock.set(systemClock.now());
    running.feed(isrStorm(100).shrinks);
    await running.tick();
    clock.advance(60_000);
    await running.tick();
    expect(r.received).toHaveLength(0);

    const list = await runCli(registerSilence, ['silence', 'list', '--data-dir', dir]);
    const [header, row] = lines(list.out);
    expect(header).toMatch(/^ID +STATE +STARTS +ENDS +AUTHOR +MATCHERS +COMMENT$/);
    expect(row).toMatch(new RegExp(`^${id} +active +\\S+ +\\S+ +ana +broker.cluster="drill",alertname=~"kafka_\\.\\*" +replacing broker 3$`));

    expect((await runCli(registerSilence, ['silence', 'expire', '--data-dir', dir, id])).code).toBe(0);
    clock.advance(60_000);
    await running.tick();
    expect(r.received).toHaveLength(1);

    expect((await runCli(registerSilence, ['silence', 'list', '--data-dir', dir])).out).toBe('no active or pending silences\n');
    const all = lines((await runCli(registerSilence, ['silence', 'list', '--data-dir', dir, '--all', '--json'])).out).map((l) => JSON.parse(l) as Silence);
    expect(all.map((s) => [s.id, s.createdBy, s.comment])).toEqual([[id, 'ana', 'replacing broker 3']]);
    const again = await runCli(registerSilence, ['silence', 'expire', '--data-dir', dir, id]);
    expect([again.code, again.err]).toEqual([1, `brokerwatch silence expire: no silence ${id} that has not ended\n`]);
  });

  it('refuses a silence that would hold back every alert, and one with neither --duration nor --until', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-cli-silence-'));
    service(dir, new ManualClock(systemClock.now()));
    const everything = await runCli(registerSilence, ['silence', 'add', '--data-dir', dir, '--matcher', 'alertname=~.*', '--duration', '1h']);
    expect([everything.code, everything.err]).toEqual([1, 'brokerwatch silence add: a silence needs at least one matcher that an absent label does not satisfy\n']);
    const open = await runCli(registerSilence, ['silence', 'add', '--data-dir', dir, '--matcher', 'a=b']);
    expect([open.code, open.err]).toEqual([1, 'brokerwatch silence add: give exactly one of --duration and --until\n']);
  });
});
