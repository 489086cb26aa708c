import { describe, expect, it } from 'vitest';
import { LineSplitter, type Line } from '../../src/agent/index.js';
import type { ByteOffset } from '../../src/core/index.js';

function split(chunks: readonly (string | Buffer)[], maxLineBytes = 1024, start = 0): Line[] {
  const splitter = new LineSplitter(start as ByteOffset, maxLineBytes);
  const out: Line[] = [];
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, out);
  return out;
}

const shown = (lines: readonly Line[]) => lines.map((l) => [l.bytes.toString('latin1'), l.offset, l.end, l.truncated]);

describe('LineSplitter', () => {
  it('cuts lines with the offset of their first byte and the offset after their newline', () => {
    expect(shown(split(['ab\ncd\n'], 1024, 100)).map((l) => l.slice(0, 3))).toEqual([
      ['ab', 100, 103],
      ['cd', 103, 106],
    ]);
  });

  it('joins a line cut across chunks, and holds a line until its newline comes', () => {
    const splitter = new LineSplitter(0 as ByteOffset, 1024);
    const out: Line[] = [];
    splitter.push(Buffer.from('hel'), out);
    splitter.push(Buffer.from('lo\nwor'), out);
    expect(shown(out)).toEqual([['hello', 0, 6, false]]);
    expect(shown([splitter.finish()!])).toEqual([['wor', 6, 9, false]]);
    expect(splitter.finish()).toBeUndefined();
  });

  it('drops the carriage return of a CRLF line ending but keeps the offsets exact', () => {
    expect(shown(split(['a\r\nb\r', '\n']))).toEqual([
      ['a', 0, 3, false],
      ['b', 3, 6, false],
    ]);
  });

  it('keeps only max_line_bytes of an over-long line, marks it truncated and skips the rest to its newline', () => {
    expect(shown(split(['0123456789', 'abcdef\nnext\n'], 4))).toEqual([
      ['0123', 0, 17, true],
      ['next', 17, 22, false],
    ]);
    expect(shown(split(['0123456789\nok\n'], 4))).toEqual([
      ['0123', 0, 11, true],
      ['ok', 11, 14, false],
    ]);
  });

  it('passes invalid UTF-8 through as the bytes the file holds', () => {
    const bytes = Buffer.from([0x61, 0xff, 0xfe, 0xc3, 0x0a]);
    expect([...split([bytes])[0]!.bytes]).toEqual([0x61, 0xff, 0xfe, 0xc3]);
  });

  it('gives an empty line for two newlines in a row', () => {
    expect(shown(split(['\n\n']))).toEqual([
      ['', 0, 1, false],
      ['', 1, 2, false],
    ]);
  });
});
