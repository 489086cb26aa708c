// The project's engine and drill scripts, run from a test without blocking its process: webhook
// receivers in the test keep answering, the pipes of child processes keep draining, and vitest's
// worker keeps talking to its parent while an engine takes a minute to stop or start.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const SCRIPTS = join(import.meta.dirname, '..', '..', 'scripts');

/** Runs `scripts/<script>` with bash; rejects with its output when it fails or runs past 5 minutes. */
export async function runScript(script: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  await promisify(execFile)('bash', [join(SCRIPTS, script), ...args], { env, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
}
