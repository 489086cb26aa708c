// The one configuration file of `brokerwatch run|agent|ingest` and of the commands that read what
// they stored (`search`, `alerts`, `silence`, ...): where state lives, what to follow, how events
// travel, where they are stored, which rules run and who is told. Paths in it are relative to the
// file's own folder, so a config and its data directory can move together.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { notifySchema } from '../notify/index.js';
import { ConfigError } from './errors.js';
import { inputsSchema } from './inputs.js';
import { parseYaml } from './yaml-schema.js';

const MIB = 1024 * 1024;

/** A credential: written inline, or (better) read from a file or an environment variable at start. */
const secretSchema = z.union([
  z.string().min(1),
  z.strictObject({ file: z.string().min(1) }),
  z.strictObject({ env: z.string().min(1) }),
]);

export type SecretSpec = z.output<typeof secretSchema>;

const cronSchema = z.string().min(1).describe('a node-cron expression');

const sqliteSchema = z.strictObject({
  /** Events whose @timestamp is older than this many days are deleted. */
  max_age_days: z.number().positive().optional(),
  /** The oldest events are deleted until the database fits this. */
  max_size_mb: z.number().positive().optional(),
  retention_schedule: cronSchema.default('17 * * * *'),
});

const elasticsearchSchema = z
  .strictObject({
    node: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
    username: z.string().min(1).optional(),
    password: secretSchema.optional(),
    api_key: secretSchema.optional(),
    ca_file: z.string().min(1).optional(),
    ca_fingerprint: z.string().regex(/^[0-9A-Fa-f:]{64,95}$/, 'must be the SHA-256 fingerprint in hex').optional(),
    index_pattern: z.string().min(1).optional(),
    request_timeout_seconds: z.number().positive().default(30),
    max_age_days: z.number().positive().optional(),
    retention_schedule: cronSchema.default('17 0 * * *'),
  })
  .superRefine((config, ctx) => {
    if ((config.username === undefined) !== (config.password === undefined)) {
      ctx.addIssue({ code: 'custom', path: [config.username === undefined ? 'password' : 'username'], message: 'username and password go together' });
    }
    if (config.username !== undefined && config.api_key !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['api_key'], message: 'use either username/password or api_key, not both' });
    }
  });

const storeSchema = z
  .strictObject({
    type: z.enum(['sqlite', 'elasticsearch']).default('sqlite'),
    sqlite: sqliteSchema.prefault({}),
    elasticsearch: elasticsearchSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.type === 'elasticsearch' && config.elasticsearch === undefined) {
      ctx.addIssue({ code: 'custom', path: ['elasticsearch'], message: 'is required when type is "elasticsearch"' });
    }
  });

const kafkaTransportSchema = z.strictObject({
  brokers: z.array(z.string().regex(/^[^\s:]+:\d+$/, 'must be host:port')).min(1),
  topic: z.string().min(1).default('brokerwatch-events'),
  client_id: z.string().min(1).default('brokerwatch'),
  group_id: z.string().min(1).default('brokerwatch-ingest'),
  compression: z.enum(['none', 'gzip']).default('gzip'),
  compression_level: z.number().int().min(1).max(9).default(1),
  /** Used when brokerwatch creates the topic; an existing topic is left as it is. */
  topic_partitions: z.number().int().positive().default(6),
  topic_replication_factor: z.number().int().positive().default(3),
  topic_min_insync_replicas: z.number().int().positive().default(2),
  topic_ready_timeout_seconds: z.number().positive().default(30),
  max_in_flight_bytes: z.number().int().positive().default(16 * MIB),
  max_request_bytes: z.number().int().positive().default(1_000_000),
  max_fetch_bytes_per_partition: z.number().int().positive().default(MIB),
  session_timeout_seconds: z.number().min(6).default(30),
  heartbeat_interval_seconds: z.number().positive().default(3),
  tls: z
    .union([
      z.boolean(),
      z.strictObject({ ca_file: z.string().min(1).optional(), cert_file: z.string().min(1).optional(), key_file: z.string().min(1).optional() }),
    ])
    .default(false),
  sasl: z
    .strictObject({
      mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
      username: z.string().min(1),
      password: secretSchema,
    })
    .optional(),
});

const transportSchema = z
  .strictObject({
    type: z.enum(['in-process', 'kafka']).default('in-process'),
    /** In-process: bytes of events handed to the ingester and not yet stored, at most. */
    max_in_flight_bytes: z.number().int().positive().default(32 * MIB),
    kafka: kafkaTransportSchema.optional(),
  })
  .superRefine((config, ctx) => {
    if (config.type === 'kafka' && config.kafka === undefined) {
      ctx.addIssue({ code: 'custom', path: ['kafka'], message: 'is required when type is "kafka"' });
    }
  });

const rulesSchema = z.strictObject({
  /** Whether the rules shipped with brokerwatch run (docs/rules.md). */
  builtin: z.boolean().default(true),
  directories: z.array(z.string().min(1)).default([]),
  allowed_lateness_seconds: z.number().nonnegative().default(30),
});

const apiSchema = z.strictObject({
  listen: z
    .string()
    .regex(/^[^\s]+:\d+$/, 'must be host:port, e.g. 127.0.0.1:8686')
    .default('127.0.0.1:8686'),
  /** Required for requests that change state (silences); for reads too when `auth_reads` is set. */
  token: secretSchema.optional(),
  auth_reads: z.boolean().default(false),
});

const DEFAULT_NOTIFY = { receivers: [{ type: 'console' as const, name: 'console' }], routes: [{ receiver: 'console' }] };

export const brokerwatchConfigSchema = z.strictObject({
  data_dir: z.string().min(1).default('brokerwatch-data'),
  /** `host.name` of the events this agent reads; part of every event id. */
  host_name: z.string().min(1).default(hostname()),
  inputs: inputsSchema.optional(),
  transport: transportSchema.prefault({}),
  store: storeSchema.prefault({}),
  rules: rulesSchema.prefault({}),
  notify: notifySchema.prefault(DEFAULT_NOTIFY),
  api: apiSchema.prefault({}),
});

export type BrokerwatchConfig = z.output<typeof brokerwatchConfigSchema>;
export type StoreConfig = BrokerwatchConfig['store'];
export type TransportConfig = BrokerwatchConfig['transport'];
export type KafkaTransportConfig = z.output<typeof kafkaTransportSchema>;
export type ApiConfig = BrokerwatchConfig['api'];

/** Reads, validates and resolves a config file; every problem is a ConfigError with file and line. */
export function loadConfig(file: string): BrokerwatchConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file, line: 1, column: 1, field: '', message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  return resolvePaths(parseYaml(text, file, brokerwatchConfigSchema), dirname(resolve(file)));
}

/** The config of a run without a file: everything at its default, data under `dataDir`. */
export function defaultConfig(dataDir: string): BrokerwatchConfig {
  return resolvePaths(brokerwatchConfigSchema.parse({ data_dir: dataDir }), process.cwd());
}

function resolvePaths(config: BrokerwatchConfig, base: string): BrokerwatchConfig {
  const at = (path: string): string => (isAbsolute(path) ? path : resolve(base, path));
  const es = config.store.elasticsearch;
  return {
    ...config,
    data_dir: at(config.data_dir),
    rules: { ...config.rules, directories: config.rules.directories.map(at) },
    store: es === undefined || es.ca_file === undefined ? config.store : { ...config.store, elasticsearch: { ...es, ca_file: at(es.ca_file) } },
  };
}

/** The value of a secret, read at the moment it is needed; the error names where, never the value. */
export function readSecret(secret: SecretSpec, field: string): string {
  if (typeof secret === 'string') return secret;
  if ('env' in secret) {
    const value = process.env[secret.env];
    if (value === undefined || value === '') throw new ConfigError([{ file: `$${secret.env}`, line: 1, column: 1, field, message: 'the environment variable is not set' }]);
    return value;
  }
  try {
    return readFileSync(secret.file, 'utf8').trim();
  } catch (error) {
    throw new ConfigError([{ file: secret.file, line: 1, column: 1, field, message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
}
