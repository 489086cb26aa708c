// `brokerwatch run`: the all-in-one process (follow, parse, store, evaluate, notify, serve);
// `brokerwatch agent` and `brokerwatch ingest`: its two halves, joined by Kafka. Each runs until
// SIGINT or SIGTERM, then shuts down in order so that nothing acknowledged is lost and nothing
// unacknowledged is checkpointed.
import type { Command } from 'commander';
import { systemClock } from '../core/index.js';
import { ConfigError, openAlertService } from '../config/index.js';
import type { StoredHandler } from '../ingest/index.js';
import type { AlertService } from '../notify/index.js';
import { createLogger, Telemetry } from '../telemetry/index.js';
import { addConfigOption, configFrom, DEFAULT_CONFIG_FILE, type ConfigFlags } from './config-option.js';
import { startPipeline, type Roles } from './pipeline.js';

interface RunFlags extends ConfigFlags {
  readonly logLevel: string;
}

const ROLES: Readonly<Record<'run' | 'agent' | 'ingest', Roles & { readonly description: string }>> = {
  run: { agent: true, ingest: true, description: 'Follow, parse, store and alert in one process (the embedded default)' },
  agent: { agent: true, ingest: false, description: "Follow this host's broker logs and ship their events to Kafka" },
  ingest: { agent: false, ingest: true, description: 'Take events off Kafka, store them and run the rules' },
};

export function registerRun(program: Command): void {
  for (const [name, roles] of Object.entries(ROLES)) {
    addConfigOption(program.command(name).description(roles.description))
      .option('--log-level <level>', 'trace, debug, info, warn or error (logs go to stderr as JSON)', 'info')
      .action(async (flags: RunFlags) => {
        try {
          await runUntilSignal(flags, roles);
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          process.stderr.write(`${error.message}\n`);
          process.exitCode = 2;
        }
      });
  }
}

async function runUntilSignal(flags: RunFlags, roles: Roles): Promise<void> {
  const config = configFrom(flags);
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
  // The last stored batches still reach the rules before their state is saved.
  await pipeline.stop();
  await alerts?.stop();
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
