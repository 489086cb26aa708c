import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock, type BrokerEvent } from '../../src/core/index.js';
import { registerTail } from '../../src/cli/tail.js';
import { SqliteStore } from '../../src/store/index.js';
import { drillEvents } from '../query/drill-events.js';
import { runCli } from '../support/cli.js';
import { silentTelemetry, waitFor } from '../support/telemetry.js';

const root = mkdtempSync(join(tmpdir(), 'bw-tail-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('brokerwatch tail', () => {
  it('prints the latest matching events, then new ones as they are stored, until SIGINT', async () => {
    // Events stamped now, so that they are live: the drill's records moved to the present.
    // In the stores' (@timestamp, event.id) order.
    const key = (e: BrokerEvent): string => `${e['@timestamp']} ${e['event.id']}`;
    const drill = drillEvents('rabbitmq/3.10.8-partition-autoheal').sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const shift = Date.now() - Date.parse(drill.at(-1)!['@timestamp']);
    const live = drill.map((e): BrokerEvent => ({ ...e, '@timestamp': new Date(Date.parse(e['@timestamp']) + shift).toISOString() }));
    const partitions = live.filter((e) => e['event.action'] === 'network_partition');
    const store = new SqliteStore({ dataDir: join(root, 'data'), clock: new ManualClock(0), telemetry: silentTelemetry() });
    await store.write(partitions.slice(0, 4));
    const config = join(root, 'brokerwatch.yaml');
    writeFileSync(config, 'data_dir: data\n');

    const running = runCli(registerTail, ['tail', '--config', config, '--action', 'network_partition', '--lines', '2', '--interval', '20ms', '--json']);
    // runCli captures stdout; read along with it while the command runs.
    let seen = '';
    const capture = process.stdout.write.bind(process.stdout);
    process.stdout.write = (s: string) => ((seen += s), capture(s));
    const printed = (): string[] => seen.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as BrokerEvent)['event.id']);
    await waitFor(() => printed().length === 2, 10_000, 'the backlog');
    await store.write([...live.filter((e) => e['event.action'] !== 'network_partition'), ...partitions.slice(4)]);
    await waitFor(() => printed().length === partitions.length - 2, 10_000, 'the new events');
    process.emit('SIGINT');
    const run = await running;
    expect(run.code).toBe(0);
    expect(printed()).toEqual([...partitions.slice(2, 4), ...partitions.slice(4)].map((e) => e['event.id']));
    await store.close();
  }, 30_000);
});
