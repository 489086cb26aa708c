import { join } from 'node:path';
import type { BrokerEvent, Clock } from '../core/index.js';
import type { Telemetry } from '../telemetry/index.js';
import type { Transport } from '../transport/index.js';
import { CheckpointRegistry } from './checkpoints.js';
import type { FollowerMetrics } from './metrics.js';
import { parsingStage, type EventRecord, type ParsingOptions } from './parsing-stage.js';
import { Shipper } from './shipper.js';
import { FileSource, type FollowOptions } from './source.js';

/** An input as the agent takes it: what to follow and what its records are. */
export type AgentInput = FollowOptions & Omit<ParsingOptions, 'host'>;

export interface AgentOptions {
  /** `host.name` of every event, and part of every event id. */
  readonly host: string;
  /** Holds `registry.json`, the checkpoints. */
  readonly dataDir: string;
  readonly inputs: readonly AgentInput[];
}

export interface AgentDeps {
  readonly transport: Transport<readonly BrokerEvent[]>;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  readonly metrics: FollowerMetrics;
}

/** The registry file of an agent's data directory. */
export function registryPath(dataDir: string): string {
  return join(dataDir, 'registry.json');
}

/**
 * `brokerwatch agent`: follows every input's files, parses their records and ships the events,
 * checkpointing each file as far as the transport acknowledged.
 */
export class Agent {
  readonly #sources: FileSource<EventRecord>[];
  readonly #shipper: Shipper;
  readonly #registry: CheckpointRegistry;

  private constructor(sources: FileSource<EventRecord>[], shipper: Shipper, registry: CheckpointRegistry) {
    this.#sources = sources;
    this.#shipper = shipper;
    this.#registry = registry;
  }

  static async start(options: AgentOptions, deps: AgentDeps): Promise<Agent> {
    const registry = await CheckpointRegistry.open(registryPath(options.dataDir), deps.clock, deps.telemetry);
    const shipper = new Shipper(deps);
    const sources = options.inputs.map(
      (input) =>
        new FileSource<EventRecord>(input, {
          registry,
          records: parsingStage({ ...input, host: options.host }, deps.clock, deps.telemetry),
          clock: deps.clock,
          telemetry: deps.telemetry,
          metrics: deps.metrics,
        }),
    );
    for (const source of sources) shipper.ship(source);
    return new Agent(sources, shipper, registry);
  }

  /** Stops reading, gives back what is unacknowledged (read again next time) and writes the checkpoints. */
  async stop(): Promise<void> {
    await this.#shipper.stop();
    await Promise.all(this.#sources.map((source) => source.close()));
    await this.#shipper.done();
    await this.#registry.flush();
  }
}
