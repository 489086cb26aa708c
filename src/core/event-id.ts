import { hash } from 'node:crypto';

/**
 * A deterministic event id: the same record read again (a restart, a replay, an at-least-once
 * redelivery) gets the same id, so stores overwrite instead of adding.
 */
export type EventId = string & { readonly __brand: 'EventId' };

/** Byte position of a record's first byte in its file. */
export type ByteOffset = number & { readonly __brand: 'ByteOffset' };

/** base64url's characters in ASCII order: fixed-width numbers written with them sort as numbers do. */
const DIGITS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
const DIGIT = Uint8Array.from(DIGITS, (ch) => ch.charCodeAt(0));
/** The offset's 9 characters (54 bits) are written as its top 24 bits, then its low 30. */
const TWO_30 = 1 << 30;

/** The text the ids of a file start with: 66 bits of SHA-256 over host and file identity. */
function filePrefix(host: string, fileIdentity: string): string {
  const digest = hash('sha256', `${host}\0${fileIdentity}`, 'buffer');
  let prefix = '';
  for (let bit = 0; bit < 66; bit += 6) {
    const byte = bit >>> 3;
    const pair = (digest[byte]! << 8) | digest[byte + 1]!;
    prefix += DIGITS[(pair >>> (10 - (bit & 7))) & 63];
  }
  return prefix;
}

/** Files recently given ids: an input asks for ids of one file record after record. */
const PREFIXES = new Map<string, string>();
const PREFIXES_LIMIT = 4096;
let lastHost = '';
let lastFile = '';
let lastPrefix = '';

function prefixOf(host: string, fileIdentity: string): string {
  if (lastPrefix !== '' && host === lastHost && fileIdentity === lastFile) return lastPrefix;
  const name = `${host}\0${fileIdentity}`;
  let prefix = PREFIXES.get(name);
  if (prefix === undefined) {
    if (PREFIXES.size >= PREFIXES_LIMIT) PREFIXES.clear();
    prefix = filePrefix(host, fileIdentity);
    PREFIXES.set(name, prefix);
  }
  lastHost = host;
  lastFile = fileIdentity;
  lastPrefix = prefix;
  return prefix;
}

/**
 * `fileIdentity` names the file independently of its path (device, inode and a fingerprint of its
 * first bytes, as the agent computes it), so that a record keeps its id after rotation renames the
 * file it was read from.
 *
 * 20 base64url characters: 66 bits of SHA-256 over host and file identity (hashed once per file,
 * not per record), then the offset (up to 2^53) in 9 characters of an alphabet in ASCII order, so
 * that the ids of a file grow with its offsets. Two records of one file never share an id; two files
 * share the first part with probability 2^-66. Elasticsearch's tuning guide asks for growing ids
 * when documents bring their own: every write first looks its id up in each segment, and a segment
 * whose ids all sort below it is passed over at once.
 */
export function eventId(host: string, fileIdentity: string, offset: number): EventId {
  // One string per id, not one per character: this runs for every record.
  const high = Math.floor(offset / TWO_30);
  const low = offset % TWO_30;
  const digits = String.fromCharCode(
    DIGIT[(high >>> 18) & 63]!,
    DIGIT[(high >>> 12) & 63]!,
    DIGIT[(high >>> 6) & 63]!,
    DIGIT[high & 63]!,
    DIGIT[(low >>> 24) & 63]!,
    DIGIT[(low >>> 18) & 63]!,
    DIGIT[(low >>> 12) & 63]!,
    DIGIT[(low >>> 6) & 63]!,
    DIGIT[low & 63]!,
  );
  return (prefixOf(host, fileIdentity) + digits) as EventId;
}
