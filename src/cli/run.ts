// `brokerwatch run`: the all-in-one process (follow, parse, store, evaluate, notify, serve);
// `brokerwatch agent` and `brokerwatch ingest`: its two halves, joined by Kafka. Each runs until
// SIGINT or SIGTERM, then shuts down in order so that nothing acknowledged is lost and nothing
// unacknowledged is checkpointed.
import type { Command } from 'commander';
import { BrokerwatchError, systemClock } from '../core/index.js';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, openAlertService, type BrokerwatchConfig } from '../config/index.js';
import type { StoredHandler } from '../ingest/index.js';
import type { AlertService } from '../notify/index.js';
import { createLogger, Telemetry } from '../telemetry/index.js';
import { addConfigOption, configFrom, DEFAULT_CONFIG_FILE, type ConfigFlags } from './config-option.js';
import { DEMO_DRILLS, demoConfig, demoLogDir, startDrillReplay } from './demo.js';
import { startPipeline, type Roles } from './pipeline.js';

interface RunFlags extends ConfigFlags {
  readonly logLevel: string;
  readonly demo?: boolean;
}

/** The demo's own data directory, emptied at each demo start. */
const DEMO_DATA_DIR = 'brokerwatch-demo';

const ROLES: Readonly<Record<'run' | 'agent' | 'ingest', Roles & { readonly description: string }>> = {
  run: { agent: true, ingest: true, description: 'Follow, parse, store and alert in one process (the embedded default)' },
  agent: { agent: true, ingest: false, description: "Follow this host's broker logs and ship their events to Kafka" },
  ingest: { agent: false, ingest: true, description: 'Take events off Kafka, store them and run the rules' },
};

export function registerRun(program: Command): void {
  for (const [name, roles] of Object.entries(ROLES)) {
    const command = addConfigOption(program.command(name).description(roles.description)).option(
      '--log-level <level>',
      'trace, debug, info, warn or error (logs go to stderr as JSON)',
      name === 'run' ? 'warn' : 'info',
    );
    if (name === 'run') {
      command.option('--demo', `replay real Kafka and RabbitMQ incident drills into log files and follow them (data in ./${DEMO_DATA_DIR}, emptied first)`);
    }
    command.action(async (flags: RunFlags) => {
        try {
          await runUntilSignal(flags, roles);
        } catch (error) {
          // A bad config is the operator's to fix (2); anything else brokerwatch knows of, 1.
          if (!(error instanceof BrokerwatchError)) throw error;
          process.stderr.write(`brokerwatch ${name}: ${error.message}\n`);
          process.exitCode = error instanceof ConfigError ? 2 : 1;
        }
      });
  }
}

async function runUntilSignal(flags: RunFlags, roles: Roles): Promise<void> {
  if (flags.demo === true && flags.config !== undefined) throw new ConfigError([{ file: flags.config, line: 1, column: 1, field: '', message: '--demo runs on its own configuration; leave out --config' }]);
  if (flags.demo === true) rmSync(resolve(DEMO_DATA_DIR), { recursive: true, force: true });
  const config = flags.demo === true ? demoConfig(resolve(DEMO_DATA_DIR)) : configFrom(flags);
  const telemetry = new Telemetry({ logger: createLogger(flags.logLevel, process.stderr) });
  const alerts = roles.ingest ? openAlertService(config, { clock: systemClock, telemetry, notifierDeps: { stdout: process.stdout, env: process.env } }) : undefined;
  alerts?.start();
  const pipeline = await startPipeline(config, roles, {
    clock: systemClock,
    telemetry,
    configFile: flags.config ?? DEFAULT_CONFIG_FILE,
    ...(alerts === undefined ? {} : { onStored: storedToAlerts(alerts, config.transport.type) }),
  });
  telemetry.emit('process_started', { roles, data_dir: config.data_dir, store: config.store.type, transport: config.transport.type });
  const stopReplay = flags.demo === true ? startDemo(config) : undefined;
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      telemetry.emit('process_stopping', { signal });
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  stopReplay?.();
  // The last stored batches still reach the rules before their state is saved.
  await pipeline.stop();
  await alerts?.stop();
}

function startDemo(config: BrokerwatchConfig): () => void {
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  out('brokerwatch demo: real incident drills captured from Kafka and RabbitMQ clusters are written again,');
  out(`at their own pace, into ${demoLogDir(config)}; brokerwatch follows those files.`);
  for (const drill of DEMO_DRILLS) out(`  - ${drill.name} (cluster ${drill.cluster})`);
  out('Alert notifications appear below as they fire and resolve. Stop with Ctrl-C.\n');
  return startDrillReplay(demoLogDir(config), systemClock, () => {
    out(`\nbrokerwatch demo: every drill line is written. Search them: brokerwatch search --data-dir ${config.data_dir} ...`);
  });
}

/**
 * In one process the rules' state is saved within a second; through Kafka the ingester waits for
 * it before the offsets are committed, so a crash hands the batch to the rules again.
 */
function storedToAlerts(alerts: AlertService, transport: 'in-process' | 'kafka'): StoredHandler {
  if (transport === 'in-process') return (events) => alerts.feed(events);
  return (events) => {
    alerts.feed(events);
    return alerts.persisted();
  };
}
