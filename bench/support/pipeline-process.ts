// One brokerwatch process of the ingest benchmark, as `brokerwatch run|agent|ingest` assembles it
// (src/cli/pipeline.ts), from a config the benchmark wrote as JSON:
//   node --import tsx bench/support/pipeline-process.ts CONFIG.json run|agent|ingest
// Prints `ready` once the pipeline started; stops in order on SIGTERM, as the CLI does.
import { readFileSync } from 'node:fs';
import { startPipeline, type Roles } from '../../src/cli/pipeline.js';
import { brokerwatchConfigSchema } from '../../src/config/index.js';
import { systemClock } from '../../src/core/index.js';
import { Telemetry, createLogger } from '../../src/telemetry/index.js';

const ROLES: Readonly<Record<string, Roles>> = {
  run: { agent: true, ingest: true },
  agent: { agent: true, ingest: false },
  ingest: { agent: false, ingest: true },
};

const [configFile, roleName] = process.argv.slice(2);
const roles = ROLES[roleName ?? ''];
if (configFile === undefined || roles === undefined) throw new Error('usage: pipeline-process.ts CONFIG.json run|agent|ingest');
const config = brokerwatchConfigSchema.parse(JSON.parse(readFileSync(configFile, 'utf8')));
const telemetry = new Telemetry({ logger: createLogger('warn', process.stderr) });
const pipeline = await startPipeline(config, roles, { clock: systemClock, telemetry, configFile });
process.stdout.write('ready\n');
await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
await pipeline.stop();
