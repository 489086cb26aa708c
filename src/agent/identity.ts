import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/**
 * Names a file independently of its path, so that a checkpoint and an event id follow the file
 * through a rename: device and inode, plus a fingerprint of its first bytes, because file systems
 * reuse the inode of a deleted file at once (a log rotated away and a new log created in the
 * same second commonly get the same inode on ext4).
 */
export type FileIdentity = string & { readonly __brand: 'FileIdentity' };

/**
 * A hash of a file's first line (its first FINGERPRINT_MAX_BYTES bytes when that line is longer).
 * A broker's first line carries a timestamp, so two files rarely share it; and unlike a fixed
 * byte count it is known as soon as the first line is complete, so a new file that has written
 * one line is followed at once and its identity never changes as it grows.
 */
export interface Fingerprint {
  /** How many bytes the hash covers. */
  readonly length: number;
  readonly hash: string;
}

export const FINGERPRINT_MAX_BYTES = 1024;

const NEWLINE = 0x0a;

export interface FileKey {
  readonly dev: string;
  readonly ino: string;
}

export function fileKey(stats: BigIntStats): FileKey {
  return { dev: stats.dev.toString(), ino: stats.ino.toString() };
}

/** Whether two stats name the same file (not necessarily with the same content: see Fingerprint). */
export function sameFile(a: FileKey, b: FileKey): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

export function fileIdentity(key: FileKey, fingerprint: Fingerprint): FileIdentity {
  return `${key.dev}:${key.ino}:${fingerprint.hash}` as FileIdentity;
}

/** The fingerprint of an open file, or undefined while its first line is still incomplete. */
export async function readFingerprint(handle: FileHandle): Promise<Fingerprint | undefined> {
  const head = await readHead(handle, FINGERPRINT_MAX_BYTES);
  const newline = head.indexOf(NEWLINE);
  if (newline === -1 && head.length < FINGERPRINT_MAX_BYTES) return undefined;
  const length = newline === -1 ? head.length : newline + 1;
  return { length, hash: hashOf(head.subarray(0, length)) };
}

/** Whether two files began with the same first line when their fingerprints were taken. */
export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.length === b.length && a.hash === b.hash;
}

/** Whether the file still begins with the bytes `fingerprint` was taken from (false once truncated and rewritten). */
export async function hasFingerprint(handle: FileHandle, fingerprint: Fingerprint): Promise<boolean> {
  const head = await readHead(handle, fingerprint.length);
  return head.length === fingerprint.length && hashOf(head) === fingerprint.hash;
}

async function readHead(handle: FileHandle, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}
