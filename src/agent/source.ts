import type { BigIntStats } from 'node:fs';
import { open, readdir, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import picomatch from 'picomatch';
import type { ByteOffset, Clock, Instant } from '../core/index.js';
import type { Telemetry } from '../telemetry/index.js';
import type { CheckpointRegistry } from './checkpoints.js';
import { fileIdentity, fileKey, hasFingerprint, readFingerprint, sameFile, sameFingerprint, type FileIdentity, type FileKey, type Fingerprint } from './identity.js';
import { FileLines, type Line, type Span } from './lines.js';
import { matchingFiles } from './matching-files.js';
import type { FollowerMetrics, FollowProgress } from './metrics.js';
import type { FileRef, RecordStage, RecordStageFactory } from './records.js';

/** The follower's slice of an input's configuration (docs/configuration.md). */
export interface FollowOptions {
  /** Globs of the files to follow; a new file matching one is picked up at the next poll. */
  readonly paths: readonly string[];
  /** Globs of files not to follow; a glob without `/` matches the file name. */
  readonly exclude: readonly string[];
  /** Where to begin a file the registry does not know, when it is found by the first poll. */
  readonly start_position: 'beginning' | 'end';
  readonly max_line_bytes: number;
  readonly poll_interval_seconds: number;
  /** Bytes handed on and not yet acknowledged, at most: beyond it, reading stops. */
  readonly max_in_flight_bytes: number;
  readonly multiline: { readonly flush_timeout_seconds: number };
}

/** Records of one file, handed on together and acknowledged together. */
export interface Batch<R extends Span> {
  readonly file: FileRef;
  readonly records: readonly R[];
}

/** STYLE.md's source: records in batches, each acknowledged by the next stage. */
export interface Source<R extends Span> {
  records(): AsyncIterable<Batch<R>>;
  ack(batch: Batch<R>): void;
}

export interface FileSourceDeps<R extends Span> {
  readonly registry: CheckpointRegistry;
  readonly records: RecordStageFactory<R>;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  readonly metrics: FollowerMetrics;
}

/**
 * A read takes what the file has beyond the read offset (by its last stat), within these bounds:
 * a file far behind goes in chunks of 1 MiB, which become bulk requests large enough for
 * Elasticsearch to index efficiently (256 KiB ones left it waiting: bench/ingest.ts), while a file
 * followed at its end does not allocate a megabyte for every few lines appended.
 */
const READ_CHUNK_BYTES = 1024 * 1024;
const MIN_READ_BYTES = 64 * 1024;
/** Rotated names that cannot be read as text; logrotate's `compress` makes them. */
const COMPRESSED = /\.(gz|bz2|xz|zst|zip|lz4)$/;
/** Truncations remembered for their copy: a few rotations' worth. */
const MAX_TRUNCATED_REMEMBERED = 16;
/**
 * Looks beside a live path after which a file no longer seen there is forgotten as accounted for.
 * A rename between a directory listing and a stat hides a file from one look; a file gone for this
 * many is gone, and remembering it would only grow the set by one entry per rotation for ever.
 */
const ACCOUNTED_KEPT_POLLS = 20;

interface PendingBatch<R extends Span> {
  readonly file: FollowedFile<R>;
  readonly end: ByteOffset;
  readonly bytes: number;
  readonly since: Instant;
  acknowledged: boolean;
}

/** What is known of a file when the source begins to follow it. */
interface Opening {
  readonly identity: FileIdentity;
  readonly key: FileKey;
  readonly fingerprint: Fingerprint;
  readonly handle: FileHandle;
  readonly path: string;
  readonly start: ByteOffset;
  readonly size: number;
  /** Birth time in ns (0 where the file system keeps none): tells apart two files that had one inode in turn. */
  readonly born: bigint;
}

class FollowedFile<R extends Span> {
  readonly identity: FileIdentity;
  readonly key: FileKey;
  readonly fingerprint: Fingerprint;
  handle: FileHandle | undefined;
  path: string;
  /** The path the file had when it was rotated away: a new file there waits until this one is read to its end. */
  formerPath: string | undefined;
  rotated = false;
  released = false;
  readPos: number;
  /** Size at the last poll. */
  size: number;
  acknowledged: ByteOffset;
  /** End of the last record handed on. */
  handedEnd: ByteOffset;
  readonly queue: PendingBatch<R>[] = [];
  lastLineAt: Instant;
  idleFlushed = true;
  readonly splitter: FileLines;

  constructor(
    opening: Opening,
    /** Which was followed first, for the order of files that had the same path. */
    readonly sequence: number,
    readonly stage: RecordStage<R>,
    maxLineBytes: number,
    now: Instant,
  ) {
    this.identity = opening.identity;
    this.key = opening.key;
    this.fingerprint = opening.fingerprint;
    this.handle = opening.handle;
    this.path = opening.path;
    this.readPos = opening.start;
    this.size = opening.size;
    this.acknowledged = opening.start;
    this.handedEnd = opening.start;
    this.lastLineAt = now;
    this.splitter = new FileLines(opening.start, maxLineBytes);
  }

  get ref(): FileRef {
    return { identity: this.identity, path: this.path };
  }
}

/**
 * Follows the files of one input and hands on their records in batches. Rotation (rename and
 * re-create, copytruncate, deletion) is found by polling: each poll compares every followed file's
 * open descriptor with what its path now names, and its first bytes with its fingerprint. Polling
 * rather than fs.watch, because inotify events are lost across renames, on network file systems
 * and past the watch limit, and Filebeat's filestream input polls for the same reasons.
 */
export class FileSource<R extends Span> implements Source<R>, FollowProgress {
  readonly #options: FollowOptions;
  readonly #deps: FileSourceDeps<R>;
  readonly #included: (path: string) => boolean;
  readonly #excluded: (path: string) => boolean;
  readonly #files = new Map<FileIdentity, FollowedFile<R>>();
  readonly #pending = new WeakMap<Batch<R>, PendingBatch<R>>();
  readonly #ready: Batch<R>[] = [];
  readonly #detach: () => void;
  #inFlight = 0;
  #sequence = 0;
  #closed = false;
  #pollDue = false;
  #pollTimer: NodeJS.Timeout | undefined;
  #woken = false;
  #wakeUp: (() => void) | undefined;
  #iterator: AsyncGenerator<Batch<R>> | undefined;
  /**
   * Files followed or seen beside a live path (rotated names), by device and inode: not new to the
   * agent. With the birth time, and the poll that last saw them: ext4 gives a freed inode to the
   * next file at once, so a copy logrotate makes right after it deleted the oldest rotation
   * commonly has that rotation's inode, and is new all the same. Kept per live path, and forgotten
   * only by a look beside that path: a live file missing for a while does not make its old
   * rotations new.
   */
  readonly #accounted = new Map<string, { readonly born: bigint; readonly livePath: string; seenAt: number }>();
  #polls = 0;
  /** Live paths whose neighbours were looked at: what was beside them then is history. */
  readonly #scanned = new Set<string>();
  /** Files let go by a truncation, for the copy copytruncate made of them: where their shipping ended. */
  #truncatedAway: { readonly path: string; readonly fingerprint: Fingerprint; readonly end: ByteOffset }[] = [];

  constructor(options: FollowOptions, deps: FileSourceDeps<R>) {
    this.#options = options;
    this.#deps = deps;
    this.#included = picomatch([...options.paths]);
    this.#excluded = options.exclude.length === 0 ? () => false : picomatch([...options.exclude], { basename: true });
    this.#detach = deps.metrics.attach(this);
  }

  records(): AsyncIterable<Batch<R>> {
    if (this.#iterator !== undefined) throw new Error('a FileSource is iterated once');
    this.#iterator = this.#run();
    return this.#iterator;
  }

  /** Marks `batch` as taken by the next stage; the file's checkpoint moves over every batch acknowledged before it. */
  ack(batch: Batch<R>): void {
    const pending = this.#pending.get(batch);
    if (pending === undefined) return;
    this.#pending.delete(batch);
    pending.acknowledged = true;
    this.#inFlight -= pending.bytes;
    const file = this.#files.get(batch.file.identity);
    if (file !== pending.file) return;
    let moved = false;
    while (file.queue[0]?.acknowledged === true) {
      file.acknowledged = file.queue.shift()!.end;
      moved = true;
    }
    if (moved) this.#checkpoint(file);
    this.#wake();
  }

  /** Stops reading, closes the files and writes the registry. Unacknowledged batches are read again by the next run. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#pollTimer);
    this.#wake();
    await this.#iterator?.return(undefined);
    for (const file of this.#files.values()) await this.#closeHandle(file);
    this.#detach();
    await this.#deps.registry.flush();
  }

  *files(): Iterable<{ path: string; size: number; acknowledged: number }> {
    for (const file of this.#files.values()) {
      if (!file.released) yield { path: file.path, size: file.size, acknowledged: file.acknowledged };
    }
  }

  oldestUnacknowledged(): Instant | undefined {
    let oldest: Instant | undefined;
    for (const file of this.#files.values()) {
      const since = file.queue[0]?.since;
      if (since !== undefined && (oldest === undefined || since < oldest)) oldest = since;
    }
    return oldest;
  }

  async *#run(): AsyncGenerator<Batch<R>> {
    let firstPoll = true;
    this.#pollDue = true;
    while (!this.#closed) {
      if (this.#pollDue) {
        this.#pollDue = false;
        await this.#checkFollowed();
        await this.#discover(firstPoll);
        firstPoll = false;
        // Armed after the poll, so polls never overlap; its own timer, so that a busy reader
        // woken by acknowledgements still polls (a rotation under a fast writer is found in time).
        clearTimeout(this.#pollTimer);
        this.#pollTimer = setTimeout(() => {
          this.#pollDue = true;
          this.#wake();
        }, this.#options.poll_interval_seconds * 1000);
      }
      yield* this.#drainReady();
      while (!this.#closed && !this.#pollDue && this.#inFlight < this.#options.max_in_flight_bytes && (await this.#readRound())) {
        yield* this.#drainReady();
      }
      if (this.#inFlight < this.#options.max_in_flight_bytes) this.#flushIdle();
      yield* this.#drainReady();
      if (!this.#closed && !this.#pollDue) await this.#wait();
    }
  }

  *#drainReady(): Generator<Batch<R>> {
    while (this.#ready.length > 0 && !this.#closed) yield this.#ready.shift()!;
  }

  /** Resolves at the next acknowledgement, poll or close (at once if one came since the last wait). */
  #wait(): Promise<void> {
    if (this.#woken) {
      this.#woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.#wakeUp = resolve;
    });
  }

  #wake(): void {
    const wakeUp = this.#wakeUp;
    this.#wakeUp = undefined;
    if (wakeUp === undefined) this.#woken = true;
    else wakeUp();
  }

  /** Finds rotation, deletion and truncation of the files followed, and lets go of rotated files read to their end. */
  async #checkFollowed(): Promise<void> {
    for (const file of [...this.#files.values()]) {
      if (file.released || file.handle === undefined) continue;
      const handle = file.handle;
      try {
        const stats = await handle.stat({ bigint: true });
        const size = Number(stats.size);
        // The fingerprint is compared at every poll: a file truncated and rewritten to the same
        // size between two polls differs only there.
        if (size < file.readPos || !(await hasFingerprint(handle, file.fingerprint))) {
          await this.#followTruncated(file);
          continue;
        }
        if (file.rotated) {
          // At its end at two polls in a row: whoever wrote to it after the rename has moved on.
          if (size === file.size && file.readPos >= size) await this.#release(file);
        } else if (stats.nlink === 0n) {
          this.#rotatedAway(file, 'file_deleted');
        } else if (!(await this.#stillAt(file))) {
          // Its links counted again after the path was found gone: deleted between the two looks, it is no rename.
          const deleted = (await handle.stat({ bigint: true })).nlink === 0n;
          this.#rotatedAway(file, deleted ? 'file_deleted' : 'file_rotated');
        }
        file.size = size;
      } catch (error) {
        this.#readFailed(file.path, error);
      }
    }
  }

  async #stillAt(file: FollowedFile<R>): Promise<boolean> {
    try {
      const key = fileKey(await stat(file.path, { bigint: true }));
      return sameFile(key, file.key);
    } catch {
      return false;
    }
  }

  #rotatedAway(file: FollowedFile<R>, event: 'file_rotated' | 'file_deleted'): void {
    file.rotated = true;
    file.formerPath = file.path;
    this.#deps.telemetry.emit(event, { path: file.path, identity: file.identity, offset: file.readPos });
  }

  async #discover(firstPoll: boolean): Promise<void> {
    let paths: string[];
    try {
      paths = await matchingFiles(this.#options.paths);
    } catch (error) {
      this.#readFailed(this.#options.paths.join(', '), error);
      return;
    }
    for (const path of paths) {
      if (!this.#excluded(path)) await this.#found(path, firstPoll);
    }
    if (firstPoll) await this.#recoverRotated();
    for (const path of paths) {
      if (!this.#excluded(path)) await this.#lookForUnseen(path, firstPoll);
    }
    this.#polls++;
  }

  #account(key: FileKey, born: bigint, livePath: string): void {
    this.#accounted.set(accountKey(key), { born, livePath, seenAt: this.#polls });
  }

  #isAccounted(key: FileKey, born: bigint): boolean {
    return this.#accounted.get(accountKey(key))?.born === born;
  }

  /**
   * Between two polls a writer may create a file and rotate it away again (a few MB under a busy
   * broker, or the agent's thread busy), and copytruncate leaves the lines written after the last
   * read only in its copy. Both show as a new name beside the live file (`server.log.1`, ...) with
   * a device and inode not seen there before: a copy (its first bytes are those of a file the agent
   * let go by truncation) is read from where that file's shipping ended; any other new file, never
   * seen by the agent, from its start. Names seen at the first poll are history and left alone;
   * a copy of a file still followed is looked at again at the next poll, once its truncation is.
   */
  async #lookForUnseen(livePath: string, firstPoll: boolean): Promise<void> {
    let names: string[];
    try {
      names = await readdir(dirname(livePath));
    } catch {
      return;
    }
    const base = basename(livePath);
    const history = firstPoll || !this.#scanned.has(livePath);
    this.#scanned.add(livePath);
    for (const name of names) {
      if (name === base || !name.startsWith(base) || COMPRESSED.test(name)) continue;
      const path = join(dirname(livePath), name);
      if (this.#excluded(path)) continue;
      let stats: BigIntStats;
      try {
        stats = await stat(path, { bigint: true });
      } catch {
        continue;
      }
      const key = fileKey(stats);
      const born = stats.birthtimeNs;
      if (history || this.#isAccounted(key, born) || this.#followedByKey(key) !== undefined || (await this.#followUnseen(path, key, livePath))) {
        this.#account(key, born, livePath);
      }
    }
    for (const [id, entry] of this.#accounted) {
      if (entry.livePath === livePath && this.#polls - entry.seenAt > ACCOUNTED_KEPT_POLLS) this.#accounted.delete(id);
    }
  }

  /**
   * False when the file cannot be told yet, and is looked at again at the next poll: a copy of a
   * file still followed; a file whose first line is incomplete (a copy is created empty and then
   * filled); a name that was rotated on to another file since `key` was read from it.
   */
  async #followUnseen(path: string, key: FileKey, livePath: string): Promise<boolean> {
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, 'r');
      const stats = await handle.stat({ bigint: true });
      if (!sameFile(fileKey(stats), key)) return false;
      // Read once and compared by value: a copy being written may begin with other bytes at each read.
      const fingerprint = await readFingerprint(handle);
      if (fingerprint === undefined) return false;
      for (const file of this.#files.values()) {
        if (!file.released && sameFingerprint(file.fingerprint, fingerprint)) return false;
      }
      let start = 0;
      for (const [i, away] of this.#truncatedAway.entries()) {
        if (away.path === livePath && sameFingerprint(away.fingerprint, fingerprint)) {
          start = Math.min(away.end, Number(stats.size));
          this.#truncatedAway.splice(i, 1);
          break;
        }
      }
      this.#deps.telemetry.emit('file_found_rotated', { path, beside: livePath, offset: start });
      this.#follow({ identity: fileIdentity(key, fingerprint), key, fingerprint, handle, path, start: start as ByteOffset, size: Number(stats.size), born: stats.birthtimeNs }, livePath);
      handle = undefined;
      return true;
    } catch (error) {
      this.#readFailed(path, error);
      return false;
    } finally {
      await handle?.close();
    }
  }

  async #found(path: string, firstPoll: boolean): Promise<void> {
    let key: FileKey;
    try {
      key = fileKey(await stat(path, { bigint: true }));
    } catch {
      return;
    }
    const known = this.#followedByKey(key);
    if (known !== undefined) {
      // Renamed to another path the globs match (`server.log*`): still followed, under its new name.
      if (known.path !== path) {
        known.path = path;
        known.rotated = false;
      }
      return;
    }
    // Rotated since the check at the start of this poll: marked now, so the new file waits for it.
    for (const file of this.#files.values()) {
      if (!file.released && !file.rotated && file.path === path) this.#rotatedAway(file, 'file_rotated');
    }
    let handle: FileHandle | undefined;
    try {
      handle = await open(path, 'r');
      const stats = await handle.stat({ bigint: true });
      const fingerprint = await readFingerprint(handle);
      // Not yet identifiable: its first line is incomplete. Looked at again at the next poll.
      if (fingerprint === undefined) return await handle.close();
      const opened = fileKey(stats);
      const identity = fileIdentity(opened, fingerprint);
      const size = Number(stats.size);
      const checkpoint = this.#deps.registry.get(identity);
      let start: number;
      if (checkpoint !== undefined && checkpoint.offset <= size) start = checkpoint.offset;
      else if (checkpoint !== undefined) {
        // Same first line, shorter than its checkpoint: truncated and rewritten while the agent was down.
        this.#deps.telemetry.emit('file_truncated', { path, offset: checkpoint.offset, size });
        start = 0;
      } else if (firstPoll && this.#options.start_position === 'end') start = await lastLineEnd(handle, size);
      else start = 0;
      this.#follow({ identity, key: opened, fingerprint, handle, path, start: start as ByteOffset, size, born: stats.birthtimeNs }, undefined);
      handle = undefined;
    } catch (error) {
      this.#readFailed(path, error);
      await handle?.close();
    }
  }

  /**
   * After a restart: a checkpointed file no longer at its path was rotated while the agent was
   * down. It is looked for beside its old path (every rotation scheme keeps the directory) by
   * device and inode, confirmed by fingerprint, and read from its checkpoint to its end.
   */
  async #recoverRotated(): Promise<void> {
    const followed = new Set(this.#files.keys());
    for (const checkpoint of this.#deps.registry.entries()) {
      if (followed.has(checkpoint.identity) || !this.#included(checkpoint.path) || this.#excluded(checkpoint.path)) continue;
      const path = await this.#lookBeside(checkpoint.path, checkpoint);
      let handle: FileHandle | undefined;
      try {
        if (path !== undefined) {
          handle = await open(path, 'r');
          const stats = await handle.stat({ bigint: true });
          const key = fileKey(stats);
          if (sameFile(key, checkpoint) && (await hasFingerprint(handle, checkpoint.fingerprint)) && checkpoint.offset <= Number(stats.size)) {
            const { identity, fingerprint, offset } = checkpoint;
            this.#follow({ identity, key, fingerprint, handle, path, start: offset, size: Number(stats.size), born: stats.birthtimeNs }, checkpoint.path);
            handle = undefined;
            continue;
          }
        }
      } catch (error) {
        this.#readFailed(checkpoint.path, error);
      } finally {
        await handle?.close();
      }
      this.#deps.registry.delete(checkpoint.identity);
      this.#deps.telemetry.emit('checkpoint_dropped', { path: checkpoint.path, identity: checkpoint.identity, offset: checkpoint.offset });
    }
  }

  async #lookBeside(path: string, key: FileKey): Promise<string | undefined> {
    let names: string[];
    try {
      names = await readdir(dirname(path));
    } catch {
      return undefined;
    }
    const prefix = basename(path);
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const candidate = join(dirname(path), name);
      try {
        const found = fileKey(await stat(candidate, { bigint: true }));
        if (sameFile(found, key)) return candidate;
      } catch {
        // Rotated away again while we looked: not this one.
      }
    }
    return undefined;
  }

  /** Begins to follow a file; `rotatedFrom` is the path it had, for one rotated while the agent was down. */
  #follow(opening: Opening, rotatedFrom: string | undefined): FollowedFile<R> {
    const { identity, path } = opening;
    this.#account(opening.key, opening.born, rotatedFrom ?? path);
    const file = new FollowedFile(opening, this.#sequence++, this.#deps.records({ identity, path }), this.#options.max_line_bytes, this.#deps.clock.now());
    if (rotatedFrom !== undefined) {
      file.rotated = true;
      file.formerPath = rotatedFrom;
    }
    this.#files.set(identity, file);
    this.#checkpoint(file);
    this.#deps.telemetry.emit('file_opened', { path, identity, offset: opening.start });
    return file;
  }

  #followedByKey(key: FileKey): FollowedFile<R> | undefined {
    for (const file of this.#files.values()) {
      if (!file.released && sameFile(file.key, key)) return file;
    }
    return undefined;
  }

  /** Reads one chunk of every readable file; false when none had anything to read. */
  async #readRound(): Promise<boolean> {
    let progressed = false;
    for (const file of [...this.#files.values()]) {
      if (this.#closed || this.#inFlight >= this.#options.max_in_flight_bytes) break;
      if (file.released || file.handle === undefined || this.#waitsForPredecessor(file)) continue;
      try {
        if (await this.#readChunk(file)) progressed = true;
      } catch (error) {
        this.#readFailed(file.path, error);
      }
    }
    return progressed;
  }

  /**
   * The files that had one path are read in the order they had it: a file that replaced a rotated
   * one waits until the rotated one is read to its end, and of two rotated ones (the agent was
   * down across two rotations) the one followed first goes first.
   */
  #waitsForPredecessor(file: FollowedFile<R>): boolean {
    const path = file.formerPath ?? file.path;
    for (const other of this.#files.values()) {
      if (other === file || other.released || other.formerPath !== path || other.readPos >= other.size) continue;
      if (file.formerPath === undefined || other.sequence < file.sequence) return true;
    }
    return false;
  }

  async #readChunk(file: FollowedFile<R>): Promise<boolean> {
    const want = Math.min(READ_CHUNK_BYTES, Math.max(MIN_READ_BYTES, file.size - file.readPos));
    const buffer = Buffer.allocUnsafe(want);
    const handle = file.handle!;
    const { bytesRead } = await handle.read(buffer, 0, want, file.readPos);
    if (bytesRead === 0) return false;
    // Truncated and rewritten past the read offset since the last poll: the chunk is the new
    // content's middle, not the old content's continuation, and must not be handed on. Checked
    // after the read, so a chunk that passes was read before any truncation.
    if (!(await hasFingerprint(handle, file.fingerprint))) {
      await this.#followTruncated(file);
      return true;
    }
    file.readPos += bytesRead;
    if (file.readPos > file.size) file.size = file.readPos;
    const { metrics } = this.#deps;
    metrics.bytesRead.inc(bytesRead);
    const lines: Line[] = [];
    file.splitter.push(buffer.subarray(0, bytesRead), lines);
    if (lines.length > 0) this.#pushLines(file, lines);
    return true;
  }

  #pushLines(file: FollowedFile<R>, lines: readonly Line[]): void {
    const { metrics } = this.#deps;
    metrics.linesRead.inc(lines.length);
    const records: R[] = [];
    for (const line of lines) {
      if (line.truncated) metrics.linesTruncated.inc();
      file.stage.push(line, records);
    }
    file.lastLineAt = this.#deps.clock.now();
    file.idleFlushed = false;
    this.#handOn(file, records);
  }

  /** Hands on the records an assembler holds for files idle for the multi-line flush timeout. */
  #flushIdle(): void {
    const now = this.#deps.clock.now();
    const timeout = this.#options.multiline.flush_timeout_seconds * 1000;
    for (const file of this.#files.values()) {
      // Not idle while bytes wait unread (reading paused by backpressure): the record held may
      // go on in them, and flushing it would cut it in two.
      if (file.released || file.idleFlushed || now - file.lastLineAt < timeout || file.readPos < file.size) continue;
      file.idleFlushed = true;
      const records: R[] = [];
      file.stage.flush(records);
      this.#handOn(file, records);
    }
  }

  /** Hands on what a file still holds and stops following it; its checkpoint goes once that is acknowledged. */
  #letGo(file: FollowedFile<R>, complete: boolean): void {
    const records: R[] = [];
    const last = complete ? file.splitter.finish() : undefined;
    if (last !== undefined) {
      this.#deps.metrics.linesRead.inc();
      file.stage.push(last, records);
    }
    file.stage.flush(records);
    this.#handOn(file, records);
    file.released = true;
    if (file.queue.length === 0) this.#forget(file);
  }

  /** A rotated or deleted file read to its end: its unterminated last line is handed on too, as nothing can end it now. */
  async #release(file: FollowedFile<R>): Promise<void> {
    this.#letGo(file, true);
    await this.#closeHandle(file);
    this.#deps.telemetry.emit('file_released', { path: file.path, identity: file.identity, offset: file.readPos });
  }

  /**
   * Truncated (copytruncate) or rewritten: the old content is let go and the same descriptor is
   * followed again from 0 under the identity of its new first line, whatever its path is by now.
   * While the new first line is incomplete the file is left to discovery at its path.
   */
  async #followTruncated(file: FollowedFile<R>): Promise<void> {
    const handle = file.handle!;
    const stats = await handle.stat({ bigint: true });
    const size = Number(stats.size);
    this.#deps.telemetry.emit('file_truncated', { path: file.path, offset: file.readPos, size });
    file.handle = undefined;
    // The bytes not read before the truncation are gone; what was read is handed on.
    this.#letGo(file, false);
    // Where shipping ended, for the copy copytruncate made: it holds what was not read.
    this.#truncatedAway = [...this.#truncatedAway.slice(-(MAX_TRUNCATED_REMEMBERED - 1)), { path: file.path, fingerprint: file.fingerprint, end: file.handedEnd }];
    let fingerprint: Fingerprint | undefined;
    try {
      fingerprint = await readFingerprint(handle);
    } finally {
      if (fingerprint === undefined) await handle.close();
    }
    if (fingerprint === undefined) return;
    const identity = fileIdentity(file.key, fingerprint);
    const again = this.#follow({ identity, key: file.key, fingerprint, handle, path: file.path, start: 0 as ByteOffset, size, born: stats.birthtimeNs }, file.formerPath);
    again.rotated = file.rotated;
  }

  #forget(file: FollowedFile<R>): void {
    this.#files.delete(file.identity);
    this.#deps.registry.delete(file.identity);
  }

  #handOn(file: FollowedFile<R>, records: readonly R[]): void {
    const last = records[records.length - 1];
    if (last === undefined) return;
    const batch: Batch<R> = { file: file.ref, records };
    const pending: PendingBatch<R> = {
      file,
      end: last.end,
      bytes: last.end - file.handedEnd,
      since: this.#deps.clock.now(),
      acknowledged: false,
    };
    file.handedEnd = last.end;
    file.queue.push(pending);
    this.#pending.set(batch, pending);
    this.#inFlight += pending.bytes;
    this.#ready.push(batch);
  }

  #checkpoint(file: FollowedFile<R>): void {
    if (file.released && file.queue.length === 0) {
      this.#forget(file);
      return;
    }
    this.#deps.registry.set({
      identity: file.identity,
      // A rotated file keeps the path its input knew it by: a restart looks for it beside that path.
      path: file.formerPath ?? file.path,
      dev: file.key.dev,
      ino: file.key.ino,
      fingerprint: file.fingerprint,
      offset: file.acknowledged,
    });
  }

  async #closeHandle(file: FollowedFile<R>): Promise<void> {
    const handle = file.handle;
    file.handle = undefined;
    await handle?.close();
  }

  #readFailed(path: string, error: unknown): void {
    this.#deps.telemetry.emit('file_read_failed', { path, error: (error as Error).message });
  }
}

function accountKey(key: FileKey): string {
  return `${key.dev}:${key.ino}`;
}

/** Where the last complete line of a file ends: following from the end starts at a line's beginning. */
async function lastLineEnd(handle: FileHandle, size: number): Promise<number> {
  const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
  for (let end = size; end > 0; end -= READ_CHUNK_BYTES) {
    const start = Math.max(0, end - READ_CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const newline = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (newline !== -1) return start + newline + 1;
  }
  return 0;
}
