import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, type Instant } from '../../src/core/index.js';
import { deliveryOf, Outbox, type Delivery, type IdempotencyKey, type Notification, type Notifier } from '../../src/notify/index.js';

const T0 = Date.parse('2026-11-25T08:00:00Z');

function notification(key: string, receiver = 'hook', groupKey = 'g'): Notification {
  return { key: key as IdempotencyKey, receiver, groupKey, groupLabels: {}, status: 'firing', alerts: [], createdAt: T0 as Instant };
}

/** A notifier that answers from a script and records what it was asked. */
class Scripted implements Notifier {
  readonly receiver = 'hook';
  readonly seen: string[] = [];
  answers: Delivery[] = [];
  deliver(n: Notification): Promise<Delivery> {
    this.seen.push(n.key);
    return Promise.resolve(this.answers.shift() ?? { outcome: 'ok' });
  }
}

const open: Outbox[] = [];
function outbox(path: string, clock: ManualClock): Outbox {
  const box = new Outbox(path, {
    clock,
    backoff: { initialDelayMs: 1000, maxDelayMs: 60_000 },
    deadLetterAfterMs: 3600_000,
    random: () => 0.5,
  });
  open.push(box);
  return box;
}
afterEach(() => {
  for (const box of open.splice(0)) box.close();
});

const signal = new AbortController().signal;

describe('outbox', () => {
  it('keeps pending notifications across a restart (the SQLite file reopened)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bw-outbox-')), 'outbox.db');
    const clock = new ManualClock(T0);
    const first = outbox(path, clock);
    expect(first.enqueue([notification('a'), notification('b')])).toBe(2);
    first.saveState('policy', { groups: 1 });
    first.close();
    open.length = 0;

    const again = outbox(path, clock);
    expect(again.rows('pending').map((r) => r.key)).toEqual(['a', 'b']);
    expect(again.loadState('policy')).toEqual({ groups: 1 });
    const notifier = new Scripted();
    expect(await again.deliverDue(new Map([['hook', notifier]]), signal)).toEqual({ pending: 0, delivered: 2, dead: 0 });
    expect(notifier.seen).toEqual(['a', 'b']);
    expect(await again.deliverDue(new Map([['hook', notifier]]), signal)).toEqual({ pending: 0, delivered: 0, dead: 0 });
  });

  it('saves the state that led to notifications in the same transaction as the notifications', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'bw-outbox-')), 'outbox.db');
    const clock = new ManualClock(T0);
    const box = outbox(path, clock);
    expect(box.commit([notification('a')], { engine: { maxSeen: 1 }, policy: { groups: [] } })).toBe(1);
    const unserialisable = {
      toJSON: () => {
        throw new Error('unserialisable');
      },
    };
    expect(() => box.commit([notification('b')], { policy: { groups: ['g'] }, engine: unserialisable })).toThrow('unserialisable');
    box.close();
    open.length = 0;
    const again = outbox(path, clock);
    expect(again.rows().map((r) => r.key)).toEqual(['a']);
    expect(again.loadState('engine')).toEqual({ maxSeen: 1 });
    expect(again.loadState('policy')).toEqual({ groups: [] });
  });

  it('stores a notification computed twice once', () => {
    const box = outbox(':memory:', new ManualClock(T0));
    expect(box.enqueue([notification('a')])).toBe(1);
    expect(box.enqueue([notification('a')])).toBe(0);
    expect(box.rows()).toHaveLength(1);
  });

  it('retries with exponential backoff and jitter, logging each attempt', async () => {
    const clock = new ManualClock(T0);
    const box = outbox(':memory:', clock);
    const notifier = new Scripted();
    notifier.answers = [
      { outcome: 'retry', reason: 'HTTP 503' },
      { outcome: 'retry', reason: 'ECONNREFUSED' },
    ];
    const notifiers = new Map([['hook', notifier]]);
    box.enqueue([notification('a')]);
    await box.deliverDue(notifiers, signal);
    expect(box.nextAttemptAt()).toBe(T0 + 500);
    clock.advance(499);
    expect(box.due()).toEqual([]);
    clock.advance(1);
    await box.deliverDue(notifiers, signal);
    expect(box.nextAttemptAt()).toBe(T0 + 500 + 1000);
    clock.advance(1000);
    expect(await box.deliverDue(notifiers, signal)).toEqual({ pending: 0, delivered: 1, dead: 0 });
    expect(box.log('a' as IdempotencyKey).map((e) => [e.outcome, e.reason])).toEqual([
      ['retry', 'HTTP 503'],
      ['retry', 'ECONNREFUSED'],
      ['ok', null],
    ]);
  });

  it('dead-letters a rejected notification at once and a failing one after the dead-letter age', async () => {
    const clock = new ManualClock(T0);
    const box = outbox(':memory:', clock);
    const notifier = new Scripted();
    notifier.answers = [{ outcome: 'give_up', reason: 'HTTP 400' }, { outcome: 'retry', reason: 'HTTP 503' }];
    box.enqueue([notification('rejected'), notification('unreachable'), notification('lost', 'nobody')]);
    expect(await box.deliverDue(new Map([['hook', notifier]]), signal)).toEqual({ pending: 1, delivered: 0, dead: 2 });
    clock.advance(3600_000);
    notifier.answers = [{ outcome: 'retry', reason: 'HTTP 503' }];
    expect(await box.deliverDue(new Map([['hook', notifier]]), signal)).toEqual({ pending: 0, delivered: 0, dead: 1 });
    expect(box.rows('dead').map((r) => [r.key, r.lastError])).toEqual([
      ['lost', 'no receiver named "nobody"'],
      ['rejected', 'HTTP 400'],
      ['unreachable', 'HTTP 503'],
    ]);
    expect(box.log('unreachable' as IdempotencyKey).map((e) => e.outcome)).toEqual(['retry', 'dead']);
  });
});

describe('outbox order and concurrency', () => {
  it("never lets a group's later notification overtake an earlier one still being retried; other groups go on", async () => {
    const clock = new ManualClock(T0);
    const box = outbox(':memory:', clock);
    const notifier = new Scripted();
    notifier.answers = [{ outcome: 'retry', reason: 'HTTP 503' }];
    box.enqueue([notification('firing', 'hook', 'g1')]);
    clock.advance(10);
    box.enqueue([notification('resolved', 'hook', 'g1'), notification('other', 'hook', 'g2')]);
    expect(await box.deliverDue(new Map([['hook', notifier]]), signal)).toEqual({ pending: 1, delivered: 1, dead: 0 });
    expect(notifier.seen).toEqual(['firing', 'other']);
    // The retry of the head, not the resolved row queued behind it (due since T0 + 10).
    expect(box.nextAttemptAt()).toBe(T0 + 10 + 500);
    clock.advance(60_000);
    expect(await box.deliverDue(new Map([['hook', notifier]]), signal)).toEqual({ pending: 0, delivered: 2, dead: 0 });
    expect(notifier.seen).toEqual(['firing', 'other', 'firing', 'resolved']);
  });

  it('sends to several groups at once, up to the concurrency', async () => {
    const box = outbox(':memory:', new ManualClock(T0));
    let inFlight = 0;
    let most = 0;
    const release: Array<() => void> = [];
    const slow: Notifier = {
      receiver: 'hook',
      deliver: async () => {
        most = Math.max(most, ++inFlight);
        await new Promise<void>((resolve) => release.push(resolve));
        inFlight -= 1;
        return { outcome: 'ok' };
      },
    };
    box.enqueue(['a', 'b', 'c', 'd', 'e'].map((k) => notification(k, 'hook', k)));
    const done = box.deliverDue(new Map([['hook', slow]]), signal, { concurrency: 3 });
    while (box.rows('delivered').length < 5) {
      await new Promise((resolve) => setImmediate(resolve));
      release.splice(0).forEach((r) => r());
    }
    expect(await done).toEqual({ pending: 0, delivered: 5, dead: 0 });
    expect(most).toBe(3);
  });

  it('prunes delivered rows and delivery log entries older than the cut, never pending ones', async () => {
    const clock = new ManualClock(T0);
    const box = outbox(':memory:', clock);
    box.enqueue([notification('sent', 'hook', 'g1'), notification('waiting', 'nobody-yet', 'g2')]);
    await box.deliverDue(new Map([['hook', new Scripted()]]), new AbortController().signal);
    clock.advance(1000);
    box.enqueue([notification('later', 'hook', 'g3')]);
    clock.advance(1000);
    expect(box.prune((T0 + 2000) as Instant)).toBe(4);
    expect(box.rows().map((r) => r.key)).toEqual(['later']);
  });
});

describe('what a failure means', () => {
  it('retries what a later attempt can fix and gives up on the rest', () => {
    expect(deliveryOf({ kind: 'http', status: 204 })).toEqual({ outcome: 'ok' });
    expect(deliveryOf({ kind: 'http', status: 429 })).toEqual({ outcome: 'retry', reason: 'HTTP 429' });
    expect(deliveryOf({ kind: 'http', status: 502 })).toEqual({ outcome: 'retry', reason: 'HTTP 502' });
    expect(deliveryOf({ kind: 'http', status: 408 })).toEqual({ outcome: 'retry', reason: 'HTTP 408' });
    expect(deliveryOf({ kind: 'http', status: 404 })).toEqual({ outcome: 'give_up', reason: 'HTTP 404' });
    expect(deliveryOf({ kind: 'smtp', responseCode: 451, response: '451 try later' })).toEqual({ outcome: 'retry', reason: 'SMTP 451 try later' });
    expect(deliveryOf({ kind: 'smtp', responseCode: 550, response: '550 no such user' })).toEqual({ outcome: 'give_up', reason: 'SMTP 550 no such user' });
    expect(deliveryOf({ kind: 'network', error: new DOMException('timed out', 'TimeoutError') })).toEqual({ outcome: 'retry', reason: 'timeout' });
  });
});
