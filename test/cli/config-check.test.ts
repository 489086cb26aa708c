import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/index.js';
import { registerConfigCheck } from '../../src/cli/config-check.js';
import { registerSearch } from '../../src/cli/search.js';
import { builtinRulesDir, ruleFilesIn } from '../../src/config/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { runCli } from '../support/cli.js';
import { silentTelemetry } from '../support/telemetry.js';

const root = mkdtempSync(join(tmpdir(), 'bw-config-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function configFile(text: string): string {
  const dir = join(root, String((n += 1)));
  mkdirSync(dir);
  writeFileSync(join(dir, 'brokerwatch.yaml'), text);
  return join(dir, 'brokerwatch.yaml');
}

/** A team's own rule: the built-in disk-alarm rule under another name. */
const teamRule = (): string => readFileSync(join(builtinRulesDir(), 'rabbitmq-disk-alarm.yaml'), 'utf8').replace(/name: \S+/u, 'name: team_disk_alarm');

describe('brokerwatch config check', () => {
  it('prints what the configuration holds and counts the rules of every directory', async () => {
    const file = configFile(`data_dir: state
host_name: kafka-1
inputs:
  - paths: [/var/log/kafka/server.log]
    service_type: kafka
    cluster: prod-a
    broker_id: 1
rules:
  directories: [team-rules]
`);
    const dir = join(file, '..');
    mkdirSync(join(dir, 'team-rules'));
    writeFileSync(join(dir, 'team-rules', 'disk.yaml'), teamRule());
    const run = await runCli(registerConfigCheck, ['config', 'check', '--config', file]);
    const builtin = ruleFilesIn(builtinRulesDir()).length;
    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out.split('\n')).toEqual(
      expect.arrayContaining([
        `config: ${file}`,
        `data_dir: ${join(dir, 'state')}`,
        'inputs: 1',
        '  kafka cluster prod-a broker 1: /var/log/kafka/server.log (format auto, time zone UTC)',
        'transport: in-process',
        `store: sqlite (${join(dir, 'state', 'events.db')})`,
        expect.stringMatching(new RegExp(`^rules: \\d+ in ${builtin + 1} files \\(built-in, ${join(dir, 'team-rules').replace(/[/.]/g, '\\$&')}\\)$`)),
        'ok',
      ]),
    );
  });

  it('reports a bad key and a missing rule directory by file, line and field, with exit 1', async () => {
    const badFile = configFile('data_dir: x\nstore:\n  type: sqlite\n  sqlite:\n    max_age: 3\n');
    const bad = await runCli(registerConfigCheck, ['config', 'check', '--config', badFile]);
    expect(bad).toMatchObject({ code: 1, out: '', err: `${badFile}:5:5: store.sqlite.max_age: unknown field "max_age"\n` });
    const file = configFile('rules:\n  directories: [missing]\n');
    const missing = await runCli(registerConfigCheck, ['config', 'check', '--config', file]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`${join(file, '..', 'missing')}:1:1: is not a directory\n`);
  });

  it('with --connect, checks the store: a fresh data directory is fine, an unreachable Elasticsearch is not', async () => {
    const fresh = await runCli(registerConfigCheck, ['config', 'check', '--connect', '--config', configFile('data_dir: state\n')]);
    expect(fresh.code).toBe(0);
    expect(fresh.out).toContain(`store check: ok (sqlite; nothing stored yet, the first run creates ${join(root, String(n), 'state', 'events.db')})\n`);
    const file = configFile('data_dir: state\n');
    const store = new SqliteStore({ dataDir: join(file, '..', 'state'), clock: new ManualClock(0), telemetry: silentTelemetry() });
    await store.close();
    expect((await runCli(registerConfigCheck, ['config', 'check', '--connect', '--config', file])).out).toContain('store check: ok (sqlite)\n');
    // Port 9 (discard) on loopback: nothing listens there.
    const away = await runCli(registerConfigCheck, ['config', 'check', '--connect', '--config', configFile('store:\n  type: elasticsearch\n  elasticsearch:\n    node: http://127.0.0.1:9\n    request_timeout_seconds: 2\n')]);
    expect(away.code).toBe(1);
    expect(away.out).toMatch(/\nstore check: FAILED \(store_unreachable\): .*\nproblems found\n$/);
  });
});

describe('brokerwatch config check --connect with the Kafka transport', () => {
  it('says the brokers cannot be reached, with exit 1', async () => {
    const file = configFile('data_dir: state\ntransport:\n  type: kafka\n  kafka:\n    brokers: ["127.0.0.1:9"]\n');
    const run = await runCli(registerConfigCheck, ['config', 'check', '--connect', '--config', file]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('transport: kafka (brokers 127.0.0.1:9, topic brokerwatch-events)\n');
    expect(run.out).toMatch(/\ntransport check: FAILED \(transport_kafka_unreachable\): .*\nproblems found\n$/);
  }, 60_000);
});

describe('reading commands', () => {
  it('refuse a data directory where nothing was stored, instead of creating one', async () => {
    const file = configFile('data_dir: nothing-here\n');
    const run = await runCli(registerSearch, ['search', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`brokerwatch search: no events stored in ${join(file, '..', 'nothing-here')} (no ${join(file, '..', 'nothing-here', 'events.db')}): point --config at the configuration brokerwatch runs with\n`);
  });
});
