// `brokerwatch replay FILE...`: backfills historical log files into the configured store, through
// the agent's own follower and parser (the same event ids a live agent gives the same records, so a
// replay over what was shipped live stores nothing twice). Its checkpoints live in
// <data_dir>/replay/: interrupted, it resumes where the store acknowledged. The rules are not fed:
// records from the past are history, not alerts (`rules test` replays them through the rules).
import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { Agent, FollowerMetrics, type AgentInput } from '../agent/index.js';
import { BrokerwatchError, systemClock, type BrokerEvent } from '../core/index.js';
import { ConfigError, openStore } from '../config/index.js';
import { Ingester } from '../ingest/index.js';
import { FORMAT_NAMES, type FormatName } from '../parse/index.js';
import { createLogger, Telemetry } from '../telemetry/index.js';
import { InProcessTransport } from '../transport/index.js';
import { addConfigOption, configFrom, type ConfigFlags } from './config-option.js';

interface ReplayFlags extends ConfigFlags {
  readonly service: 'kafka' | 'rabbitmq';
  readonly cluster: string;
  readonly broker: string;
  readonly host: string;
  readonly format: FormatName | 'auto';
  readonly timezone: string;
  readonly json?: boolean;
}

const MIB = 1024 * 1024;

export function registerReplay(program: Command): void {
  addConfigOption(
    program
      .command('replay')
      .description('Backfill historical broker log files into the store (resumable: run it again to continue)')
      .argument('<files...>', "log files of one broker or node (rotated ones too: server.log.2024-01-01-00, rabbit@host.log.1, ...)")
      .addOption(new Option('--service <type>', 'what wrote the files').choices(['kafka', 'rabbitmq']).makeOptionMandatory())
      .requiredOption('--cluster <name>', 'broker.cluster of the events')
      .requiredOption('--broker <id>', 'broker.id: the Kafka broker id or RabbitMQ node name')
      .option('--host <name>', 'host.name, as the live agent on that host names it: the same records then get the same ids', hostname())
      .addOption(new Option('--format <name>', 'the log format').choices(['auto', ...FORMAT_NAMES]).default('auto'))
      .option('--timezone <zone>', 'IANA zone of timestamps written without one', 'UTC')
      .option('--json', 'progress and the summary as JSON lines'),
  )
    .addHelpText('after', '\nExample:\n  brokerwatch replay -c brokerwatch.yaml --service kafka --cluster orders-prod --broker 1 /var/log/kafka/server.log.2026-11-2*')
    .action(async (files: string[], flags: ReplayFlags) => {
      try {
        await replayFiles(files.map((file) => resolve(file)), flags);
      } catch (error) {
        if (!(error instanceof BrokerwatchError)) throw error;
        process.stderr.write(`brokerwatch replay: ${error.message}\n`);
        process.exitCode = error instanceof ConfigError ? 2 : 1;
      }
    });
}

async function replayFiles(named: string[], flags: ReplayFlags): Promise<void> {
  const config = configFrom(flags);
  // An empty file has nothing to replay, and no first line to be known by.
  const files = named.filter((file) => sizeOf(file) > 0);
  const total = files.reduce((sum, file) => sum + sizeOf(file), 0);
  const telemetry = new Telemetry({ logger: createLogger('warn', process.stderr) });
  const clock = systemClock;
  const store = await openStore(config, { clock, telemetry });
  const transport = new InProcessTransport<readonly BrokerEvent[]>({ maxInFlightBytes: 32 * MIB, size: (events) => events.length * 512 });
  let stored = 0;
  new Ingester({ transport, store, registry: telemetry.registry, onStored: (events) => void (stored += events.length) }).start();
  const input: AgentInput = {
    paths: files,
    exclude: [],
    start_position: 'beginning',
    max_line_bytes: MIB,
    poll_interval_seconds: 0.25,
    max_in_flight_bytes: 16 * MIB,
    format: flags.format,
    service_type: flags.service,
    cluster: flags.cluster,
    broker_id: flags.broker,
    time_zone: flags.timezone,
    multiline: { max_lines: 500, max_bytes: 10 * MIB, flush_timeout_seconds: 0.25 },
  };
  const metrics = new FollowerMetrics(telemetry.registry, clock);
  const agent = await Agent.start({ host: flags.host, dataDir: join(config.data_dir, 'replay'), inputs: [input] }, { transport, clock, telemetry, metrics });
  const started = clock.now();
  const report = (behind: number, done: boolean): void => {
    const seconds = (clock.now() - started) / 1000;
    const progress = { done_bytes: total - behind, total_bytes: total, events: stored, events_per_second: Math.round(stored / Math.max(seconds, 0.001)) };
    if (flags.json === true) process.stdout.write(`${JSON.stringify({ ...progress, finished: done })}\n`);
    else process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}${progressLine(progress)}${done || !process.stderr.isTTY ? '\n' : ''}`);
  };
  let last = 0;
  for (;;) {
    if (files.length === 0) break;
    await new Promise((r) => setTimeout(r, 250));
    const behind = await bytesBehind(telemetry, files.length);
    if (behind === 0) break;
    if (process.stderr.isTTY || clock.now() - last >= 5000) {
      report(behind ?? total, false);
      last = clock.now();
    }
  }
  await agent.stop();
  await transport.close();
  await store.close();
  report(0, true);
}

/** Bytes not yet stored over every file; undefined until the follower has opened all of them. */
async function bytesBehind(telemetry: Telemetry, files: number): Promise<number | undefined> {
  const metric = await telemetry.registry.getSingleMetric('brokerwatch_agent_file_bytes_behind')?.get();
  const values = metric?.values ?? [];
  if (values.length < files) return undefined;
  return values.reduce((sum, value) => sum + value.value, 0);
}

function progressLine(p: { done_bytes: number; total_bytes: number; events: number; events_per_second: number }): string {
  const share = p.total_bytes === 0 ? 1 : p.done_bytes / p.total_bytes;
  const width = 30;
  const bar = '#'.repeat(Math.round(share * width)).padEnd(width, '.');
  return `[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${(p.done_bytes / MIB).toFixed(1)} of ${(p.total_bytes / MIB).toFixed(1)} MB  ${p.events} events  ${p.events_per_second}/s`;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch (error) {
    throw new ConfigError([{ file, line: 1, column: 1, field: '', message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
}
