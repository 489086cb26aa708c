import { hash } from 'node:crypto';

/**
 * A deterministic event id: the same record read again (a restart, a replay, an at-least-once
 * redelivery) gets the same id, so stores overwrite instead of adding.
 */
export type EventId = string & { readonly __brand: 'EventId' };

/** Byte position of a record's first byte in its file. */
export type ByteOffset = number & { readonly __brand: 'ByteOffset' };

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = Uint8Array.from(BASE64URL, (ch) => ch.charCodeAt(0));
const TWO_32 = 4294967296;
const ROUNDS = 4;

/** What an id takes from its file: the text its ids start with, and the keys of the offset's permutation. */
interface FileKey {
  readonly prefix: string;
  readonly rounds: Int32Array;
}

function fileKey(host: string, fileIdentity: string): FileKey {
  const digest = hash('sha256', `${host}\0${fileIdentity}`, 'buffer');
  // The first 66 bits of the digest, as 11 base64url characters.
  let prefix = '';
  for (let bit = 0; bit < 66; bit += 6) {
    const byte = bit >>> 3;
    const pair = (digest[byte]! << 8) | digest[byte + 1]!;
    prefix += BASE64URL[(pair >>> (10 - (bit & 7))) & 63];
  }
  const rounds = new Int32Array(ROUNDS);
  for (let i = 0; i < ROUNDS; i++) rounds[i] = digest.readInt32BE(16 + 4 * i);
  return { prefix, rounds };
}

/** murmur3's 32-bit finaliser: each input bit flips about half the output bits. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Files recently given ids: an input asks for ids of one file record after record. */
const KEYS = new Map<string, FileKey>();
const KEYS_LIMIT = 4096;
let lastHost = '';
let lastFile = '';
let lastKey: FileKey | undefined;

function keyOf(host: string, fileIdentity: string): FileKey {
  if (lastKey !== undefined && host === lastHost && fileIdentity === lastFile) return lastKey;
  const name = `${host}\0${fileIdentity}`;
  let key = KEYS.get(name);
  if (key === undefined) {
    if (KEYS.size >= KEYS_LIMIT) KEYS.clear();
    key = fileKey(host, fileIdentity);
    KEYS.set(name, key);
  }
  lastHost = host;
  lastFile = fileIdentity;
  lastKey = key;
  return key;
}

/**
 * `fileIdentity` names the file independently of its path (device, inode and a fingerprint of its
 * first bytes, as the agent computes it), so that a record keeps its id after rotation renames the
 * file it was read from.
 *
 * 22 base64url characters: 66 bits of SHA-256 over host and file identity (hashed once per file,
 * not per record), then the offset (up to 2^53) through a four-round Feistel permutation of 64 bits
 * keyed by the rest of that digest. A permutation never maps two offsets to one value, so the
 * records of one file never share an id; two files share the first part with probability 2^-66.
 */
export function eventId(host: string, fileIdentity: string, offset: number): EventId {
  const { prefix, rounds } = keyOf(host, fileIdentity);
  let left = Math.floor(offset / TWO_32) | 0;
  let right = offset | 0;
  for (let i = 0; i < ROUNDS; i++) {
    const next = left ^ mix(right ^ rounds[i]!);
    left = right;
    right = next;
  }
  const id =
    prefix +
    String.fromCharCode(
      DIGIT[left >>> 26]!,
      DIGIT[(left >>> 20) & 63]!,
      DIGIT[(left >>> 14) & 63]!,
      DIGIT[(left >>> 8) & 63]!,
      DIGIT[(left >>> 2) & 63]!,
      DIGIT[((left & 3) << 4) | (right >>> 28)]!,
      DIGIT[(right >>> 22) & 63]!,
      DIGIT[(right >>> 16) & 63]!,
      DIGIT[(right >>> 10) & 63]!,
      DIGIT[(right >>> 4) & 63]!,
      DIGIT[right & 15]!,
    );
  return id as EventId;
}
