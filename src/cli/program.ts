import { Command } from 'commander';
import { packageVersion } from '../config/index.js';
import { COMMANDS } from './commands.js';

export function buildProgram(): Command {
  const program = new Command('brokerwatch')
    .description('Log ingestion and alerting for Kafka and RabbitMQ clusters')
    .version(packageVersion())
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  for (const register of COMMANDS) register(program);
  return program;
}
