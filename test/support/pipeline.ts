// The whole pipeline as an admin runs it: `brokerwatch run` in a child process of its own (so it
// can be killed with SIGKILL), following files a writer appends to. Lines are numbered so that a
// test can tell exactly which arrived, which are missing and which came twice.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import Database from 'better-sqlite3';
import { registryPath } from '../../src/agent/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** One numbered line in Kafka's default layout; 2026-11-25 00:00 UTC plus `n` milliseconds. */
export function numberedLine(n: number): string {
  const time = new Date(Date.UTC(2026, 10, 25) + n).toISOString();
  const stamp = `${time.slice(0, 10)} ${time.slice(11, 19)},${time.slice(20, 23)}`;
  return `[${stamp}] INFO [PipelineTest] line ${String(n).padStart(8, '0')} written by the test writer (brokerwatch.test.Writer)\n`;
}

/** The numbers of the numbered lines among `messages`. */
export function lineNumbers(messages: readonly string[]): number[] {
  return messages.flatMap((message) => {
    const match = /line (\d{8}) written by the test writer/.exec(message);
    return match === null ? [] : [Number(match[1])];
  });
}

/** Which of 0..count-1 are missing from `numbers`, and which occur more than once. */
export function accountFor(numbers: readonly number[], count: number): { missing: number[]; doubled: number[] } {
  const seen = new Uint8Array(count);
  const doubled: number[] = [];
  for (const n of numbers) {
    if (n < count && seen[n]! > 0) doubled.push(n);
    else if (n < count) seen[n] = 1;
  }
  const missing: number[] = [];
  for (let n = 0; n < count; n++) if (seen[n] === 0) missing.push(n);
  return { missing, doubled };
}

/** Appends lines from..to-1 to `file` in chunks of `chunk` lines. */
export async function appendLines(file: string, from: number, to: number, chunk = 1000): Promise<void> {
  for (let at = from; at < to; at += chunk) {
    let text = '';
    for (let n = at; n < Math.min(to, at + chunk); n++) text += numberedLine(n);
    await appendFile(file, text);
  }
}

/** A running `brokerwatch run` child; its stderr is kept for the failure message. */
export class RunProcess {
  readonly child: ChildProcess;
  #stderr = '';
  readonly exited: Promise<number | null>;

  private constructor(child: ChildProcess) {
    this.child = child;
    child.stderr!.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-20_000);
    });
    this.exited = once(child, 'exit').then(([code]) => code as number | null);
  }

  /** Starts `brokerwatch <command> --config <configFile>` from the sources (no build needed). */
  static start(configFile: string, command = 'run', logLevel = 'warn'): RunProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), command, '--config', configFile, '--log-level', logLevel], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return new RunProcess(child);
  }

  get stderr(): string {
    return this.#stderr;
  }

  /** Peak resident memory so far, in bytes, from /proc (VmHWM). */
  async peakRss(): Promise<number> {
    if (this.child.exitCode !== null) throw new Error(`the process exited with ${this.child.exitCode}:\n${this.#stderr}`);
    const status = await readFile(`/proc/${this.child.pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match === null ? NaN : Number(match[1]) * 1024;
  }

  async kill(signal: NodeJS.Signals): Promise<number | null> {
    this.child.kill(signal);
    return this.exited;
  }
}

/** The store's database once its schema is there (the file appears a moment before its tables). */
function openEvents(dataDir: string): Database.Database | undefined {
  const file = join(dataDir, 'events.db');
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true });
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'").get() !== undefined) return db;
  db.close();
  return undefined;
}

/** The messages of every event in the SQLite store of `dataDir`, read beside the running process. */
export function storedMessages(dataDir: string): string[] {
  const db = openEvents(dataDir);
  try {
    return (db?.prepare('SELECT message FROM events').pluck().all() as string[] | undefined) ?? [];
  } finally {
    db?.close();
  }
}

export function storedCount(dataDir: string): number {
  const db = openEvents(dataDir);
  try {
    return (db?.prepare('SELECT count(*) FROM events').pluck().get() as number | undefined) ?? 0;
  } finally {
    db?.close();
  }
}

export interface PipelineSetup {
  readonly log: string;
  readonly dataDir: string;
  readonly config: string;
}

/**
 * A tmp dir with an empty server.log and a config that follows it (polling fast, so tests wait
 * little); `extra` is YAML appended at the top level (a store or transport section).
 */
export function setUpPipeline(name: string, extra = ''): PipelineSetup {
  const dir = mkdtempSync(join(tmpdir(), `bw-${name}-`));
  const log = join(dir, 'server.log');
  const dataDir = join(dir, 'data');
  const config = join(dir, 'brokerwatch.yaml');
  writeFileSync(log, '');
  const input = [`  - paths: [${log}]`, '    format: kafka-log4j', '    service_type: kafka', `    cluster: ${name}`, '    broker_id: 1'];
  const timing = ['    poll_interval_seconds: 0.1', '    multiline: { flush_timeout_seconds: 0.2 }'];
  // Any free port for the API: tests run several processes side by side.
  const api = ['api:', '  listen: 127.0.0.1:0'];
  writeFileSync(config, [`data_dir: ${dataDir}`, `host_name: ${name}`, ...api, 'inputs:', ...input, ...timing, extra].join('\n'));
  return { log, dataDir, config };
}

/** How many files the agent of `dataDir` has checkpoints for (follows, or let go unacknowledged). */
export function followedFiles(dataDir: string): number {
  try {
    return (JSON.parse(readFileSync(registryPath(dataDir), 'utf8')) as { files: unknown[] }).files.length;
  } catch {
    return 0;
  }
}
