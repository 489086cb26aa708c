// Bytes -> lines with their byte offsets: for `brokerwatch parse`, and for the agent's follower
// (through src/agent/lines.ts). A line longer than `maxLineBytes` keeps its first
// `maxLineBytes` bytes, is marked truncated, and the rest up to its newline is skipped, so a 10 MB
// line costs bounded memory. Invalid UTF-8 decodes to U+FFFD; offsets stay byte-exact.
import type { ByteOffset } from '../core/index.js';

export interface LineSink {
  /** `bytes`: the line's length in the input, without its newline (and before truncation). */
  line(text: string, offset: ByteOffset, bytes: number, truncated: boolean): void;
}

const NEWLINE = 10;
const CR = 13;

export class LineSplitter {
  readonly #sink: LineSink;
  readonly #maxLineBytes: number;
  /** Offset of the next byte pushed. */
  #offset: number;
  /** The start of the line not yet ended by a newline, at most maxLineBytes of it. */
  #carry: Buffer[] = [];
  #carryBytes = 0;
  #lineOffset = 0;
  /** Bytes of the current line beyond what is carried (a line past maxLineBytes). */
  #overflow = 0;

  /** `start`: the offset in the input of the first byte pushed (a file resumed from a checkpoint). */
  constructor(sink: LineSink, maxLineBytes: number, start = 0) {
    this.#sink = sink;
    this.#maxLineBytes = maxLineBytes;
    this.#offset = start;
  }

  /**
   * Chunks are kept until their last line ends, not copied: a chunk must not be reused once pushed.
   */
  push(chunk: Buffer): void {
    const base = this.#offset;
    this.#offset += chunk.length;
    let pos = 0;
    if (this.#carryBytes > 0 || this.#overflow > 0) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline === -1) {
        this.#keep(chunk, 0, chunk.length);
        return;
      }
      this.#keep(chunk, 0, newline);
      this.#endCarried();
      pos = newline + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    if (last >= pos) {
      this.#complete(chunk, pos, last, base);
      pos = last + 1;
    }
    if (pos < chunk.length) {
      this.#lineOffset = base + pos;
      this.#keep(chunk, pos, chunk.length);
    }
  }

  /** The last line, when the input does not end with a newline. */
  end(): void {
    if (this.#carryBytes > 0 || this.#overflow > 0) this.#endCarried();
  }

  /** Complete lines in chunk[from, to], `to` being a newline. */
  #complete(chunk: Buffer, from: number, to: number, base: number): void {
    const text = chunk.toString('utf8', from, to + 1);
    if (text.length === to + 1 - from) {
      // ASCII: a character is a byte, so offsets come from string positions.
      let at = 0;
      while (at < text.length) {
        const newline = text.indexOf('\n', at);
        this.#emit(text, at, newline, base + from + at);
        at = newline + 1;
      }
      return;
    }
    let at = from;
    while (at <= to) {
      const newline = chunk.indexOf(NEWLINE, at);
      let end = newline;
      if (end > at && chunk[end - 1] === CR) end--;
      const bytes = newline - at;
      const cut = Math.min(end, at + this.#maxLineBytes);
      this.#sink.line(chunk.toString('utf8', at, cut), (base + at) as ByteOffset, bytes, cut < end);
      at = newline + 1;
    }
  }

  #emit(text: string, start: number, newline: number, offset: number): void {
    let end = newline;
    if (end > start && text.charCodeAt(end - 1) === CR) end--;
    const cut = Math.min(end, start + this.#maxLineBytes);
    this.#sink.line(text.slice(start, cut), offset as ByteOffset, newline - start, cut < end);
  }

  #keep(chunk: Buffer, from: number, to: number): void {
    const room = this.#maxLineBytes - this.#carryBytes;
    const take = Math.max(0, Math.min(room, to - from));
    if (take > 0) {
      this.#carry.push(chunk.subarray(from, from + take));
      this.#carryBytes += take;
    }
    this.#overflow += to - from - take;
  }

  #endCarried(): void {
    let line = Buffer.concat(this.#carry, this.#carryBytes);
    const bytes = this.#carryBytes + this.#overflow;
    const truncated = this.#overflow > 0;
    if (!truncated && line.length > 0 && line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    this.#sink.line(line.toString('utf8'), this.#lineOffset as ByteOffset, bytes, truncated);
    this.#carry = [];
    this.#carryBytes = 0;
    this.#overflow = 0;
  }
}
