import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointRegistry, CheckpointRegistryUnreadable, type Checkpoint, type FileIdentity } from '../../src/agent/index.js';
import { ManualClock, type ByteOffset } from '../../src/core/index.js';
import { Telemetry, createLogger } from '../../src/telemetry/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function fixture(): { file: string; clock: ManualClock; telemetry: Telemetry } {
  const dir = mkdtempSync(join(tmpdir(), 'bw-registry-'));
  dirs.push(dir);
  return { file: join(dir, 'registry.json'), clock: new ManualClock(1000), telemetry: new Telemetry({ logger: createLogger('silent') }) };
}

const checkpoint = (offset: number): Checkpoint => ({
  identity: '2049:12:abcd' as FileIdentity,
  path: '/var/log/kafka/server.log',
  dev: '2049',
  ino: '12',
  fingerprint: { length: 80, hash: 'abcd' },
  offset: offset as ByteOffset,
});

describe('CheckpointRegistry', () => {
  it('starts empty when no registry file exists, and says so', async () => {
    const { file, clock, telemetry } = fixture();
    const registry = await CheckpointRegistry.open(file, clock, telemetry);
    expect(registry.existed).toBe(false);
    expect(registry.entries()).toEqual([]);
  });

  it('writes the checkpoints so that a reopened registry has them, leaving no temporary file behind', async () => {
    const { file, clock, telemetry } = fixture();
    const registry = await CheckpointRegistry.open(file, clock, telemetry);
    registry.set(checkpoint(10));
    registry.set(checkpoint(20));
    await registry.flush();
    expect(registry.lastWrite).toBe(1000);
    const reopened = await CheckpointRegistry.open(file, clock, telemetry);
    expect(reopened.existed).toBe(true);
    expect(reopened.entries()).toEqual([checkpoint(20)]);
    expect(readdirSync(join(file, '..'))).toEqual(['registry.json']);
  });

  it('makes the directory of a registry file whose directory does not exist yet, so that checkpoints can be written', async () => {
    const { file, clock, telemetry } = fixture();
    const nested = join(file, '..', 'data', 'agent', 'registry.json');
    const registry = await CheckpointRegistry.open(nested, clock, telemetry);
    registry.set(checkpoint(10));
    await registry.flush();
    expect((await CheckpointRegistry.open(nested, clock, telemetry)).entries()).toEqual([checkpoint(10)]);
  });

  it('forgets a deleted checkpoint', async () => {
    const { file, clock, telemetry } = fixture();
    const registry = await CheckpointRegistry.open(file, clock, telemetry);
    registry.set(checkpoint(10));
    registry.delete(checkpoint(10).identity);
    await registry.flush();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, files: [] });
  });

  it('refuses a registry file it did not write, with a stable code', async () => {
    const { file, clock, telemetry } = fixture();
    writeFileSync(file, '{"version": 2, "files": []}');
    const failure = await CheckpointRegistry.open(file, clock, telemetry).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CheckpointRegistryUnreadable);
    expect((failure as CheckpointRegistryUnreadable).code).toBe('agent_registry_unreadable');
  });

  it('reports a failed write from flush() and writes again once it can', async () => {
    const { file, clock, telemetry } = fixture();
    const missing = join(file, '..', 'missing-dir');
    const registry = await CheckpointRegistry.open(join(missing, 'registry.json'), clock, telemetry);
    // Removed under the running agent: the next write cannot succeed until it is back.
    rmSync(missing, { recursive: true });
    registry.set(checkpoint(10));
    await expect(registry.flush()).rejects.toMatchObject({ code: 'agent_registry_write_failed', retryable: true });
    mkdirSync(missing);
    await registry.flush();
    expect((await CheckpointRegistry.open(join(missing, 'registry.json'), clock, telemetry)).entries()).toEqual([checkpoint(10)]);
  });
});
