import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox, type PolicySnapshot } from '../../src/notify/index.js';
import type { EngineSnapshot } from '../../src/rules/index.js';
import { ev } from '../rules/support.js';
import { Pipeline } from './support.js';

const routes = { routes: [{ receiver: 'hook', group_wait_seconds: 0, group_interval_seconds: 30 }] };
const shrink = (s: number, partition: number) =>
  ev(s, { 'event.action': 'isr_shrink', 'kafka.topic': 'orders', 'kafka.partition': partition, 'kafka.isr.removed': [3] });
const expand = (s: number, partition: number) =>
  ev(s, { 'event.action': 'isr_expand', 'kafka.topic': 'orders', 'kafka.partition': partition, 'kafka.isr.after': [1, 2, 3] });

const boxes: Outbox[] = [];
afterEach(() => {
  for (const b of boxes.splice(0)) b.close();
});

/** One process's life: rules and policy restored from the outbox file, state saved with each batch. */
function start(path: string, at: number) {
  const pipeline = new Pipeline(routes);
  pipeline.clock.set(at);
  const box = new Outbox(path, { clock: pipeline.clock, backoff: { initialDelayMs: 1000, maxDelayMs: 1000 }, deadLetterAfterMs: 3600_000 });
  boxes.push(box);
  const engine = box.loadState('engine') as EngineSnapshot | undefined;
  const policy = box.loadState('policy') as PolicySnapshot | undefined;
  if (engine !== undefined) pipeline.engine.restore(engine);
  if (policy !== undefined) pipeline.policy.restore(policy);
  const step = (seconds: number): number =>
    box.commit(pipeline.tick(seconds), { engine: pipeline.engine.snapshot(), policy: pipeline.policy.snapshot() });
  const feed = (...events: Parameters<Pipeline['feed']>): void => pipeline.feed(...events);
  return { box, step, feed, now: () => pipeline.clock.now() };
}

describe('a restart mid-incident', () => {
  it('neither re-sends nor loses a notification', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bw-restart-')), 'notify.db');
    const first = start(path, Date.parse('2026-11-25T08:00:00Z'));
    const replayed = [shrink(0, 1), shrink(0, 2)];
    first.feed(...replayed);
    expect(first.step(0)).toBe(1);
    first.box.close();
    boxes.length = 0;

    // The agent redelivers what it had sent before the crash; the incident goes on.
    const second = start(path, first.now() + 10_000);
    second.feed(...replayed);
    expect(second.step(30)).toBe(0);
    second.feed(expand(45, 1), expand(46, 2));
    expect(second.step(30)).toBe(1);
    const sent = second.box.rows().map((r) => r.notification);
    expect(sent.map((n) => n.status)).toEqual(['firing', 'resolved']);
    expect(sent[1]!.alerts[0]!.startsAt).toBe(sent[0]!.alerts[0]!.startsAt);
  });
});
