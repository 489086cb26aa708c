// `brokerwatch config check [--config FILE] [--connect]`: reads the configuration and every rule
// file it names exactly as `run` would, prints what it found, and with --connect also asks the
// store whether it is reachable, authorised and prepared, and the Kafka transport (when it is the
// transport) whether its brokers answer and its topic is there. Exit status 0 when all is well, 1 when
// anything is wrong (each problem as file:line:column: field: message).
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { systemClock } from '../core/index.js';
import { builtinRulesDir, ConfigError, loadRules, NothingStoredError, openStore, openTransport, type BrokerwatchConfig } from '../config/index.js';
import { sqliteDatabasePath, StoreError } from '../store/index.js';
import { createLogger, Telemetry } from '../telemetry/index.js';
import { KafkaAuthenticationFailed, KafkaTopicUnavailable, KafkaUnreachable } from '../transport/index.js';
import { addConfigOption, configFrom, DEFAULT_CONFIG_FILE, type ConfigFlags } from './config-option.js';

interface CheckFlags extends ConfigFlags {
  readonly connect?: boolean;
}

export function registerConfigCheck(program: Command): void {
  const config = program.command('config').description('Check configuration files');
  addConfigOption(config.command('check').description('Validate the configuration and its rule files; with --connect, reach the store too'))
    .option('--connect', 'also connect to the store (reachable, credentials, version, index template) and, with transport.type kafka, to the brokers (reachable, credentials, topic created when missing)')
    .addHelpText(
      'after',
      `
Without --config, ./${DEFAULT_CONFIG_FILE} is checked when there is one, else the embedded defaults.

Examples:
  brokerwatch config check --config /etc/brokerwatch/brokerwatch.yaml
  brokerwatch config check --config /etc/brokerwatch/brokerwatch.yaml --connect`,
    )
    .action(async (flags: CheckFlags) => {
      const out: string[] = [];
      let ok = true;
      try {
        const config = configFrom(flags);
        out.push(`config: ${flags.config ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : 'embedded defaults')}`, ...describeConfig(config));
        const dirs = [...(config.rules.builtin ? [builtinRulesDir()] : []), ...config.rules.directories];
        const rules = loadRules(dirs);
        out.push(`rules: ${rules.length} in ${new Set(rules.map((r) => r.file)).size} files (${config.rules.builtin ? 'built-in' : 'no built-in'}${config.rules.directories.map((d) => `, ${d}`).join('')})`);
        if (flags.connect === true) {
          const checked = await checkConnections(config, flags.config ?? DEFAULT_CONFIG_FILE);
          out.push(...checked.lines);
          ok = checked.ok;
        }
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        process.stdout.write(out.map((line) => `${line}\n`).join(''));
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      out.push(ok ? 'ok' : 'problems found');
      process.stdout.write(out.map((line) => `${line}\n`).join(''));
      process.exitCode = ok ? 0 : 1;
    });
}

function describeConfig(config: BrokerwatchConfig): string[] {
  const store = config.store;
  const transport = config.transport;
  const inputs = config.inputs ?? [];
  return [
    `data_dir: ${config.data_dir}`,
    `host_name: ${config.host_name}`,
    `inputs: ${inputs.length === 0 ? 'none (this process follows no files)' : inputs.length}`,
    ...inputs.map((input) => `  ${input.service_type} cluster ${input.cluster} broker ${input.broker_id}: ${input.paths.join(', ')} (format ${input.format}, time zone ${input.time_zone})`),
    `transport: ${transport.type}${transport.kafka === undefined ? '' : ` (brokers ${transport.kafka.brokers.join(',')}, topic ${transport.kafka.topic})`}`,
    `store: ${store.type === 'sqlite' ? `sqlite (${sqliteDatabasePath(config.data_dir)})` : `elasticsearch (${store.elasticsearch!.node}${store.elasticsearch!.username === undefined ? '' : `, user ${store.elasticsearch!.username}`}${store.elasticsearch!.api_key === undefined ? '' : ', API key'})`}`,
    `notify: ${config.notify.receivers.map((r) => `${r.name} (${r.type})`).join(', ')}`,
    `api: ${config.api.listen}${config.api.token === undefined ? ', no token' : `, token required for ${config.api.auth_reads ? 'every request' : 'changes'}`}`,
  ];
}

async function checkConnections(config: BrokerwatchConfig, configFile: string): Promise<{ lines: string[]; ok: boolean }> {
  const lines: string[] = [];
  let ok = true;
  const telemetry = new Telemetry({ logger: createLogger('warn', process.stderr) });
  try {
    const store = await openStore(config, { clock: systemClock, telemetry, readOnly: true });
    try {
      await store.check();
      lines.push(`store check: ok (${store.kind})`);
    } finally {
      await store.close();
    }
  } catch (error) {
    if (error instanceof NothingStoredError) {
      lines.push(`store check: ok (sqlite; nothing stored yet, the first run creates ${sqliteDatabasePath(config.data_dir)})`);
    } else if (error instanceof StoreError) {
      lines.push(`store check: FAILED (${error.code}): ${error.message}`);
      ok = false;
    } else {
      throw error;
    }
  }
  if (config.transport.type === 'kafka') {
    const kafka = config.transport.kafka!;
    // As `run` does at start: reach a broker, create the topic when it is missing, see it on every broker.
    const transport = openTransport(config, true, configFile, { clock: systemClock, telemetry });
    try {
      await transport.check();
      lines.push(`transport check: ok (kafka ${kafka.brokers.join(',')}, topic ${kafka.topic})`);
    } catch (error) {
      if (!(error instanceof KafkaUnreachable || error instanceof KafkaAuthenticationFailed || error instanceof KafkaTopicUnavailable)) throw error;
      lines.push(`transport check: FAILED (${error.code}): ${error.message}`);
      ok = false;
    } finally {
      await transport.close();
    }
  }
  return { lines, ok };
}
