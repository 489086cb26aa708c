import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { packageRoot } from '../config/index.js';
import { COMMANDS } from './commands.js';

interface PackageJson {
  readonly version: string;
}

export function buildProgram(): Command {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as PackageJson;
  const program = new Command('brokerwatch')
    .description('Log ingestion and alerting for Kafka and RabbitMQ clusters')
    .version(pkg.version)
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  for (const register of COMMANDS) register(program);
  return program;
}
