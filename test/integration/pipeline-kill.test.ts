// issue 5: kill -9 the agent at random points while a writer appends a million lines; restart;
// the store holds every line exactly once. `brokerwatch run` on the embedded default (SQLite,
// in-process transport) in a child process; BW_KILL_TEST_LINES overrides the count.
import { describe, expect, it } from 'vitest';
import { accountFor, appendLines, lineNumbers, RunProcess, setUpPipeline, storedCount, storedMessages } from '../support/pipeline.js';
import { waitFor } from '../support/telemetry.js';

const LINES = Number(process.env.BW_KILL_TEST_LINES ?? 1_000_000);
const KILLS = 6;



describe('brokerwatch run killed with SIGKILL', () => {
  it(`stores each of ${LINES} lines exactly once across ${KILLS} kills and restarts`, async () => {
    const { log, dataDir, config } = setUpPipeline('kill-test');

    // The writer runs through the kills, at a pace that spreads them over the whole file.
    const writing = (async () => {
      for (let at = 0; at < LINES; at += 50_000) {
        await appendLines(log, at, Math.min(LINES, at + 50_000));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();

    let run = RunProcess.start(config);
    let peak: number;
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        // A kill at a random point of progress: after some more events were stored.
        const target = storedCount(dataDir) + 1 + Math.floor(Math.random() * (LINES / (KILLS * 2)));
        await waitFor(() => storedCount(dataDir) >= Math.min(target, LINES - 1) || run.child.exitCode !== null, 600_000, `stored count ${target}`);
        expect(run.child.exitCode, run.stderr).toBeNull();
        await run.kill('SIGKILL');
        run = RunProcess.start(config);
      }
      await writing;
      await waitFor(() => storedCount(dataDir) >= LINES || run.child.exitCode !== null, 600_000, `all ${LINES} lines stored`);
      peak = await run.peakRss();
      expect(await run.kill('SIGTERM'), run.stderr).toBe(0);
    } finally {
      // A failed assertion leaves no brokerwatch running behind the suite.
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
    }

    const messages = storedMessages(dataDir);
    const { missing, doubled } = accountFor(lineNumbers(messages), LINES);
    expect({ missing: missing.slice(0, 10), doubled: doubled.slice(0, 10) }).toEqual({ missing: [], doubled: [] });
    expect(messages).toHaveLength(LINES);
    // The in-flight bound (32 MiB by default) keeps the process far below the file's size.
    expect(peak).toBeLessThan(600 * 1024 * 1024);
  }, 1_200_000);
});
