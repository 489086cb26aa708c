import { describe, expect, it } from 'vitest';
import { FileLines, type Line } from '../../src/agent/index.js';
import type { ByteOffset } from '../../src/core/index.js';

function split(chunks: readonly (string | Buffer)[], maxLineBytes = 1024, start = 0): Line[] {
  const splitter = new FileLines(start as ByteOffset, maxLineBytes);
  const out: Line[] = [];
  for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk, out);
  return out;
}

const shown = (lines: readonly Line[]) => lines.map((l) => [l.text, l.offset, l.end, l.truncated]);

describe('FileLines', () => {
  it('cuts lines with the offset of their first byte and the offset after their newline', () => {
    expect(shown(split(['ab\ncd\n'], 1024, 100)).map((l) => l.slice(0, 3))).toEqual([
      ['ab', 100, 103],
      ['cd', 103, 106],
    ]);
  });

  it('joins a line cut across chunks, and holds a line until its newline comes', () => {
    const splitter = new FileLines(0 as ByteOffset, 1024);
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

  it('decodes invalid UTF-8 as U+FFFD and keeps byte offsets and lengths exact', () => {
    const lines = split([Buffer.from([0x61, 0xff, 0xfe, 0xc3, 0x0a, 0xc3, 0xa9, 0x0a])]);
    expect(lines.map((l) => [l.text, l.offset, l.end, l.bytes])).toEqual([
      ['a\uFFFD\uFFFD\uFFFD', 0, 5, 4],
      ['\u00E9', 5, 8, 2],
    ]);
  });

  it('gives the unterminated last line its length, ending at the end of the file', () => {
    const splitter = new FileLines(10 as ByteOffset, 1024);
    splitter.push(Buffer.from('x\nlast'), []);
    expect(splitter.finish()).toEqual({ text: 'last', offset: 12, end: 16, bytes: 4, truncated: false });
  });

  it('gives an empty line for two newlines in a row', () => {
    expect(shown(split(['\n\n']))).toEqual([
      ['', 0, 1, false],
      ['', 1, 2, false],
    ]);
  });
});
