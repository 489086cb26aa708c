// Events of the real drills (test/fixtures/kafka/*/<drill>/broker-N/*.log), parsed as the product
// parses them, and a storm fanned out from their real ISR records.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrokerEvent, EventId } from '../../src/core/index.js';
import { parseFixture } from '../support/parse.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Every event of one drill, all brokers and files, in time order (ties keep file order). */
export function drillEvents(folder: string): BrokerEvent[] {
  const files = readdirSync(join(FIXTURES, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.log'))
    .sort();
  return files
    .flatMap((file) => parseFixture(`${folder}/${file}`, { context: { fileIdentity: file, host: file.split('/')[0]!, cluster: 'drill' } }))
    .map((event, index) => ({ event, index, at: Date.parse(event['@timestamp']) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ event }) => event);
}

/** Whole event-time seconds with their events, for feeding a drill second by second. */
export function bySecond(events: readonly BrokerEvent[]): Array<{ at: number; events: BrokerEvent[] }> {
  const out: Array<{ at: number; events: BrokerEvent[] }> = [];
  for (const event of events) {
    const at = Math.ceil(Date.parse(event['@timestamp']) / 1000) * 1000;
    if (out.at(-1)?.at === at) out.at(-1)!.events.push(event);
    else out.push({ at, events: [event] });
  }
  return out;
}

export interface Storm {
  readonly shrinks: BrokerEvent[];
  /** For each shrink, the record that brings its partition's full ISR back. */
  readonly recoveries: BrokerEvent[];
  readonly partitions: number;
}

/**
 * The ISR shrinks of the Kafka 3.9.1 broker-loss drill, each copied onto `copies` partitions
 * (partition numbers shifted by 100 per copy, ids made unique), and for each a copy of the real
 * `ISR updated to 1,2,3` record of that drill's topic: hundreds of partitions shrinking at once,
 * as when a broker that holds replicas of every topic dies.
 */
export function isrStorm(copies: number): Storm {
  const events = drillEvents('kafka/3.9.1-zk/broker-loss');
  const shrinks = events.filter((e) => e['event.action'] === 'isr_shrink');
  const topic = shrinks[0]!['kafka.topic'];
  const recovery = events.find(
    (e) => e['event.action'] === 'isr_updated' && e['kafka.topic'] === topic && (e['kafka.isr.after'] ?? []).includes(3),
  )!;
  const stormShrinks: BrokerEvent[] = [];
  const recoveries: BrokerEvent[] = [];
  for (let k = 0; k < copies; k++) {
    for (const shrink of shrinks) {
      const partition = shrink['kafka.partition']! + 100 * k;
      stormShrinks.push({ ...shrink, 'kafka.partition': partition, 'event.id': `${shrink['event.id']}:${k}` as EventId });
      recoveries.push({ ...recovery, 'kafka.topic': shrink['kafka.topic']!, 'kafka.partition': partition, 'event.id': `${recovery['event.id']}:${k}:${partition}` as EventId });
    }
  }
  return { shrinks: stormShrinks, recoveries, partitions: stormShrinks.length };
}
