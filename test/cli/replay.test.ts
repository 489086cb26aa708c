import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerReplay } from '../../src/cli/replay.js';
import { runCli } from '../support/cli.js';
import { storedMessages } from '../support/pipeline.js';
import { parseFixture } from '../support/parse.js';

const FIXTURE = 'kafka/3.9.1-zk/broker-loss/broker-1/server.log';

describe('brokerwatch replay', () => {
  it('backfills a file into the store, and a second run stores nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-replay-'));
    const file = join(dir, 'server.log');
    copyFileSync(join(import.meta.dirname, '..', 'fixtures', FIXTURE), file);
    writeFileSync(join(dir, 'empty.log'), '');
    const config = join(dir, 'brokerwatch.yaml');
    writeFileSync(config, 'data_dir: data\n');
    const args = ['replay', '-c', config, '--service', 'kafka', '--cluster', 'c1', '--broker', '1', '--host', 'h1', '--json', file, join(dir, 'empty.log')];

    const first = await runCli(registerReplay, args);
    expect(first.code, first.err).toBe(0);
    const records = parseFixture(FIXTURE).length;
    const last = JSON.parse(first.out.trim().split('\n').at(-1)!) as { finished: boolean; events: number; done_bytes: number; total_bytes: number };
    expect(last).toMatchObject({ finished: true, events: records });
    expect(last.done_bytes).toBe(last.total_bytes);
    expect(storedMessages(join(dir, 'data'))).toHaveLength(records);

    // Resumed from its checkpoint at the end: nothing read again.
    const second = await runCli(registerReplay, args);
    expect(second.code, second.err).toBe(0);
    expect(JSON.parse(second.out.trim().split('\n').at(-1)!)).toMatchObject({ finished: true, events: 0 });
    expect(storedMessages(join(dir, 'data'))).toHaveLength(records);
  });
});
