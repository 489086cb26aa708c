import { Command } from 'commander';
import type { RegisterCommand } from '../../src/cli/index.js';

export interface CliRun {
  readonly out: string;
  readonly err: string;
  readonly code: number;
}

/** Runs a subcommand in this process, as `brokerwatch ARGS...` would, and captures what it prints. */
export async function runCli(register: RegisterCommand, args: readonly string[]): Promise<CliRun> {
  const program = new Command('brokerwatch').exitOverride();
  register(program);
  let out = '';
  let err = '';
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = ((s: string) => ((out += s), true));
  process.stderr.write = ((s: string) => ((err += s), true));
  process.exitCode = 0;
  try {
    await program.parseAsync([...args], { from: 'user' });
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}
