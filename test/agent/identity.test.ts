import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FINGERPRINT_MAX_BYTES, fileIdentity, readFingerprint, type Fingerprint } from '../../src/agent/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bw-identity-'));
  dirs.push(dir);
  return join(dir, 'server.log');
}

async function fingerprintOf(path: string): Promise<Fingerprint | undefined> {
  const handle = await open(path, 'r');
  try {
    return await readFingerprint(handle);
  } finally {
    await handle.close();
  }
}

describe('file identity', () => {
  it('has no fingerprint until the first line is complete, and keeps it as the file grows', async () => {
    const path = tempFile();
    writeFileSync(path, 'first line without its end');
    expect(await fingerprintOf(path)).toBeUndefined();
    appendFileSync(path, '\n');
    const first = await fingerprintOf(path);
    expect(first).toEqual({ length: 27, hash: expect.stringMatching(/^[0-9a-f]{16}$/) as string });
    appendFileSync(path, 'second line\n');
    expect(await fingerprintOf(path)).toEqual(first);
  });

  it('takes the first 1 KiB of a first line longer than that', async () => {
    const path = tempFile();
    writeFileSync(path, 'x'.repeat(FINGERPRINT_MAX_BYTES + 10));
    expect((await fingerprintOf(path))?.length).toBe(FINGERPRINT_MAX_BYTES);
  });

  it('tells a new file from an old one that had the same device and inode', () => {
    const key = { dev: '2049', ino: '12' };
    expect(fileIdentity(key, { length: 10, hash: 'aaaa' })).not.toBe(fileIdentity(key, { length: 10, hash: 'bbbb' }));
    expect(fileIdentity(key, { length: 10, hash: 'aaaa' })).toBe('2049:12:aaaa');
  });
});
