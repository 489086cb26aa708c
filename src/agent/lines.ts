import type { ByteOffset } from '../core/index.js';
import { LineSplitter, type LineSink } from '../parse/index.js';

/** Where a record or a line lies in its file: `offset` is its first byte, `end` the byte after it. */
export interface Span {
  readonly offset: ByteOffset;
  /** Where the next line starts: past the line ending, so a checkpoint at `end` resumes after it. */
  readonly end: ByteOffset;
}

/** One line of a file, decoded (invalid UTF-8 as U+FFFD, which the parser tags); offsets stay byte-exact. */
export interface Line extends Span {
  /** The line without its ending (`\n`, or `\r\n`), at most max_line_bytes bytes of it. */
  readonly text: string;
  /** The line's length in the file, without its ending and before truncation. */
  readonly bytes: number;
  /** The line was longer than max_line_bytes: `text` holds its beginning, the rest was skipped. */
  readonly truncated: boolean;
}

/**
 * The lines of one followed file, cut by the parser's LineSplitter, as values with the offset after
 * each (what the follower checkpoints). Memory is bounded by max_line_bytes: of an over-long line
 * only its beginning is kept, so one runaway line (a binary dump, a config printed on one line)
 * cannot exhaust memory.
 */
export class FileLines implements LineSink {
  readonly #splitter: LineSplitter;
  #out: Line[] = [];
  /** False while the unterminated last line is taken: it has no newline to step over. */
  #terminated = true;

  constructor(start: ByteOffset, maxLineBytes: number) {
    this.#splitter = new LineSplitter(this, maxLineBytes, start);
  }

  /** Appends to `out` every line `chunk` completes. A chunk must not be reused once pushed. */
  push(chunk: Buffer, out: Line[]): void {
    this.#out = out;
    this.#splitter.push(chunk);
  }

  /**
   * The unterminated last line, when the file is let go and nothing can complete it any more;
   * undefined when the file ended with a newline.
   */
  finish(): Line | undefined {
    const out: Line[] = [];
    this.#out = out;
    this.#terminated = false;
    this.#splitter.end();
    this.#terminated = true;
    return out[0];
  }

  line(text: string, offset: ByteOffset, bytes: number, truncated: boolean): void {
    this.#out.push({ offset, end: (offset + bytes + (this.#terminated ? 1 : 0)) as ByteOffset, text, bytes, truncated });
  }
}
