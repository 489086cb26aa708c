// `--config FILE`, shared by every command that runs a stage or reads what was stored. Without the
// flag, ./brokerwatch.yaml is used when there is one, else the embedded defaults (SQLite and the
// in-process transport, data under ./brokerwatch-data): a first run needs no file at all.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { defaultConfig, loadConfig, type BrokerwatchConfig } from '../config/index.js';

export const DEFAULT_CONFIG_FILE = 'brokerwatch.yaml';

export interface ConfigFlags {
  readonly config?: string;
}

export function addConfigOption(command: Command): Command {
  return command.option('-c, --config <file>', `the configuration file (default: ./${DEFAULT_CONFIG_FILE} if present, else the embedded defaults)`);
}

/** @throws ConfigError naming the file, line and field of every problem. */
export function configFrom(flags: ConfigFlags): BrokerwatchConfig {
  if (flags.config !== undefined) return loadConfig(flags.config);
  if (existsSync(DEFAULT_CONFIG_FILE)) return loadConfig(DEFAULT_CONFIG_FILE);
  return defaultConfig('brokerwatch-data');
}
