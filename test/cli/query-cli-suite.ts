// `search` and `timeline` against a store filled with the real drills' events, as one suite run
// on both stores: SQLite in the unit project (test/cli/query-cli.test.ts), Elasticsearch in the
// integration project (test/integration/query-cli.test.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toInstant, type BrokerEvent } from '../../src/core/index.js';
import { registerSearch } from '../../src/cli/search.js';
import { registerTail } from '../../src/cli/tail.js';
import { registerTimeline } from '../../src/cli/timeline.js';
import { loadConfig } from '../../src/config/index.js';
import { ALERT_DATABASE_FILE, AlertHistory, openAlertDatabase } from '../../src/notify/index.js';
import { assembleTimeline, type Timeline } from '../../src/query/index.js';
import { fingerprint, type Alert } from '../../src/rules/index.js';
import { drillEvents, shiftHost } from '../query/drill-events.js';
import { runCli, type CliRun } from '../support/cli.js';
import { waitFor } from '../support/telemetry.js';

/**
 * Four clusters: `kraft` and `zk` (a broker killed, on hosts kraft-kafka-N and zk-kafka-N),
 * `rabbit` (a partition healed by autoheal, hosts rN), and `skewed` (the KRaft drill again with
 * skewed-kafka-3's clock 5 s behind).
 */
export function storedDrills(): BrokerEvent[] {
  return [
    ...drillEvents('kafka/4.1.1-kraft/broker-loss', 'kraft', 'kraft-'),
    ...drillEvents('kafka/3.9.1-zk/broker-loss', 'zk', 'zk-'),
    ...drillEvents('rabbitmq/3.10.8-partition-autoheal', 'rabbit'),
    ...shiftHost(drillEvents('kafka/4.1.1-kraft/broker-loss', 'skewed', 'skewed-'), 'skewed-kafka-3', -5000),
  ];
}

/** A store with a brokerwatch configuration file that reads it. */
export interface StoreUnderTest {
  readonly configFile: string;
  /** Stores events as an ingester would: searchable when the store makes them so. */
  write(events: readonly BrokerEvent[]): Promise<void>;
  /** Makes everything written searchable now (Elasticsearch: a refresh). */
  settle(): Promise<void>;
}

const ids = (events: readonly BrokerEvent[]): string[] => events.map((e) => e['event.id']).sort();
const lines = (run: CliRun): string[] => run.out.split('\n').filter((line) => line !== '');
const jsonIds = (run: CliRun): string[] => lines(run).map((line) => (JSON.parse(line) as BrokerEvent)['event.id']).sort();
/** The stores' order: @timestamp, then event.id by code point. */
const key = (e: BrokerEvent): string => `${e['@timestamp']} ${e['event.id']}`;
const byTime = (a: BrokerEvent, b: BrokerEvent): number => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export function queryCliSuite(storeName: string, open: () => Promise<StoreUnderTest>): void {
  const events = storedDrills();
  let target: StoreUnderTest;
  // Parsing and storing every drill outlasts a test's 5 s on a busy machine.
  beforeAll(async () => {
    target = await open();
    await target.write(events);
    await target.settle();
  }, 120_000);
  const search = (...args: string[]): Promise<CliRun> => runCli(registerSearch, ['search', '--config', target.configFile, ...args]);
  const timeline = (...args: string[]): Promise<CliRun> => runCli(registerTimeline, ['timeline', '--config', target.configFile, ...args]);

  describe(`brokerwatch search (${storeName})`, () => {
    it('finds the words of a message within a cluster, oldest first, one grep-like line each', async () => {
      const run = await search('shrinking', 'isr', '--cluster', 'kraft', '--oldest');
      expect(run.code).toBe(0);
      // Two shrinks in one millisecond: the store's (time, event.id) order decides, the same in every store.
      expect(lines(run).map((l) => l.slice(0, 119))).toEqual([
        '2026-11-25T08:36:01.908Z kraft-kafka-1/1 INFO     isr_shrink [Partition drill-loss-1795595750-5 broker=1] Shrinking ISR',
        '2026-11-25T08:36:01.910Z kraft-kafka-1/1 INFO     isr_shrink [Partition drill-loss-1795595750-2 broker=1] Shrinking ISR',
        '2026-11-25T08:36:03.339Z kraft-kafka-2/2 INFO     isr_shrink [Partition drill-loss-1795595750-0 broker=2] Shrinking ISR',
        '2026-11-25T08:36:03.339Z kraft-kafka-2/2 INFO     isr_shrink [Partition drill-loss-1795595750-3 broker=2] Shrinking ISR',
      ]);
      expect(run.err).toBe('');
    });

    it('filters by action, field value, level and node, each as the stored events say', async () => {
      const zkActions = await search('--action', 'isr_shrink,leader_election', '--cluster', 'zk', '--limit', '1000', '--json');
      expect(jsonIds(zkActions)).toEqual(ids(events.filter((e) => e['broker.cluster'] === 'zk' && ['isr_shrink', 'leader_election'].includes(e['event.action'] ?? ''))));
      const removed = await search('--field', 'kafka.isr.removed=3', '--cluster', 'kraft', '--json');
      expect(jsonIds(removed)).toEqual(ids(events.filter((e) => e['broker.cluster'] === 'kraft' && e['kafka.isr.removed']?.includes(3) === true)));
      const warnings = await search('--level', 'warning', '--node', 'r2@vm', '--limit', '1000', '--json');
      const expected = events.filter((e) => e['broker.id'] === 'r2@vm' && ['warning', 'error', 'critical'].includes(e['log.level'] ?? ''));
      expect(expected.length).toBeGreaterThan(3);
      expect(jsonIds(warnings)).toEqual(ids(expected));
    });

    it('shows the newest --limit matches in time order and says more match', async () => {
      const run = await search('--cluster', 'rabbit', '--limit', '5', '--json');
      const newest = events.filter((e) => e['broker.cluster'] === 'rabbit').sort(byTime).slice(-5);
      expect(lines(run).map((l) => (JSON.parse(l) as BrokerEvent)['event.id'])).toEqual(newest.map((e) => e['event.id']));
      const human = await search('--cluster', 'rabbit', '--limit', '5');
      expect(human.err).toBe('5 events shown; more match before the first: narrow --since/--until, or raise --limit\n');
    });

    it('keeps to the --since/--until window', async () => {
      const run = await search('--cluster', 'zk', '--since', '2026-11-25T08:41:00Z', '--until', '2026-11-25T08:41:00.204Z', '--limit', '1000', '--json');
      const from = Date.parse('2026-11-25T08:41:00Z');
      const to = Date.parse('2026-11-25T08:41:00.204Z');
      const expected = events.filter((e) => e['broker.cluster'] === 'zk' && Date.parse(e['@timestamp']) >= from && Date.parse(e['@timestamp']) < to);
      expect(expected.length).toBeGreaterThan(2);
      expect(jsonIds(run)).toEqual(ids(expected));
    });

    it('prints the records around each hit from its own file with --context', async () => {
      const run = await search('Fencing', 'broker', '--cluster', 'kraft', '--context', '2');
      const shown = lines(run);
      expect(shown).toHaveLength(5);
      expect(shown[2]).toMatch(/^> 2026-11-25T08:36:05\.572Z kraft-kafka-2\/2 INFO {5}broker_fenced \[QuorumController id=2\] Fencing broker 3 at epoch 2184/);
      const file = events.find((e) => e['event.action'] === 'broker_fenced' && e['broker.cluster'] === 'kraft')!;
      const sameFile = events.filter((e) => e['host.name'] === file['host.name'] && e['log.file.path'] === file['log.file.path']).sort((a, b) => a['log.offset']! - b['log.offset']!);
      const at = sameFile.indexOf(file);
      expect(shown.map((l) => l.slice(2, 26))).toEqual(sameFile.slice(at - 2, at + 3).map((e) => e['@timestamp']));
    });

    it('exits 1 with no output when nothing matches, and 2 naming the problem for a bad filter', async () => {
      expect(await search('--cluster', 'nowhere')).toMatchObject({ code: 1, out: '', err: '' });
      const bad = await search('--action', 'isr_shrunk');
      expect(bad).toMatchObject({ code: 2, out: '', err: 'brokerwatch search: unknown action "isr_shrunk" (docs/taxonomy.md lists them)\n' });
      expect((await search('--field', 'kafka.partition=three')).err).toBe('brokerwatch search: kafka.partition is a number, not "three"\n');
    });
  });

  describe(`brokerwatch timeline (${storeName})`, () => {
    const window = ['--since', '2026-11-25T08:35:00Z', '--until', '2026-11-25T08:37:00Z'];

    it('prints the same JSON timeline the events make, the skewed clock found', async () => {
      const run = await timeline('--cluster', 'skewed', ...window, '--format', 'json');
      expect(run.code).toBe(0);
      const expected = assembleTimeline(events.filter((e) => e['broker.cluster'] === 'skewed'), {
        cluster: 'skewed',
        from: toInstant(Date.parse('2026-11-25T08:35:00Z')),
        to: toInstant(Date.parse('2026-11-25T08:37:00Z')),
      });
      expect(JSON.parse(run.out)).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(expected.skew.map((s) => [s.host, s.reference, s.atLeastMs])).toEqual([['skewed-kafka-3', 'skewed-kafka-2', 4945]]);
    });

    it('renders Markdown for a postmortem', async () => {
      const run = await timeline('--cluster', 'kraft', ...window, '--format', 'markdown');
      expect(run.out).toContain('## Incident timeline: cluster kraft, 2026-11-25 08:35:00 to 2026-11-25 08:37:00 UTC\n');
      expect(run.out).toContain('| 08:36:01.908–08:36:01.910 | kraft-kafka-1/1 | info | `isr_shrink` | ISR shrink on 2 partitions led by broker 1 (removed 3): drill-loss-1795595750 2,5 |\n');
    });

    it('exits 1 for a window without notable events and 2 without --since', async () => {
      const empty = await timeline('--cluster', 'rabbit', ...window);
      expect(empty.code).toBe(1);
      expect(empty.out).toContain('No notable events in this window.');
      expect(await timeline('--cluster', 'rabbit')).toMatchObject({ code: 2, err: 'brokerwatch timeline: --since (or --alert) is required: where the incident starts (15m, 2h, or ISO-8601)\n' });
    });

    it("builds an alert's timeline from the alert database: its cluster, 5 minutes either side", async () => {
      const labels = { alertname: 'kafka_isr_shrink', severity: 'warning', 'broker.cluster': 'kraft' };
      const startsAt = toInstant(Date.parse('2026-11-25T08:36:01.908Z'));
      const alert: Alert = {
        fingerprint: fingerprint('kafka_isr_shrink', { 'broker.cluster': 'kraft' }),
        rule: 'kafka_isr_shrink',
        state: 'resolved',
        severity: 'warning',
        labels,
        annotations: { summary: 'ISR shrink in kraft', description: '' },
        startsAt,
        endsAt: toInstant(Date.parse('2026-11-25T08:36:34.747Z')),
        eventIds: [],
        eventCount: 4,
      };
      // What `brokerwatch run` keeps beside the events: its data directory exists whatever the store.
      const dataDir = loadConfig(target.configFile).data_dir;
      mkdirSync(dataDir, { recursive: true });
      const db = openAlertDatabase(join(dataDir, ALERT_DATABASE_FILE));
      new AlertHistory(db).record([{ kind: 'resolved', alert }], alert.endsAt!);
      db.close();
      const run = await timeline('--alert', alert.fingerprint, '--format', 'json');
      expect(run.code).toBe(0);
      const built = JSON.parse(run.out) as Timeline;
      expect([built.cluster, built.from, built.to]).toEqual(['kraft', '2026-11-25T08:31:01.908Z', '2026-11-25T08:41:34.747Z']);
      expect(built.entries.filter((e) => e.action === 'isr_shrink')).toHaveLength(2);
      expect(await timeline('--alert', '0000000000000000')).toMatchObject({ code: 2, err: 'brokerwatch timeline: no alert with fingerprint 0000000000000000 (brokerwatch alerts lists them)\n' });
      expect((await timeline('--alert', alert.fingerprint, '--since', '1h')).code).toBe(2);
    });
  });

  describe(`brokerwatch tail (${storeName})`, () => {
    it('prints the latest matching events, then new ones as they are stored, until SIGINT', async () => {
      // The autoheal drill moved to the present (so that it is live), in a cluster of its own,
      // in the stores' (@timestamp, event.id) order.
      const drill = drillEvents('rabbitmq/3.10.8-partition-autoheal', 'live', 'live-').sort(byTime);
      const shift = Date.now() - Date.parse(drill.at(-1)!['@timestamp']);
      const live = drill.map((e): BrokerEvent => ({ ...e, '@timestamp': new Date(Date.parse(e['@timestamp']) + shift).toISOString() }));
      const partitions = live.filter((e) => e['event.action'] === 'network_partition');
      await target.write(partitions.slice(0, 4));
      await target.settle();

      const running = runCli(registerTail, ['tail', '--config', target.configFile, '--cluster', 'live', '--action', 'network_partition', '--lines', '2', '--interval', '50ms', '--json']);
      // runCli captures stdout; read along with it while the command runs.
      let seen = '';
      const capture = process.stdout.write.bind(process.stdout);
      process.stdout.write = (s: string) => ((seen += s), capture(s));
      const printed = (): string[] => seen.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as BrokerEvent)['event.id']);
      await waitFor(() => printed().length === 2, 30_000, 'the backlog');
      // Not settled: Elasticsearch shows them at its next refresh, the tail catches them then.
      await target.write([...live.filter((e) => e['event.action'] !== 'network_partition'), ...partitions.slice(4)]);
      await waitFor(() => printed().length === partitions.length - 2, 30_000, 'the new events');
      process.emit('SIGINT');
      const run = await running;
      expect(run.code).toBe(0);
      expect(printed()).toEqual(partitions.slice(2).map((e) => e['event.id']));
    }, 90_000);
  });
}
