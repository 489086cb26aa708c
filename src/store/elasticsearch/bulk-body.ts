// Bulk request bodies (NDJSON: an action line, then the document) written straight into buffers as
// the documents are serialised. A document's JSON is then a string that dies at once: kept per
// event until its request was answered, and joined into a body, those strings outlived
// young-generation collections, each of which copied them again; collection took a quarter of the
// shipper's time, and the serialisation half as much again (bench/ingest.ts).
import type { EventId } from '../../core/index.js';

export interface BulkDocument {
  readonly id: EventId;
  readonly index: string;
  /** The document, JSON. */
  readonly source: string;
}

/** Where a document lies in its request's body: its action line from `start`, itself from `sourceStart`, up to `end` (past its newline). */
export interface BodyItem {
  readonly id: EventId;
  readonly index: string;
  readonly start: number;
  readonly sourceStart: number;
  readonly end: number;
}

export interface BulkRequestBody {
  readonly body: Buffer;
  readonly items: readonly BodyItem[];
}

/** `create` fails with 409 for an id already stored (a replay); `index` replaces it. */
export type BulkAction = 'create' | 'index';

export interface BodyLimits {
  /** UTF-8 bytes of a body, at most. */
  readonly maxBulkBytes: number;
  readonly maxBulkDocs: number;
}

const FIRST_CAPACITY = 64 * 1024;
const NEWLINE = 0x0a;
/** The most UTF-8 bytes a UTF-16 code unit becomes. */
const MAX_BYTES_PER_CHAR = 3;

/**
 * Documents, in order, as request bodies of at most `maxBulkDocs` documents and `maxBulkBytes`
 * bytes; a document larger than that alone makes a request of its own (Elasticsearch decides
 * about it).
 */
export function encodeBodies(documents: Iterable<BulkDocument>, action: BulkAction, limits: BodyLimits): BulkRequestBody[] {
  const writer = new BodyWriter(action, limits);
  for (const document of documents) writer.add(document);
  return writer.finish();
}

class BodyWriter {
  readonly #action: BulkAction;
  readonly #limits: BodyLimits;
  readonly #requests: BulkRequestBody[] = [];
  #buffer = Buffer.allocUnsafe(FIRST_CAPACITY);
  #used = 0;
  #items: BodyItem[] = [];

  constructor(action: BulkAction, limits: BodyLimits) {
    this.#action = action;
    this.#limits = limits;
  }

  add({ id, index, source }: BulkDocument): void {
    if (this.#items.length >= this.#limits.maxBulkDocs) this.#close();
    const actionLine = `{"${this.#action}":{"_index":${JSON.stringify(index)},"_id":${JSON.stringify(id)}}}\n`;
    this.#reserve(MAX_BYTES_PER_CHAR * (actionLine.length + source.length + 1));
    const start = this.#used;
    const sourceStart = start + this.#buffer.write(actionLine, start);
    let end = sourceStart + this.#buffer.write(source, sourceStart);
    this.#buffer[end++] = NEWLINE;
    if (end > this.#limits.maxBulkBytes && this.#items.length > 0) {
      // Too large beside the documents before it: it begins the next request.
      const written = this.#buffer.subarray(start, end);
      this.#close();
      this.#reserve(written.length);
      written.copy(this.#buffer, 0);
      this.#items.push({ id, index, start: 0, sourceStart: sourceStart - start, end: written.length });
      this.#used = written.length;
      return;
    }
    this.#items.push({ id, index, start, sourceStart, end });
    this.#used = end;
  }

  finish(): BulkRequestBody[] {
    if (this.#items.length > 0) this.#close();
    return this.#requests;
  }

  /** Room for `bytes` more: a larger buffer, what was written copied into it. */
  #reserve(bytes: number): void {
    if (this.#used + bytes <= this.#buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(2 * this.#buffer.length, this.#used + bytes));
    this.#buffer.copy(larger, 0, 0, this.#used);
    this.#buffer = larger;
  }

  #close(): void {
    this.#requests.push({ body: this.#buffer.subarray(0, this.#used), items: this.#items });
    // The next request of a large batch is likely as large as this one: no growing from small again.
    this.#buffer = Buffer.allocUnsafe(Math.max(FIRST_CAPACITY, this.#used));
    this.#used = 0;
    this.#items = [];
  }
}
