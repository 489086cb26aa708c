import { describe, expect, it } from 'vitest';
import { ManualClock, type ByteOffset } from '../../src/core/index.js';
import { RecordAssembler, type AssembledRecord, type RecordFraming } from '../../src/parse/index.js';

const bracketed: RecordFraming = { startsRecord: (line) => line.startsWith('[') };

function assembler(framing: RecordFraming, clock = new ManualClock(0), maxRecordBytes = 1000) {
  const records: AssembledRecord[] = [];
  const a = new RecordAssembler({ framing, sink: { record: (r) => records.push(r) }, clock, flushAfterMs: 500, maxRecordBytes });
  let offset = 0;
  const push = (...lines: string[]): void => {
    for (const line of lines) {
      a.push(line, line, offset as ByteOffset, line.length, false);
      offset += line.length + 1;
    }
  };
  return { a, records, push };
}

describe('RecordAssembler', () => {
  it('joins continuation lines to the record before them and emits it when the next starts', () => {
    const { a, records, push } = assembler(bracketed);
    push('[1] first', '\tat x', '[2] second');
    expect(records).toEqual([{ offset: 0, end: 16, text: '[1] first\n\tat x', original: '[1] first\n\tat x', lines: 2, truncated: false }]);
    a.end();
    expect(records[1]).toEqual({ offset: 16, end: 27, text: '[2] second', original: '[2] second', lines: 1, truncated: false });
  });

  it('flushes the last record once the flush time passed on the clock, not before', () => {
    const clock = new ManualClock(1000);
    const { a, records, push } = assembler(bracketed, clock);
    push('[1] last');
    expect(a.deadline()).toBe(1500);
    clock.advance(499);
    a.poll();
    expect(records).toHaveLength(0);
    push('  continued');
    clock.advance(499);
    a.poll();
    expect(records).toHaveLength(0);
    clock.advance(1);
    a.poll();
    expect(records.map((r) => r.text)).toEqual(['[1] last\n  continued']);
    expect(a.deadline()).toBeUndefined();
  });

  it('keeps the first bytes of an oversized record, marks it truncated, and still swallows its lines', () => {
    const { a, records, push } = assembler(bracketed, new ManualClock(0), 20);
    push('[1] 0123456789', 'abcdefghijklmnop', 'more', '[2] next');
    a.end();
    expect(records[0]).toMatchObject({ text: '[1] 0123456789', lines: 3, truncated: true });
    expect(records[1]).toMatchObject({ text: '[2] next', truncated: false });
    const big = assembler(bracketed, new ManualClock(0), 20);
    big.push(`[1] ${'x'.repeat(100)}`);
    big.a.end();
    expect(big.records[0]).toMatchObject({ text: `[1] ${'x'.repeat(16)}`, truncated: true });
  });

  it('folds repeated prefixes through the framing, keeping the raw lines as original', () => {
    const prefixed: RecordFraming = {
      startsRecord: (line, first) => first === undefined || line.slice(0, 3) !== first.slice(0, 3),
      continuation: (line) => line.slice(4),
    };
    const { a, records, push } = assembler(prefixed);
    push('<1> a', '<1> b', '<2> c');
    a.end();
    expect(records[0]).toEqual({ offset: 0, end: 12, text: '<1> a\nb', original: '<1> a\n<1> b', lines: 2, truncated: false });
    expect(records[1]).toMatchObject({ text: '<2> c', original: '<2> c' });
  });

  it('cuts a record at max lines, swallowing the rest of its lines, and ends it past its last line', () => {
    const records: AssembledRecord[] = [];
    const a = new RecordAssembler({ framing: bracketed, sink: { record: (r) => records.push(r) }, clock: new ManualClock(0), flushAfterMs: 500, maxRecordBytes: 1000, maxRecordLines: 2 });
    let offset = 0;
    for (const line of ['[1] boom', '\tat a', '\tat b', '\tat c', '[2] next']) {
      a.push(line, line, offset as ByteOffset, line.length, false);
      offset += line.length + 1;
    }
    expect(records).toEqual([{ offset: 0, end: 27, text: '[1] boom\n\tat a', original: '[1] boom\n\tat a', lines: 4, truncated: true }]);
  });

  it('starts a record at the first line even when the framing would not', () => {
    const { a, records, push } = assembler(bracketed);
    push('\tat orphan', '[1] x');
    a.end();
    expect(records.map((r) => r.text)).toEqual(['\tat orphan', '[1] x']);
  });
});
