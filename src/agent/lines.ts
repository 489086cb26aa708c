import type { ByteOffset } from '../core/index.js';

/** Where a record or a line lies in its file: `offset` is its first byte, `end` the byte after it. */
export interface Span {
  readonly offset: ByteOffset;
  /** Where the next line starts: past the line ending, so a checkpoint at `end` resumes after it. */
  readonly end: ByteOffset;
}

/**
 * One line of a file, as bytes: invalid UTF-8 is passed on untouched for the parser to tag, never
 * decoded here (decoding would replace it and hide what the broker wrote).
 */
export interface Line extends Span {
  /** The line without its ending (`\n`, or `\r\n`), at most max_line_bytes bytes. */
  readonly bytes: Buffer;
  /** The line was longer than max_line_bytes: `bytes` holds its beginning, the rest was skipped. */
  readonly truncated: boolean;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Cuts the bytes of one file into lines with their offsets. Memory is bounded by max_line_bytes:
 * of an over-long line only the first max_line_bytes bytes are kept, the rest is skipped up to its
 * newline, so one runaway line (a binary dump, a config printed on one line) cannot exhaust memory.
 */
export class LineSplitter {
  readonly #maxLineBytes: number;
  /** Offset of the next byte pushed. */
  #next: number;
  /** Offset of the first byte of the line being assembled. */
  #lineStart: number;
  /** The kept bytes of the line being assembled, from earlier chunks. */
  #parts: Buffer[] = [];
  #partBytes = 0;
  #truncated = false;

  constructor(start: ByteOffset, maxLineBytes: number) {
    this.#maxLineBytes = maxLineBytes;
    this.#next = start;
    this.#lineStart = start;
  }

  /**
   * Appends to `out` every line `chunk` completes. Lines that lie whole in `chunk` refer to its
   * memory, so a chunk must not be reused once pushed.
   */
  push(chunk: Buffer, out: Line[]): void {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, from);
      if (newline === -1) {
        this.#keep(chunk.subarray(from));
        this.#next += chunk.length - from;
        return;
      }
      const piece = chunk.subarray(from, newline);
      this.#next += newline + 1 - from;
      if (this.#partBytes === 0 && !this.#truncated) {
        const truncated = piece.length > this.#maxLineBytes;
        out.push(this.#take(truncated ? piece.subarray(0, this.#maxLineBytes) : piece, truncated, true));
      } else {
        this.#keep(piece);
        out.push(this.#take(Buffer.concat(this.#parts, this.#partBytes), this.#truncated, true));
      }
      from = newline + 1;
    }
  }

  /**
   * The unterminated last line, when the file is let go and nothing can complete it any more;
   * undefined when the file ended with a newline.
   */
  finish(): Line | undefined {
    if (this.#next === this.#lineStart) return undefined;
    return this.#take(Buffer.concat(this.#parts, this.#partBytes), this.#truncated, false);
  }

  #keep(bytes: Buffer): void {
    const room = this.#maxLineBytes - this.#partBytes;
    if (bytes.length > room) this.#truncated = true;
    const kept = bytes.length > room ? bytes.subarray(0, room) : bytes;
    if (kept.length === 0) return;
    // Copied: a partial line outlives the chunk it started in.
    this.#parts.push(Buffer.from(kept));
    this.#partBytes += kept.length;
  }

  #take(bytes: Buffer, truncated: boolean, terminated: boolean): Line {
    const withoutReturn =
      terminated && !truncated && bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN
        ? bytes.subarray(0, bytes.length - 1)
        : bytes;
    const line: Line = { offset: this.#lineStart as ByteOffset, end: this.#next as ByteOffset, bytes: withoutReturn, truncated };
    this.#lineStart = this.#next;
    this.#parts = [];
    this.#partBytes = 0;
    this.#truncated = false;
    return line;
  }
}
