// Runs an event-pattern table over a message. Nearly every record matches no row, so a message is
// first searched for all rows' `contains` at once (Wu-Manber: a window of the shortest `contains`
// length slides over the message and skips ahead by a table of three-character blocks, looking at
// about one position in six of a Kafka message); only rows whose `contains` occurs are tried, in
// table order. A per-row `includes` cost half the Kafka parser's throughput, a char-pair bitmask
// still over a quarter (long messages set nearly all its bits); this search, about one plain read
// of the message in JavaScript: bench/parse.ts.
import type { EventFields, EventPatternTable } from '../../parsers/pattern.js';
import type { EventAction } from '../core/index.js';

export interface Classification {
  readonly action: EventAction;
  readonly fields: EventFields;
}

const NO_FIELDS: EventFields = Object.freeze({});
/** `contains` shorter than this is checked with `includes`: it would shorten every skip. */
const MIN_WINDOW = 6;

/** Characters of a block: the skip table is indexed by the block ending at the window's end. */
const BLOCK = 3;

/**
 * The BLOCK characters ending at `end` -> 16 bits. Blocks sharing a value only make the window
 * move less, never miss a `contains`; two-character blocks hit common English pairs too often.
 */
function block(text: string, end: number): number {
  const h = (text.charCodeAt(end - 2) & 255) * 961 + (text.charCodeAt(end - 1) & 255) * 31 + (text.charCodeAt(end) & 255);
  return (h ^ (h >>> 16)) & 0xffff;
}

interface CompiledTable {
  /** The window: the length of the shortest `contains` searched by skipping. */
  readonly window: number;
  /** Per block, how far the window may move when its last two characters are that block. */
  readonly shift: Uint8Array;
  /** Per block of shift 0, the rows whose `contains` may start where the window starts. */
  readonly ends: readonly (readonly number[] | undefined)[];
  /** Rows with a short `contains`. */
  readonly short: readonly number[];
  /**
   * Per row, the first character of its `contains`: where a block says one may start, that one
   * character rules out most before a startsWith call (which costs a dozen of such reads).
   */
  readonly first: Uint16Array;
  /** Per row, whether its `contains` was found already, while a message is searched (one at a time). */
  readonly found: Uint8Array;
  /** The rows found in the message being classified: the first `search()` of them. */
  readonly candidates: Int32Array;
}

const COMPILED = new WeakMap<EventPatternTable, CompiledTable>();

function compile(table: EventPatternTable): CompiledTable {
  const long = table.flatMap((row, index) => (row.contains.length >= MIN_WINDOW ? [index] : []));
  const short = table.flatMap((row, index) => (row.contains.length < MIN_WINDOW ? [index] : []));
  const window = long.length === 0 ? MIN_WINDOW : Math.min(...long.map((index) => table[index]!.contains.length));
  const shift = new Uint8Array(1 << 16).fill(window - BLOCK + 1);
  // Dense, so that a lookup is an indexed load (a sparse array would be a dictionary).
  const ends: (number[] | undefined)[] = new Array<undefined>(1 << 16).fill(undefined);
  for (const index of long) {
    const contains = table[index]!.contains;
    for (let end = BLOCK - 1; end < window; end++) {
      const key = block(contains, end);
      shift[key] = Math.min(shift[key]!, window - 1 - end);
    }
    (ends[block(contains, window - 1)] ??= []).push(index);
  }
  const first = Uint16Array.from(table, (row) => row.contains.charCodeAt(0));
  return { window, shift, ends, short, first, found: new Uint8Array(table.length), candidates: new Int32Array(table.length) };
}

function compiled(table: EventPatternTable): CompiledTable {
  let entry = COMPILED.get(table);
  if (entry === undefined) {
    entry = compile(table);
    COMPILED.set(table, entry);
  }
  return entry;
}

/** Fills `candidates` with the rows whose `contains` occurs in the message; returns how many. */
function search(table: EventPatternTable, compiled: CompiledTable, message: string): number {
  const { window, shift, ends, short, first, found, candidates } = compiled;
  let count = 0;
  for (const index of short) {
    if (message.includes(table[index]!.contains)) {
      found[index] = 1;
      candidates[count++] = index;
    }
  }
  const length = message.length;
  let end = window - 1;
  while (end < length) {
    const key = block(message, end);
    const skip = shift[key]!;
    if (skip !== 0) {
      end += skip;
      continue;
    }
    const start = end - window + 1;
    const code = message.charCodeAt(start);
    for (const index of ends[key]!) {
      if (first[index] === code && found[index] === 0 && message.startsWith(table[index]!.contains, start)) {
        found[index] = 1;
        candidates[count++] = index;
      }
    }
    end++;
  }
  for (let i = 0; i < count; i++) found[candidates[i]!] = 0;
  return count;
}

/** The event a message announces, by the first row of `table` that matches it, or undefined. */
export function classify(table: EventPatternTable, message: string, logger?: string): Classification | undefined {
  const entry = compiled(table);
  const count = search(table, entry, message);
  const candidates = entry.candidates;
  if (count > 1) candidates.subarray(0, count).sort();
  for (let i = 0; i < count; i++) {
    const row = table[candidates[i]!]!;
    if (row.logger !== undefined && (logger === undefined || !row.logger.test(logger))) continue;
    const match = row.pattern.exec(message);
    if (match === null) continue;
    return { action: row.action, fields: row.fields === undefined ? NO_FIELDS : row.fields(match) };
  }
  return undefined;
}
