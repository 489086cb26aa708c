// Assembles the stages a process runs from its config: `run` is agent + ingester in one process
// over the in-process transport (or Kafka, when configured); `agent` and `ingest` are the two
// halves of a deployment that ships through Kafka. Shutdown goes from the edge inwards: stop
// reading, let what is in flight be acknowledged or given back, close the transport, then the store.
import { Backoff, BrokerwatchError, timerSleep, type BackoffPolicy, type Clock } from '../core/index.js';
import { Agent, FollowerMetrics } from '../agent/index.js';
import { ConfigError, openStore, openTransport, type BrokerwatchConfig } from '../config/index.js';
import { Ingester, type StoredHandler } from '../ingest/index.js';
import type { EventStore } from '../store/index.js';
import type { Telemetry } from '../telemetry/index.js';

export interface Roles {
  readonly agent: boolean;
  readonly ingest: boolean;
}

export interface PipelineDeps {
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  /** Where stored events go next (the alert service). */
  readonly onStored?: StoredHandler;
  /** The config file, for messages that point at it. */
  readonly configFile: string;
}

export interface Pipeline {
  /** The store of an ingesting process. */
  readonly store: EventStore | undefined;
  stop(): Promise<void>;
}

const START_BACKOFF: BackoffPolicy = { initialDelayMs: 1_000, maxDelayMs: 30_000 };

/**
 * A store or Kafka that is down when the process starts is waited for, as it would be later on:
 * services start in any order. What cannot get better by waiting (refused credentials, an
 * unsupported version) fails at once.
 */
async function untilReady<T>(what: string, attempt: () => Promise<T>, deps: PipelineDeps): Promise<T> {
  const backoff = new Backoff(START_BACKOFF, deps.clock);
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof BrokerwatchError) || !error.retryable) throw error;
      const delay = backoff.next() ?? START_BACKOFF.maxDelayMs;
      deps.telemetry.emit('dependency_unavailable', { dependency: what, error: error.message, retry_in_ms: delay });
      await timerSleep(delay);
    }
  }
}

export async function startPipeline(config: BrokerwatchConfig, roles: Roles, deps: PipelineDeps): Promise<Pipeline> {
  const { clock, telemetry } = deps;
  if (roles.agent && (config.inputs === undefined || config.inputs.length === 0)) {
    throw new ConfigError([{ file: deps.configFile, line: 1, column: 1, field: 'inputs', message: 'is required to follow log files (docs/configuration.md)' }]);
  }
  const transport = openTransport(config, !(roles.agent && roles.ingest), deps.configFile, { clock, telemetry });
  await untilReady('transport', () => transport.check(), deps);
  let store: EventStore | undefined;
  if (roles.ingest) {
    store = await untilReady('store', () => openStore(config, { clock, telemetry }), deps);
    new Ingester({ transport, store, registry: telemetry.registry, ...(deps.onStored === undefined ? {} : { onStored: deps.onStored }) }).start();
  }
  const agent = roles.agent
    ? await Agent.start(
        { host: config.host_name, dataDir: config.data_dir, inputs: config.inputs ?? [] },
        { transport, clock, telemetry, metrics: new FollowerMetrics(telemetry.registry, clock) },
      )
    : undefined;
  return {
    store,
    async stop() {
      await agent?.stop();
      await transport.close();
      await store?.close();
    },
  };
}
