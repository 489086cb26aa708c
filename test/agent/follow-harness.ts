// Runs a real FileSource over a temporary directory, consuming and acknowledging its batches as a
// next stage would, so tests can write, rotate and restart, then wait for what was delivered.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Registry } from 'prom-client';
import { vi } from 'vitest';
import {
  CheckpointRegistry,
  FileSource,
  FollowerMetrics,
  singleLineRecords,
  type Batch,
  type FollowOptions,
  type Line,
  type RecordStageFactory,
} from '../../src/agent/index.js';
import { ManualClock } from '../../src/core/index.js';
import { Telemetry, createLogger } from '../../src/telemetry/index.js';

export interface Delivered {
  readonly path: string;
  readonly identity: string;
  readonly offset: number;
  readonly text: string;
}

/** A batch handed on in the current run of the source, and whether the test acknowledged it. */
export interface HandedBatch {
  readonly identity: string;
  readonly end: number;
  readonly texts: readonly string[];
  acknowledged: boolean;
}

export class FollowHarness {
  readonly dir = mkdtempSync(join(tmpdir(), 'bw-follow-'));
  readonly registryFile = join(this.dir, 'registry.json');
  readonly clock = new ManualClock(Date.UTC(2024, 0, 1));
  readonly events: { event: string; path?: string; identity?: string }[] = [];
  readonly promRegistry = new Registry();
  readonly telemetry: Telemetry;
  readonly metrics: FollowerMetrics;
  delivered: Delivered[] = [];
  /** The batches of the current run, in the order handed on. */
  batches: HandedBatch[] = [];
  /** Every text acknowledged, over all runs. */
  readonly acknowledged: string[] = [];
  /** Batches handed on and not yet acknowledged, when acknowledging is held. */
  readonly held: Batch<Line>[] = [];
  holdAcks = false;
  /** Where in `events` the current run of the source began. */
  runStart = 0;
  #source: FileSource<Line> | undefined;
  #consumer: Promise<void> | undefined;
  readonly #handed = new WeakMap<Batch<Line>, HandedBatch>();

  constructor() {
    const events = this.events;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        events.push(JSON.parse(chunk.toString()) as { event: string; path?: string; identity?: string });
        done();
      },
    });
    this.telemetry = new Telemetry({ logger: createLogger('info', sink), registry: this.promRegistry });
    this.metrics = new FollowerMetrics(this.promRegistry, this.clock);
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  get source(): FileSource<Line> {
    if (this.#source === undefined) throw new Error('not started');
    return this.#source;
  }

  async start(options: Partial<FollowOptions> = {}, records: RecordStageFactory<Line> = singleLineRecords): Promise<void> {
    this.runStart = this.events.length;
    const registry = await CheckpointRegistry.open(this.registryFile, this.clock, this.telemetry);
    const source = new FileSource<Line>(
      {
        paths: [join(this.dir, '*.log')],
        exclude: [],
        start_position: 'beginning',
        max_line_bytes: 1024,
        poll_interval_seconds: 0.005,
        max_in_flight_bytes: 1 << 20,
        multiline: { flush_timeout_seconds: 5 },
        ...options,
      },
      { registry, records, clock: this.clock, telemetry: this.telemetry, metrics: this.metrics },
    );
    this.#source = source;
    this.batches = [];
    this.#consumer = (async () => {
      for await (const batch of source.records()) {
        const texts = batch.records.map((record) => record.text);
        for (const [i, record] of batch.records.entries()) {
          this.delivered.push({ path: batch.file.path, identity: batch.file.identity, offset: record.offset, text: texts[i]! });
        }
        this.#handed.set(batch, { identity: batch.file.identity, end: batch.records.at(-1)!.end, texts, acknowledged: false });
        this.batches.push(this.#handed.get(batch)!);
        if (this.holdAcks) this.held.push(batch);
        else this.#ack(batch);
      }
    })();
  }

  /** Acknowledges the held batches, in the order given (all of them by default). */
  release(batches: readonly Batch<Line>[] = this.held.splice(0)): void {
    for (const batch of batches) this.#ack(batch);
  }

  #ack(batch: Batch<Line>): void {
    const handed = this.#handed.get(batch)!;
    handed.acknowledged = true;
    this.acknowledged.push(...handed.texts);
    this.source.ack(batch);
  }

  async stop(): Promise<void> {
    await this.#source?.close();
    await this.#consumer;
    this.#source = undefined;
    this.held.length = 0;
  }

  texts(): string[] {
    return this.delivered.map((d) => d.text);
  }

  async waitFor(condition: () => boolean, message: () => string): Promise<void> {
    await vi.waitFor(
      () => {
        if (!condition()) throw new Error(message());
      },
      { timeout: 5000, interval: 5 },
    );
  }

  async waitForTexts(expected: readonly string[]): Promise<void> {
    await this.waitFor(
      () => this.delivered.length >= expected.length,
      () => `delivered ${JSON.stringify(this.texts())}, waiting for ${JSON.stringify(expected)}`,
    );
  }

  /** Waits for an internal event emitted by the current run of the source. */
  async waitForEvent(event: string, identity?: string): Promise<void> {
    await this.waitFor(
      () => this.events.slice(this.runStart).some((e) => e.event === event && (identity === undefined || e.identity === identity)),
      () => `no ${event} in ${JSON.stringify(this.events.slice(this.runStart))}`,
    );
  }

  async cleanup(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
