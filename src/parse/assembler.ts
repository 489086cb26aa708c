// Lines -> records. Pure and incremental: fed lines with their byte offsets, it emits each record
// with the offset of its first line, its text and its raw lines, as soon as the next record starts
// or, for the last one, once `flushAfterMs` of the injected clock has passed without a new line
// (the agent calls poll(), or sets a timer for deadline()). A record over `maxRecordBytes` keeps
// its first bytes and is marked truncated; the lines it drops still belong to it.
import type { ByteOffset, Clock } from '../core/index.js';

export interface AssembledRecord {
  readonly offset: ByteOffset;
  /** Past the record's last line and its newline: where the next record begins (a checkpoint). */
  readonly end: ByteOffset;
  /** The record as its layout reads it: wrapper prefixes removed, repeated prefixes folded. */
  readonly text: string;
  /** The record's lines as they were written. */
  readonly original: string;
  readonly lines: number;
  readonly truncated: boolean;
  /** The wrapper's stamp of the record's first line, where it has one (Unwrapped.stamp). */
  readonly stamp?: string;
}

export interface RecordFraming {
  startsRecord(line: string, first: string | undefined): boolean;
  continuation?(line: string): string;
}

export interface RecordSink {
  record(record: AssembledRecord): void;
}

export interface AssemblerOptions {
  readonly framing: RecordFraming;
  readonly sink: RecordSink;
  readonly clock: Clock;
  readonly flushAfterMs: number;
  readonly maxRecordBytes: number;
  /** Lines at most in one record (a runaway stack trace); the rest still belong to it, dropped. */
  readonly maxRecordLines?: number;
}

export class RecordAssembler {
  readonly #framing: RecordFraming;
  readonly #sink: RecordSink;
  readonly #clock: Clock;
  readonly #flushAfterMs: number;
  readonly #maxRecordBytes: number;
  readonly #maxRecordLines: number;
  #pending = false;
  #offset = 0;
  #first = '';
  #text = '';
  #original = '';
  #lines = 0;
  #bytes = 0;
  #truncated = false;
  #stamp: string | undefined;
  /** Whether the raw lines are the text so far (no wrapper, no folded prefix): one string serves both. */
  #same = true;
  #lastLineAt = 0;

  constructor(options: AssemblerOptions) {
    this.#framing = options.framing;
    this.#sink = options.sink;
    this.#clock = options.clock;
    this.#flushAfterMs = options.flushAfterMs;
    this.#maxRecordBytes = options.maxRecordBytes;
    this.#maxRecordLines = options.maxRecordLines ?? Infinity;
  }

  /**
   * One line. `text` is what the layout reads, `original` the line as written (they differ under a
   * wrapper); `bytes` its length in the input; `truncated` that it was cut to the line limit;
   * `stamp` its wrapper's time.
   */
  push(text: string, original: string, offset: ByteOffset, bytes: number, truncated: boolean, stamp?: string): void {
    this.#lastLineAt = this.#clock.now();
    if (!this.#pending || this.#framing.startsRecord(text, this.#first)) {
      if (this.#pending) this.#emit();
      this.#pending = true;
      this.#offset = offset;
      this.#first = text;
      this.#lines = 1;
      this.#bytes = bytes;
      this.#truncated = truncated;
      this.#stamp = stamp;
      this.#same = original === text;
      if (bytes > this.#maxRecordBytes) {
        this.#truncated = true;
        this.#text = text.slice(0, this.#maxRecordBytes);
        this.#original = original === text ? this.#text : original.slice(0, this.#maxRecordBytes);
      } else {
        this.#text = text;
        this.#original = original;
      }
      return;
    }
    this.#lines++;
    this.#bytes += bytes + 1;
    if (truncated) this.#truncated = true;
    if (this.#bytes > this.#maxRecordBytes || this.#lines > this.#maxRecordLines) {
      this.#truncated = true;
      return;
    }
    const joined = this.#framing.continuation === undefined ? text : this.#framing.continuation(text);
    this.#text += '\n' + joined;
    if (this.#same && original === text && joined === text) {
      this.#original = this.#text;
    } else {
      this.#same = false;
      this.#original += '\n' + original;
    }
  }

  /** When the pending record will be flushed by poll(), or undefined when none is pending. */
  deadline(): number | undefined {
    return this.#pending ? this.#lastLineAt + this.#flushAfterMs : undefined;
  }

  /** Emits the pending record if no line came for `flushAfterMs`. */
  poll(): void {
    if (this.#pending && this.#clock.now() - this.#lastLineAt >= this.#flushAfterMs) this.#emit();
  }

  /** Emits the pending record: the input ended. */
  end(): void {
    if (this.#pending) this.#emit();
  }

  #emit(): void {
    this.#pending = false;
    const fields = {
      offset: this.#offset as ByteOffset,
      end: (this.#offset + this.#bytes + 1) as ByteOffset,
      text: this.#text,
      original: this.#original,
      lines: this.#lines,
      truncated: this.#truncated,
    };
    const record: AssembledRecord = this.#stamp === undefined ? fields : { ...fields, stamp: this.#stamp };
    this.#first = this.#text = this.#original = '';
    this.#sink.record(record);
  }
}
