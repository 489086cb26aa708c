// issue 5: rotation under a fast writer, through the whole pipeline (`brokerwatch run`, SQLite).
// Rename rotation the way log4j's RollingFileAppender does it (server.log -> server.log.1 -> .2,
// a new server.log), and copytruncate the way logrotate does it. No line lost, none doubled.
import { copyFileSync, existsSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { registryPath } from '../../src/agent/index.js';
import { accountFor, appendLines, lineNumbers, RunProcess, setUpPipeline, storedCount, storedMessages, type PipelineSetup } from '../support/pipeline.js';
import { waitFor } from '../support/telemetry.js';

const LINES = 300_000;
const ROTATE_BYTES = 2 * 1024 * 1024;
const CHUNK = 2_000;
/** Between chunks: about 5 MB/s, a busy broker, so a 2 MB file lives for a few of the agent's polls. */
const PAUSE_MS = 40;




/** Renames server.log.N to .N+1, oldest first, as rotating appenders and logrotate do. */
function shiftRotated(log: string, rotations: number): void {
  for (let n = rotations; n >= 1; n--) renameSync(`${log}.${n}`, `${log}.${n + 1}`);
}

async function runWhileWriting(setup: PipelineSetup, rotate: (written: number) => Promise<void>): Promise<string[]> {
  const run = RunProcess.start(setup.config);
  try {
    // A polling follower cannot know a file created and rotated away between two of its polls
    // (docs/agent.md); the writer goes on once the agent follows the first file.
    await appendLines(setup.log, 0, CHUNK);
    await waitFor(() => existsSync(registryPath(setup.dataDir)) || run.child.exitCode !== null, 60_000, 'the agent following server.log');
    for (let at = CHUNK; at < LINES; at += CHUNK) {
      await appendLines(setup.log, at, at + CHUNK);
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      if (statSync(setup.log).size >= ROTATE_BYTES) await rotate(at + CHUNK);
    }
    // A wait that runs out is no failure of its own: the count below says which lines are missing.
    await waitFor(() => storedCount(setup.dataDir) >= LINES || run.child.exitCode !== null, 120_000, `all ${LINES} lines stored`).catch(() => undefined);
    expect(await run.kill('SIGTERM'), run.stderr).toBe(0);
  } finally {
    run.child.kill('SIGKILL');
  }
  return storedMessages(setup.dataDir);
}

describe('brokerwatch run under rotation', () => {
  it('loses and doubles no line when the file is renamed away every 2 MB (server.log.1, .2, ...)', async () => {
    const setup = setUpPipeline('rename');
    let rotations = 0;
    const messages = await runWhileWriting(setup, () => {
      // RollingFileAppender's order: shift the old ones up, rename the live file, create a new one.
      shiftRotated(setup.log, rotations);
      renameSync(setup.log, `${setup.log}.1`);
      writeFileSync(setup.log, '');
      rotations++;
      return Promise.resolve();
    });
    expect(rotations).toBeGreaterThan(10);
    const { missing, doubled } = accountFor(lineNumbers(messages), LINES);
    expect({ missing: missing.slice(0, 10), doubled: doubled.slice(0, 10), count: messages.length }).toEqual({ missing: [], doubled: [], count: LINES });
  }, 900_000);

  it('loses and doubles no line under copytruncate: what was not read yet is read from the copy', async () => {
    const setup = setUpPipeline('copytruncate');
    let rotations = 0;
    const messages = await runWhileWriting(setup, () => {
      // logrotate's copytruncate without its own window (no line is written between the copy and
      // the truncation here): whatever the agent had not read when the file was cut is in the copy.
      shiftRotated(setup.log, rotations);
      copyFileSync(setup.log, `${setup.log}.1`);
      truncateSync(setup.log, 0);
      rotations++;
      return Promise.resolve();
    });
    expect(rotations).toBeGreaterThan(10);
    const { missing, doubled } = accountFor(lineNumbers(messages), LINES);
    expect({ missing: missing.slice(0, 10), doubled: doubled.slice(0, 10), count: messages.length }).toEqual({ missing: [], doubled: [], count: LINES });
  }, 900_000);
});
