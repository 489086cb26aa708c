import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineSplitter } from '../../src/parse/index.js';

interface Line {
  text: string;
  offset: number;
  bytes: number;
  truncated: boolean;
}

function split(chunks: readonly Buffer[], max = 1024): Line[] {
  const lines: Line[] = [];
  const splitter = new LineSplitter({ line: (text, offset, bytes, truncated) => lines.push({ text, offset, bytes, truncated }) }, max);
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  it('gives byte offsets across chunk boundaries, multi-byte characters and CRLF', () => {
    const input = Buffer.from('ab\r\nÄö€\n\nlast');
    const expected = [
      { text: 'ab', offset: 0, bytes: 3, truncated: false },
      { text: 'Äö€', offset: 4, bytes: 7, truncated: false },
      { text: '', offset: 12, bytes: 0, truncated: false },
      { text: 'last', offset: 13, bytes: 4, truncated: false },
    ];
    expect(split([input])).toEqual(expected);
    for (let cut = 1; cut < input.length; cut++) expect(split([input.subarray(0, cut), input.subarray(cut)])).toEqual(expected);
  });

  it('cuts a line longer than the limit, marks it, and skips the rest up to its newline', () => {
    const long = 'x'.repeat(5000);
    const input = Buffer.from(`${long}\nnext\n`);
    const expected = [
      { text: 'x'.repeat(100), offset: 0, bytes: 5000, truncated: true },
      { text: 'next', offset: 5001, bytes: 4, truncated: false },
    ];
    expect(split([input], 100)).toEqual(expected);
    const chunks = [];
    for (let at = 0; at < input.length; at += 7) chunks.push(input.subarray(at, at + 7));
    expect(split(chunks, 100)).toEqual(expected);
  });

  it('decodes invalid UTF-8 to replacement characters and keeps offsets exact', () => {
    const input = Buffer.concat([Buffer.from('a'), Buffer.from([0xff, 0xfe]), Buffer.from('\nb\n')]);
    expect(split([input])).toEqual([
      { text: 'a\uFFFD\uFFFD', offset: 0, bytes: 3, truncated: false },
      { text: 'b', offset: 4, bytes: 1, truncated: false },
    ]);
  });

  it('finds every line start, whatever the bytes and chunking', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.integer({ min: 1, max: 50 }), (bytes, step) => {
        const input = Buffer.from(bytes);
        const chunks = [];
        for (let at = 0; at < input.length; at += step) chunks.push(input.subarray(at, at + step));
        const lines = split(chunks, 1 << 20);
        const starts = [0];
        for (let i = 0; i < input.length; i++) if (input[i] === 10 && i + 1 < input.length) starts.push(i + 1);
        expect(lines.map((l) => l.offset)).toEqual(input.length === 0 ? [] : starts);
        for (const line of lines) {
          const end = input.indexOf(10, line.offset);
          expect(line.bytes).toBe((end === -1 ? input.length : end) - line.offset);
        }
      }),
    );
  });
});
