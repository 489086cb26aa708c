import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ByteOffset, Clock, Instant } from '../core/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { CheckpointRegistryUnreadable, CheckpointWriteFailed } from './errors.js';
import type { FileIdentity, Fingerprint } from './identity.js';

/** How far one file has been acknowledged by the next stage. */
export interface Checkpoint {
  readonly identity: FileIdentity;
  /** Where the file was last seen: after a restart, the first place to look for it. */
  readonly path: string;
  readonly dev: string;
  readonly ino: string;
  readonly fingerprint: Fingerprint;
  /** Every byte before this offset was acknowledged; reading resumes here. */
  readonly offset: ByteOffset;
}

const registrySchema = z.strictObject({
  version: z.literal(1),
  files: z.array(
    z.strictObject({
      identity: z.string(),
      path: z.string(),
      dev: z.string(),
      ino: z.string(),
      fingerprint: z.strictObject({ length: z.number().int().positive(), hash: z.string() }),
      offset: z.number().int().nonnegative(),
    }),
  ),
});

/**
 * The agent's registry of checkpoints (Filebeat's registry): one JSON file, replaced atomically
 * (write a temporary file, fsync it, rename it over the old one, fsync the directory), so that a
 * crash at any instant leaves either the previous or the next complete registry. Writes are
 * coalesced: changes made while a write is under way go out in the next one.
 */
export class CheckpointRegistry {
  readonly #file: string;
  readonly #clock: Clock;
  readonly #telemetry: Telemetry;
  readonly #entries: Map<FileIdentity, Checkpoint>;
  readonly #existed: boolean;
  #writing: Promise<void> | undefined;
  #dirty = false;
  #failure: unknown;
  #lastWrite: Instant | undefined;

  private constructor(file: string, entries: Map<FileIdentity, Checkpoint>, existed: boolean, clock: Clock, telemetry: Telemetry) {
    this.#file = file;
    this.#entries = entries;
    this.#existed = existed;
    this.#clock = clock;
    this.#telemetry = telemetry;
  }

  static async open(file: string, clock: Clock, telemetry: Telemetry): Promise<CheckpointRegistry> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        // A data directory that does not exist yet (an agent whose store is not SQLite, which
        // would have made it) is made now: otherwise no checkpoint could ever be written.
        await mkdir(dirname(file), { recursive: true });
        return new CheckpointRegistry(file, new Map(), false, clock, telemetry);
      }
      throw new CheckpointRegistryUnreadable(`cannot read the checkpoint registry ${file}`, { context: { file }, cause: error });
    }
    let parsed: z.output<typeof registrySchema>;
    try {
      parsed = registrySchema.parse(JSON.parse(text));
    } catch (error) {
      throw new CheckpointRegistryUnreadable(`the checkpoint registry ${file} is not one this agent wrote`, {
        context: { file },
        cause: error,
      });
    }
    const entries = new Map<FileIdentity, Checkpoint>();
    for (const entry of parsed.files) {
      const checkpoint = { ...entry, identity: entry.identity as FileIdentity, offset: entry.offset as ByteOffset };
      entries.set(checkpoint.identity, checkpoint);
    }
    return new CheckpointRegistry(file, entries, true, clock, telemetry);
  }

  /** Whether a registry file was there when the agent started: files it does not know are then new. */
  get existed(): boolean {
    return this.#existed;
  }

  /** When the registry was last written completely, undefined before the first write. */
  get lastWrite(): Instant | undefined {
    return this.#lastWrite;
  }

  get(identity: FileIdentity): Checkpoint | undefined {
    return this.#entries.get(identity);
  }

  entries(): readonly Checkpoint[] {
    return [...this.#entries.values()];
  }

  set(checkpoint: Checkpoint): void {
    this.#entries.set(checkpoint.identity, checkpoint);
    this.#schedule();
  }

  delete(identity: FileIdentity): void {
    if (this.#entries.delete(identity)) this.#schedule();
  }

  /** Resolves once every change made before the call is on disk; rejects if the write failed. */
  async flush(): Promise<void> {
    if (this.#dirty) this.#schedule();
    while (this.#writing !== undefined) await this.#writing;
    if (this.#dirty) {
      throw new CheckpointWriteFailed(`cannot write the checkpoint registry ${this.#file}`, {
        context: { file: this.#file },
        cause: this.#failure,
        retryable: true,
      });
    }
  }

  #schedule(): void {
    this.#dirty = true;
    if (this.#writing !== undefined) return;
    this.#writing = (async () => {
      try {
        while (this.#dirty) await this.#write();
        this.#failure = undefined;
      } catch (error) {
        // Left dirty: the next change or flush() tries again. Acknowledged data is then read
        // again after a crash, which the deterministic event ids make harmless.
        this.#failure = error;
        this.#telemetry.emit('checkpoint_write_failed', { file: this.#file, error: (error as Error).message });
      } finally {
        // In the same step as the last check of #dirty: a change made after it starts a new loop.
        this.#writing = undefined;
      }
    })();
  }

  async #write(): Promise<void> {
    this.#dirty = false;
    const body = JSON.stringify({ version: 1, files: [...this.#entries.values()] });
    const temporary = `${this.#file}.tmp`;
    try {
      const handle = await open(temporary, 'w', 0o600);
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.#file);
      const directory = await open(dirname(this.#file), 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    } catch (error) {
      this.#dirty = true;
      throw error;
    }
    this.#lastWrite = this.#clock.now();
  }
}
