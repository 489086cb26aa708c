// Model-based test of the follower (Vector tests its file watcher the same way): fast-check
// generates sequences of appends, rotations, truncations, deletions, out-of-order
// acknowledgements and restarts, runs them on real files with the real FileSource, and compares
// what was delivered with a model of what was written.
import { appendFileSync, copyFileSync, existsSync, readFileSync, renameSync, statSync, truncateSync, unlinkSync } from 'node:fs';
import { open } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileIdentity, fileKey, readFingerprint } from '../../src/agent/index.js';
import { FollowHarness } from './follow-harness.js';

const STREAMS = 2;
const ROTATED_NAMES = ['.1', '.2024-01-01-00', '.0', '-20240101'] as const;

type Op =
  | { readonly type: 'append'; readonly stream: number; readonly lines: number }
  | { readonly type: 'rotate'; readonly stream: number; readonly name: number }
  | { readonly type: 'copytruncate'; readonly stream: number }
  | { readonly type: 'truncate'; readonly stream: number }
  | { readonly type: 'delete'; readonly stream: number }
  | { readonly type: 'hold' }
  | { readonly type: 'release'; readonly order: number[] }
  | { readonly type: 'restart'; readonly rotateWhileDown: number | undefined; readonly lines: number };

const stream = fc.integer({ min: 0, max: STREAMS - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ type: fc.constant('append' as const), stream, lines: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('rotate' as const), stream, name: fc.integer({ min: 0, max: ROTATED_NAMES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('copytruncate' as const), stream }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('truncate' as const), stream }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('delete' as const), stream }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('hold' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('release' as const), order: fc.array(fc.nat(), { maxLength: 8 }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('restart' as const),
      rotateWhileDown: fc.option(stream, { nil: undefined }),
      lines: fc.integer({ min: 0, max: 10 }),
    }),
  },
);

/** What was written: every line, in order, per stream (the file path a writer appends to). */
class Model {
  readonly written: string[][] = Array.from({ length: STREAMS }, () => []);
  /** Lines of files deleted in this run: lost if the agent stops before they are shipped (docs/agent.md). */
  deleted: string[] = [];
  #rotations = 0;

  constructor(readonly h: FollowHarness) {}

  path(stream: number): string {
    return this.h.path(`server-${stream}.log`);
  }

  append(stream: number, count: number): void {
    const first = this.written[stream]!.length + 1;
    const texts = Array.from({ length: count }, (_, i) => `s${stream}-${String(first + i).padStart(6, '0')}`);
    this.written[stream]!.push(...texts);
    // One write per line, as a logger does: a poll may fall between any two of them.
    for (const text of texts) appendFileSync(this.path(stream), `${text}\n`);
  }

  rotatedPath(stream: number, name: number): string {
    this.#rotations += 1;
    return `${this.path(stream)}${ROTATED_NAMES[name]!}.${this.#rotations}`;
  }

  allWritten(): string[] {
    return this.written.flat();
  }
}

/**
 * Waits until the source has opened the file now at `path`: a file rotated or deleted before the
 * first poll that could see it is invisible to any follower, which is not what this test is about.
 */
async function seen(h: FollowHarness, path: string): Promise<void> {
  if (!existsSync(path)) return;
  const handle = await open(path, 'r');
  const fingerprint = await readFingerprint(handle);
  const identity = fingerprint && fileIdentity(fileKey(await handle.stat({ bigint: true })), fingerprint);
  await handle.close();
  if (identity === undefined) return;
  await h.waitForEvent('file_opened', identity);
}

/** Copytruncate and truncate lose what the follower has not read when they happen (docs/agent.md): this test truncates only once it has. */
async function allRead(h: FollowHarness, model: Model, stream: number): Promise<void> {
  const written = new Set(model.written[stream]);
  const expected = written.size;
  await h.waitFor(
    () => new Set([...h.acknowledged, ...h.delivered.map((d) => d.text)].filter((t) => written.has(t))).size === expected,
    () => `stream ${stream}: not everything read before truncation`,
  );
}

async function acknowledged(h: FollowHarness, texts: readonly string[]): Promise<void> {
  const missing = () => {
    const done = new Set(h.acknowledged);
    return texts.filter((t) => !done.has(t));
  };
  await h.waitFor(
    () => missing().length === 0,
    () => `never acknowledged: ${missing().join(' ')}`,
  );
}

function checkRun(h: FollowHarness, model: Model): void {
  const texts = h.delivered.map((d) => d.text);
  // Exactly once within a run.
  expect(new Set(texts).size).toBe(texts.length);
  // In written order per stream, rotated files included.
  for (let s = 0; s < STREAMS; s++) {
    const order = new Map(model.written[s]!.map((t, i) => [t, i]));
    const positions = texts.filter((t) => order.has(t)).map((t) => order.get(t)!);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }
}

/** The registry written at stop never checkpoints a batch the test did not acknowledge. */
function checkCheckpoints(h: FollowHarness): void {
  if (!existsSync(h.registryFile)) return;
  const registry = JSON.parse(readFileSync(h.registryFile, 'utf8')) as { files: { identity: string; offset: number }[] };
  for (const entry of registry.files) {
    for (const batch of h.batches) {
      if (batch.identity === entry.identity && batch.end <= entry.offset) expect(batch.acknowledged).toBe(true);
    }
  }
}

async function run(ops: readonly Op[], maxInFlightBytes: number): Promise<void> {
  const h = new FollowHarness();
  const model = new Model(h);
  try {
    await h.start({ max_in_flight_bytes: maxInFlightBytes });
    for (const step of ops) {
      switch (step.type) {
        case 'append':
          model.append(step.stream, step.lines);
          break;
        case 'rotate':
          if (!existsSync(model.path(step.stream))) break;
          await seen(h, model.path(step.stream));
          renameSync(model.path(step.stream), model.rotatedPath(step.stream, step.name));
          break;
        case 'copytruncate':
        case 'truncate':
          if (!existsSync(model.path(step.stream))) break;
          h.holdAcks = false;
          h.release();
          await allRead(h, model, step.stream);
          if (step.type === 'copytruncate') copyFileSync(model.path(step.stream), model.rotatedPath(step.stream, 0));
          truncateSync(model.path(step.stream), 0);
          break;
        case 'delete':
          if (!existsSync(model.path(step.stream))) break;
          await seen(h, model.path(step.stream));
          model.deleted.push(...readFileSync(model.path(step.stream), 'latin1').split('\n').filter((t) => t !== ''));
          unlinkSync(model.path(step.stream));
          break;
        case 'hold':
          h.holdAcks = true;
          break;
        case 'release': {
          const held = h.held.splice(0);
          for (const [i, n] of step.order.entries()) {
            if (held.length < 2) break;
            const a = i % held.length;
            const b = n % held.length;
            [held[a], held[b]] = [held[b]!, held[a]!];
          }
          h.release(held);
          h.holdAcks = false;
          break;
        }
        case 'restart': {
          for (let s = 0; s < STREAMS; s++) await seen(h, model.path(s));
          h.holdAcks = false;
          h.release();
          await acknowledged(h, model.deleted);
          model.deleted = [];
          await h.stop();
          checkRun(h, model);
          checkCheckpoints(h);
          // Only a file the agent has begun to follow can be found after a restart: one still empty at the stop cannot.
          const rotated = step.rotateWhileDown;
          if (rotated !== undefined && existsSync(model.path(rotated)) && statSync(model.path(rotated)).size > 0) {
            model.append(rotated, step.lines);
            renameSync(model.path(rotated), model.rotatedPath(rotated, 0));
          }
          h.delivered = [];
          h.holdAcks = false;
          await h.start({ max_in_flight_bytes: maxInFlightBytes });
          break;
        }
      }
    }
    h.holdAcks = false;
    h.release();
    // At least once, no gap: every line written was acknowledged in some run.
    await acknowledged(h, model.allWritten());
    await h.stop();
    checkRun(h, model);
    checkCheckpoints(h);
  } finally {
    await h.cleanup();
  }
}

describe('FileSource against a model of the files written', () => {
  it('delivers every line once in order per file within a run, at least once across restarts, and checkpoints only what was acknowledged', async () => {
    await fc.assert(
      // A bound of 64 bytes stops reading after almost every batch while acknowledgements are held.
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), fc.constantFrom(64, 1 << 20), async (ops, maxInFlightBytes) => {
        await run(ops, maxInFlightBytes);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
