import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ManualClock } from '../../src/core/index.js';
import { SqliteStore } from '../../src/store/index.js';
import { silentTelemetry } from '../support/telemetry.js';
import { queryCliSuite } from './query-cli-suite.js';

const root = mkdtempSync(join(tmpdir(), 'bw-query-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

queryCliSuite('sqlite', () => {
  const configFile = join(root, 'brokerwatch.yaml');
  // data_dir is relative to the file, as in a real installation.
  writeFileSync(configFile, 'data_dir: data\n');
  return Promise.resolve({
    configFile,
    write: async (events) => {
      const store = new SqliteStore({ dataDir: join(root, 'data'), clock: new ManualClock(Date.UTC(2026, 10, 25, 12)), telemetry: silentTelemetry() });
      await store.write(events);
      await store.close();
    },
    settle: () => Promise.resolve(),
  });
});
