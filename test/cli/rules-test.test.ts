// `brokerwatch rules test` over the real drills' logs: the alerts a live run would have raised.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerRules } from '../../src/cli/rules.js';
import { runCli } from '../support/cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Every log file of one drill, all brokers. */
function drillLogs(folder: string): string[] {
  const root = join(FIXTURES, folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.log'))
    .map((file) => join(root, file));
}

interface ChangeLine {
  readonly kind: string;
  readonly alert: { readonly rule: string; readonly labels: Record<string, string>; readonly annotations: { summary: string }; readonly endsAt?: number };
}

async function alertChanges(folder: string, ...flags: string[]): Promise<ChangeLine[]> {
  return changesOf([...flags, ...drillLogs(folder)]);
}

/** `rules test --json` over these flags and files, as parsed alert changes. */
async function changesOf(args: readonly string[]): Promise<ChangeLine[]> {
  const run = await runCli(registerRules, ['rules', 'test', '--json', '--cluster', 'drill', '--timezone', 'UTC', ...args]);
  expect(run.code).toBe(0);
  return run.out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ChangeLine);
}

const kinds = (changes: readonly ChangeLine[], rule: string): string[] =>
  changes.filter((c) => c.alert.rule === rule).map((c) => c.kind).filter((kind) => kind !== 'updated');

describe('brokerwatch rules test', () => {
  it('raises an ISR-shrink alert when a broker of a ZooKeeper-mode cluster is killed, and resolves it once it is back', async () => {
    const changes = await alertChanges('kafka/3.9.1-zk/broker-loss');
    expect(kinds(changes, 'kafka_isr_shrink')).toEqual(['fired', 'resolved']);
    expect(changes.find((c) => c.alert.rule === 'kafka_isr_shrink')!.alert.labels['broker.cluster']).toBe('drill');
    // The broker failure alert too: it ends when broker 3 registers again.
    expect(kinds(changes, 'kafka_broker_failure')).toEqual(['fired', 'resolved']);
  });

  it('ends the KRaft ISR-shrink alert once broker 3 is back in every ISR, which only the leaders\' state-change.log shows for some partitions', async () => {
    // `ISR updated to 1,2,3` for partitions 4 and 5; for 0, 2 and 3 only `Skipped the become-leader
    // state change ... ISR [...]`, the metadata having reached the leader first.
    const shrinks = (await alertChanges('kafka/4.1.1-kraft/broker-loss')).filter((c) => c.alert.rule === 'kafka_isr_shrink');
    expect(shrinks.map((c) => c.kind).filter((kind) => kind !== 'updated')).toEqual(['fired', 'resolved']);
    expect(shrinks.at(-1)!.alert.endsAt).toBe(Date.parse('2026-11-25T08:36:34.749Z'));
    expect(shrinks.at(-1)!.alert.annotations.summary).toMatch(/: 4 partitions of drill-loss-\d+ under-replicated, replicas 3 dropped out$/);
  });

  it('labels the ZooKeeper session alert with the broker whose file says it, given BROKER=FILE', async () => {
    // Broker 3's session expired; without broker ids every broker's reconnection would share its alert.
    const root = join(FIXTURES, 'kafka/3.9.1-zk/session-expiry');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.log'))
      .map((file) => `${/^broker-(\d+)\//.exec(file)![1]}=${join(root, file)}`);
    const sessions = (await changesOf(files)).filter((c) => c.alert.rule === 'kafka_zk_session_expired');
    expect(sessions.map((c) => [c.kind, c.alert.labels['broker.id']])).toEqual([
      ['fired', '3'],
      ['resolved', '3'],
    ]);
  });

  it('sees only the records inside --since/--until', async () => {
    expect(await alertChanges('kafka/3.9.1-zk/broker-loss', '--until', '2020-01-01T00:00:00Z')).toEqual([]);
  });

  it('raises a memory alarm and a disk alarm and resolves both on a RabbitMQ node', async () => {
    const changes = await alertChanges('rabbitmq/3.10.8-alarms');
    const rules = new Set(changes.map((c) => c.alert.rule));
    for (const rule of rules) expect(kinds(changes, rule)).toEqual(['fired', 'resolved']);
    expect([...rules].sort()).toEqual(expect.arrayContaining([expect.stringMatching(/memory/), expect.stringMatching(/disk/)]));
  });

  it('exits 2 on an unknown time zone', async () => {
    const run = await runCli(registerRules, ['rules', 'test', '--timezone', 'Mars/Olympus', ...drillLogs('rabbitmq/3.10.8-alarms')]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Mars\/Olympus/);
  });
});
