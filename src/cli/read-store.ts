// What the commands that read stored events (`search`, `tail`, `timeline`) share: the filter
// flags, opening the configured store read-only, what each failure means for the exit status
// (grep's: 0 found, 1 nothing found, 2 trouble), and the one-line form of an event.
import type { Command } from 'commander';
import { QueryError, systemClock, type BrokerEvent } from '../core/index.js';
import { ConfigError, NothingStoredError, openStore, type BrokerwatchConfig } from '../config/index.js';
import type { EventFilters } from '../query/index.js';
import { StoreError, type EventStore } from '../store/index.js';
import { createLogger, Telemetry } from '../telemetry/index.js';
import { addConfigOption, configFrom, type ConfigFlags } from './config-option.js';

export const EXIT_NOTHING_FOUND = 1;
export const EXIT_TROUBLE = 2;

/** Repeatable, and a comma-separated list counts as several. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((v) => v.trim()).filter((v) => v !== '')];
const collectWhole = (value: string, previous: string[] = []): string[] => [...previous, value];

export interface FilterFlags extends ConfigFlags {
  readonly cluster?: string[];
  readonly host?: string[];
  readonly broker?: string[];
  readonly node?: string[];
  readonly dataset?: string[];
  readonly level?: string;
  readonly action?: string[];
  readonly topic?: string[];
  readonly partition?: string[];
  readonly field?: string[];
}

/** --config and the event filters; each list flag may repeat or take a comma-separated list. */
export function addFilterOptions(command: Command): Command {
  return addConfigOption(command)
    .option('--cluster <name>', 'broker.cluster (repeatable, or a,b)', collect)
    .option('--host <name>', 'host.name: the host the agent runs on', collect)
    .option('--broker <id>', 'broker.id: a Kafka broker id', collect)
    .option('--node <name>', 'broker.id: a RabbitMQ node name, e.g. rabbit@mq-1 (same field as --broker)', collect)
    .option('--dataset <name>', 'event.dataset: kafka.log or rabbitmq.log', collect)
    .option('--level <level>', 'this log.level and every more severe one: trace, debug, info, notice, warning, error, critical')
    .option('--action <name>', 'event.action, e.g. isr_shrink (docs/taxonomy.md)', collect)
    .option('--topic <name>', 'kafka.topic', collect)
    .option('--partition <n>', 'kafka.partition', collect)
    .option('--field <name=value>', 'any field of docs/schema.md (repeatable; the same field twice matches either value)', collectWhole);
}

export function filtersOf(flags: FilterFlags): EventFilters {
  const brokers = [...(flags.broker ?? []), ...(flags.node ?? [])];
  return {
    ...(flags.cluster === undefined ? {} : { cluster: flags.cluster }),
    ...(flags.host === undefined ? {} : { host: flags.host }),
    ...(brokers.length === 0 ? {} : { broker: brokers }),
    ...(flags.dataset === undefined ? {} : { dataset: flags.dataset }),
    ...(flags.level === undefined ? {} : { level: flags.level }),
    ...(flags.action === undefined ? {} : { action: flags.action }),
    ...(flags.topic === undefined ? {} : { topic: flags.topic }),
    ...(flags.partition === undefined ? {} : { partition: flags.partition }),
    ...(flags.field === undefined ? {} : { fields: flags.field }),
  };
}

/**
 * Opens the store of the configuration read-only, runs `use`, closes it. Trouble (a bad
 * configuration, a query that cannot be asked, a store that cannot be reached) is printed as one
 * line on stderr with exit status 2; `use` returns the exit status otherwise.
 */
export async function withReadStore(command: string, flags: ConfigFlags, use: (store: EventStore, config: BrokerwatchConfig) => Promise<number>): Promise<void> {
  let store: EventStore | undefined;
  try {
    const config = configFrom(flags);
    // Warnings only: a reading command prints what it was asked for, not the store's chatter.
    const telemetry = new Telemetry({ logger: createLogger('warn', process.stderr) });
    store = await openStore(config, { clock: systemClock, telemetry, readOnly: true });
    process.exitCode = await use(store, config);
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof QueryError || error instanceof StoreError || error instanceof NothingStoredError)) throw error;
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `brokerwatch ${command}: ${error.message}\n`);
    process.exitCode = EXIT_TROUBLE;
  } finally {
    await store?.close();
  }
}

/** `kafka-1/1` for a broker on a host, the host alone when the two are one name. */
export function sourceOf(event: BrokerEvent): string {
  const host = event['host.name'];
  const broker = event['broker.id'];
  if (host === undefined) return broker ?? '-';
  return broker === undefined || broker === host ? host : `${host}/${broker}`;
}

/**
 * One line an admin scans, as grep would show it: time, host/broker, level, action (`-` for an
 * ordinary record), the message's first line, and how many lines more it has.
 */
export function eventLine(event: BrokerEvent): string {
  const message = event.message;
  const end = message.indexOf('\n');
  const more = end === -1 ? 0 : message.split('\n').length - 1;
  const first = end === -1 ? message : message.slice(0, end);
  return [
    event['@timestamp'],
    sourceOf(event),
    (event['log.level'] ?? '-').toUpperCase().padEnd(8),
    event['event.action'] ?? '-',
    more === 0 ? first : `${first} [+${more} ${more === 1 ? 'line' : 'lines'}]`,
  ].join(' ');
}
