import { appendFileSync, closeSync, existsSync, openSync, readFileSync, renameSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync, copyFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Line, RecordStage } from '../../src/agent/index.js';
import type { ByteOffset } from '../../src/core/index.js';
import { FollowHarness } from './follow-harness.js';

let h: FollowHarness;

beforeEach(() => {
  h = new FollowHarness();
});

afterEach(async () => {
  await h.cleanup();
});

function lines(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
}

function append(path: string, texts: readonly string[]): void {
  appendFileSync(path, texts.map((t) => `${t}\n`).join(''));
}

function registry(): { files: { path: string; offset: number; identity: string }[] } {
  return JSON.parse(readFileSync(h.registryFile, 'utf8')) as { files: { path: string; offset: number; identity: string }[] };
}

/** Returns once `count` whole polls have run since the call: each opens a new file, found before its poll looks beside the live files. */
async function pollsPassed(count: number): Promise<void> {
  for (let i = 0; i <= count; i++) {
    const marker = h.path(`poll-marker-${h.events.length}.log`);
    append(marker, ['marker']);
    await h.waitFor(
      () => h.events.some((e) => e.event === 'file_opened' && e.path === marker),
      () => `no poll opened ${marker}`,
    );
  }
}

describe('FileSource', () => {
  it('delivers every line with the byte offset of its first byte', async () => {
    append(h.path('server.log'), ['alpha', 'beta', 'gamma']);
    await h.start();
    await h.waitForTexts(['alpha', 'beta', 'gamma']);
    expect(h.delivered.map((d) => [d.text, d.offset])).toEqual([
      ['alpha', 0],
      ['beta', 6],
      ['gamma', 11],
    ]);
  });

  it('resumes after the acknowledged lines on restart, and reads the rest again', async () => {
    const log = h.path('server.log');
    append(log, ['one', 'two']);
    await h.start();
    await h.waitForTexts(['one', 'two']);
    h.holdAcks = true;
    append(log, ['three', 'four']);
    await h.waitForTexts(['one', 'two', 'three', 'four']);
    await h.stop();
    expect(registry().files.map((f) => f.offset)).toEqual([8]);

    h.delivered = [];
    h.holdAcks = false;
    await h.start();
    await h.waitForTexts(['three', 'four']);
    expect(h.texts()).toEqual(['three', 'four']);
  });

  it('picks up a new file matching a glob, and leaves out excluded ones', async () => {
    await h.start({ exclude: ['gc*.log'] });
    append(h.path('gc.log'), ['collected']);
    append(h.path('controller.log'), ['elected']);
    await h.waitForTexts(['elected']);
    expect(h.texts()).toEqual(['elected']);
  });

  for (const [scheme, rotatedName] of [
    ['log4j DailyRollingFileAppender', 'server.log.2024-01-01-00'],
    ['log4j RollingFileAppender', 'server.log.1'],
    ['RabbitMQ', 'server.log.0'],
    ['logrotate dateext', 'server.log-20240101'],
  ] as const) {
    it(`keeps reading the rotated file to its end before switching (${scheme}: ${rotatedName})`, async () => {
      const log = h.path('server.log');
      append(log, ['old-0']);
      await h.start();
      await h.waitForTexts(['old-0']);
      // The appender's descriptor outlives the rename: what it writes then lands in the rotated file.
      const appender = openSync(log, 'a');
      renameSync(log, h.path(rotatedName));
      append(log, ['new-0', 'new-1']);
      writeSync(appender, 'old-1\nold-2\n');
      closeSync(appender);
      await h.waitForTexts(['old-0', 'old-1', 'old-2', 'new-0', 'new-1']);
      expect(h.texts()).toEqual(['old-0', 'old-1', 'old-2', 'new-0', 'new-1']);
      await h.waitForEvent('file_released');
      expect(h.events.map((e) => e.event)).toContain('file_rotated');
      await h.stop();
      expect(registry().files.map((f) => f.path)).toEqual([log]);
    });
  }

  it('reads a copytruncated file again from its start', async () => {
    const log = h.path('server.log');
    append(log, lines('before', 3));
    await h.start();
    await h.waitForTexts(lines('before', 3));
    copyFileSync(log, h.path('server.log.1'));
    truncateSync(log, 0);
    append(log, ['after-0', 'after-1']);
    await h.waitForTexts([...lines('before', 3), 'after-0', 'after-1']);
    expect(h.texts()).toEqual([...lines('before', 3), 'after-0', 'after-1']);
    expect(h.delivered.at(-2)!.offset).toBe(0);
    expect(h.events.map((e) => e.event)).toContain('file_truncated');
  });

  it('reads from a copytruncate copy what was not read, though a poll saw the copy still empty', async () => {
    const log = h.path('server.log');
    const copy = h.path('server.log.1');
    append(log, lines('read', 3));
    h.holdAcks = true;
    await h.start({ max_in_flight_bytes: 1 });
    await h.waitForTexts(lines('read', 3));
    // Not read: the bytes in flight are at their bound until the test acknowledges.
    append(log, lines('unread', 3));
    // A copy is created empty and filled afterwards (copyFileSync, cp, logrotate's copy).
    writeFileSync(copy, '');
    await pollsPassed(2);
    writeFileSync(copy, readFileSync(log));
    truncateSync(log, 0);
    append(log, ['after-0']);
    h.holdAcks = false;
    h.release();
    const expected = [...lines('read', 3), ...lines('unread', 3), 'after-0'];
    const logTexts = (): string[] => h.texts().filter((text) => text !== 'marker');
    await h.waitFor(
      () => logTexts().length >= expected.length,
      () => `delivered ${JSON.stringify(logTexts())}`,
    );
    expect(logTexts()).toEqual(expected);
  }, 10_000);

  it('reads a copytruncate copy that was given the inode of the rotation deleted before it (logrotate `rotate 1`)', async () => {
    const log = h.path('server.log');
    const copy = h.path('server.log.1');
    const expected = ['start'];
    append(log, expected);
    await h.start({ max_in_flight_bytes: 1 });
    await h.waitForTexts(expected);
    // Whether the file system gives the deleted copy's inode to the next copy is its choice (ext4
    // does, unless another file took it first): rotations go on until it has, at least once.
    let reused = false;
    for (let rotation = 0; rotation < 10 && !reused; rotation++) {
      h.holdAcks = true;
      append(log, [`held-${rotation}`]);
      expected.push(`held-${rotation}`);
      await h.waitForTexts(expected);
      const unread = [`unread-${rotation}-0`, `unread-${rotation}-1`];
      append(log, unread);
      const deletedInode = existsSync(copy) ? statSync(copy).ino : undefined;
      if (deletedInode !== undefined) unlinkSync(copy);
      copyFileSync(log, copy);
      reused = statSync(copy).ino === deletedInode;
      truncateSync(log, 0);
      append(log, [`after-${rotation}`]);
      expected.push(...unread, `after-${rotation}`);
      h.holdAcks = false;
      h.release();
      await h.waitForTexts(expected);
      expect(h.texts()).toEqual(expected);
      // The copy read and closed, so that deleting it frees its inode.
      await h.waitFor(
        () => h.events.filter((e) => e.event === 'file_released').length > rotation,
        () => `server.log.1 of rotation ${rotation} not let go`,
      );
    }
    expect(reused, 'no copy was given the inode of the one deleted before it').toBe(true);
  }, 30_000);

  it('does not read the rotations beside a live file again when the live file was missing for a while', async () => {
    const log = h.path('server.log');
    append(h.path('server.log.1'), ['rotated before the start']);
    append(log, ['live']);
    await h.start();
    await h.waitForTexts(['live']);
    unlinkSync(log);
    await h.waitForEvent('file_released');
    await pollsPassed(25);
    append(log, ['live again']);
    await h.waitFor(
      () => h.texts().includes('live again'),
      () => `delivered ${JSON.stringify(h.texts())}`,
    );
    await pollsPassed(2);
    expect(h.texts().filter((text) => text !== 'marker')).toEqual(['live', 'live again']);
  });

  it('does not hand on the middle of a file truncated and rewritten past the read offset between two polls', async () => {
    const log = h.path('server.log');
    append(log, ['old first']);
    h.holdAcks = true;
    // One poll at the start; after it, only acknowledgements wake the reader.
    await h.start({ poll_interval_seconds: 3600 });
    await h.waitForTexts(['old first']);
    truncateSync(log, 0);
    append(log, ['new first line', 'new second line']);
    h.holdAcks = false;
    h.release();
    await h.waitForTexts(['old first', 'new first line', 'new second line']);
    expect(h.delivered.map((d) => [d.text, d.offset])).toEqual([
      ['old first', 0],
      ['new first line', 0],
      ['new second line', 15],
    ]);
  });

  it('reads a file truncated and rewritten while the agent was down from its start', async () => {
    const log = h.path('server.log');
    append(log, ['short']);
    await h.start();
    await h.waitForTexts(['short']);
    await h.stop();
    truncateSync(log, 0);
    append(log, ['a much longer first line than before']);
    h.delivered = [];
    await h.start();
    await h.waitForTexts(['a much longer first line than before']);
    expect(h.delivered).toMatchObject([{ offset: 0, text: 'a much longer first line than before' }]);
  });

  it('reads a deleted file to its end, then lets it go and forgets its checkpoint', async () => {
    const log = h.path('server.log');
    append(log, ['first']);
    await h.start();
    await h.waitForTexts(['first']);
    const appender = openSync(log, 'a');
    unlinkSync(log);
    writeSync(appender, 'written after the unlink\n');
    closeSync(appender);
    await h.waitForTexts(['first', 'written after the unlink']);
    await h.waitForEvent('file_released');
    expect(h.events.map((e) => e.event)).toContain('file_deleted');
    await h.stop();
    expect(registry().files).toEqual([]);
  });

  it('hands on the unterminated last line of a rotated file when it lets it go', async () => {
    const log = h.path('server.log');
    append(log, ['complete']);
    appendFileSync(log, 'cut short');
    await h.start();
    await h.waitForTexts(['complete']);
    renameSync(log, h.path('server.log.1'));
    await h.waitForTexts(['complete', 'cut short']);
    expect(h.delivered[1]).toMatchObject({ text: 'cut short', offset: 9 });
  });

  it('finds a file rotated while the agent was down and reads it from its checkpoint', async () => {
    const log = h.path('server.log');
    append(log, ['a']);
    await h.start();
    await h.waitForTexts(['a']);
    await h.stop();
    append(log, ['b']);
    renameSync(log, h.path('server.log.1'));
    append(log, ['c']);
    h.delivered = [];
    await h.start();
    await h.waitForTexts(['b', 'c']);
    expect(h.delivered.map((d) => [d.text, d.path])).toEqual([
      ['b', h.path('server.log.1')],
      ['c', log],
    ]);
  });

  it('drops the checkpoint of a file that is gone', async () => {
    const log = h.path('server.log');
    append(log, ['a']);
    await h.start();
    await h.waitForTexts(['a']);
    await h.stop();
    unlinkSync(log);
    await h.start();
    await h.waitForEvent('checkpoint_dropped');
    await h.stop();
    expect(registry().files).toEqual([]);
  });

  it('starts at the last line end of files found by the first poll when start_position is end, and reads later files whole', async () => {
    append(h.path('server.log'), ['history']);
    appendFileSync(h.path('server.log'), 'partial');
    await h.start({ start_position: 'end' });
    await h.waitForEvent('file_opened');
    appendFileSync(h.path('server.log'), ' line\n');
    append(h.path('controller.log'), ['new file']);
    await h.waitForTexts(['partial line', 'new file']);
    expect(h.texts().sort()).toEqual(['new file', 'partial line']);
  });

  it('stops reading when max_in_flight_bytes are unacknowledged, and goes on when they are acknowledged', async () => {
    const log = h.path('server.log');
    h.holdAcks = true;
    // 1,200 lines of 1000 bytes, more than one 1 MiB chunk: the first chunk alone passes the bound.
    append(log, lines('x'.repeat(994), 1200));
    await h.start({ max_in_flight_bytes: 1000 });
    await h.waitFor(
      () => h.held.length > 0,
      () => 'nothing delivered',
    );
    const deliveredWhileHeld = h.delivered.length;
    // A poll passes without an acknowledgement: nothing more is read.
    const polls = h.events.length;
    append(h.path('other.log'), ['wakes a poll']);
    await h.waitFor(
      () => h.events.length > polls,
      () => 'no poll',
    );
    expect(h.delivered.length).toBe(deliveredWhileHeld);
    expect(deliveredWhileHeld).toBeLessThan(1200);
    h.holdAcks = false;
    h.release();
    await h.waitFor(
      () => h.delivered.length === 1201,
      () => `${h.delivered.length} delivered`,
    );
  });

  it('never moves a checkpoint past a batch that is not acknowledged', async () => {
    const log = h.path('server.log');
    h.holdAcks = true;
    await h.start();
    append(log, ['first']);
    await h.waitFor(
      () => h.held.length === 1,
      () => 'first batch',
    );
    append(log, ['second']);
    await h.waitFor(
      () => h.held.length === 2,
      () => 'second batch',
    );
    h.release([h.held[1]!]);
    await h.stop();
    expect(registry().files.map((f) => f.offset)).toEqual([0]);
    h.holdAcks = false;
    h.delivered = [];
    await h.start();
    await h.waitForTexts(['first', 'second']);
    expect(h.texts()).toEqual(['first', 'second']);
  });

  it('hands on a record held by a multi-line assembler once the file is idle for the flush timeout', async () => {
    // A stand-in assembler for this test only: a line starting with a space continues the record.
    const joined = (lines: Line[]): Line => ({
      offset: lines[0]!.offset,
      end: lines.at(-1)!.end,
      text: lines.map((l) => l.text).join('\n'),
      bytes: lines.at(-1)!.end - lines[0]!.offset - 1,
      truncated: false,
    });
    const assembler = (): RecordStage<Line> => {
      let held: Line[] = [];
      return {
        push(line, out) {
          if (!line.text.startsWith(' ') && held.length > 0) {
            out.push(joined(held));
            held = [];
          }
          held.push(line);
        },
        flush(out) {
          if (held.length > 0) out.push(joined(held));
          held = [];
        },
      };
    };
    const log = h.path('server.log');
    append(log, ['record one', ' continued', 'record two', ' continued']);
    await h.start({}, assembler);
    await h.waitForTexts(['record one\n continued']);
    expect(h.texts()).toEqual(['record one\n continued']);
    h.clock.advance(5000);
    await h.waitForTexts(['record one\n continued', 'record two\n continued']);
    expect(h.delivered[1]).toMatchObject({ offset: 22 as ByteOffset });
    await h.stop();
    expect(registry().files.map((f) => f.offset)).toEqual([44]);
  });

  it('reports lines read, bytes behind each file and the checkpoint age', async () => {
    const log = h.path('server.log');
    append(log, ['one', 'two']);
    h.holdAcks = true;
    await h.start();
    await h.waitForTexts(['one', 'two']);
    h.clock.advance(30_000);
    const metrics = await h.promRegistry.metrics();
    expect(metrics).toContain('brokerwatch_agent_lines_read_total 2');
    expect(metrics).toContain('brokerwatch_agent_bytes_read_total 8');
    expect(metrics).toContain(`brokerwatch_agent_file_bytes_behind{path="${log}"} 8`);
    expect(metrics).toContain('brokerwatch_agent_checkpoint_age_seconds 30');
    h.release();
    const after = await h.promRegistry.metrics();
    expect(after).toContain(`brokerwatch_agent_file_bytes_behind{path="${log}"} 0`);
    expect(after).toContain('brokerwatch_agent_checkpoint_age_seconds 0');
  });
});
