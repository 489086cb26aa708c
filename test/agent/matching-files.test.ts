import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchingFiles } from '../../src/agent/matching-files.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bw-matching-'));
  for (const dir of ['kafka', 'rabbitmq', 'kafka/old', 'server.log.d']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['kafka/server.log', 'kafka/server.log.1', 'kafka/controller.log', 'kafka/old/server.log', 'rabbitmq/rabbit@a.log']) {
    writeFileSync(join(root, file), 'x\n');
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('matchingFiles', () => {
  it('takes a path without glob characters as it is, when it names a regular file', async () => {
    expect(await matchingFiles([join(root, 'kafka/server.log')])).toEqual([join(root, 'kafka/server.log')]);
    expect(await matchingFiles([join(root, 'kafka/missing.log')])).toEqual([]);
    expect(await matchingFiles([join(root, 'server.log.d')])).toEqual([]);
  });

  it('crawls a glob from its base: wildcards, braces and ** as the glob says', async () => {
    expect(await matchingFiles([join(root, 'kafka/server.log*')])).toEqual([join(root, 'kafka/server.log'), join(root, 'kafka/server.log.1')]);
    expect(await matchingFiles([join(root, '{kafka,rabbitmq}/*.log')])).toEqual(
      ['kafka/controller.log', 'kafka/server.log', 'rabbitmq/rabbit@a.log'].map((file) => join(root, file)),
    );
    expect(await matchingFiles([join(root, '**/server.log')])).toEqual([join(root, 'kafka/old/server.log'), join(root, 'kafka/server.log')]);
    expect(await matchingFiles([join(root, 'absent/*.log')])).toEqual([]);
  });

  it('lists a file matched by several patterns once, all of them sorted', async () => {
    const files = await matchingFiles([join(root, 'rabbitmq/*.log'), join(root, 'kafka/server.log'), join(root, 'kafka/*.log')]);
    expect(files).toEqual(['kafka/controller.log', 'kafka/server.log', 'rabbitmq/rabbit@a.log'].map((file) => join(root, file)));
  });
});
