// The events of a real drill (test/fixtures/{kafka,rabbitmq}/...), parsed as agents on each broker
// host would: every broker or node on a host of its own, with its broker id or node name and the
// drill's cluster. The drills ran on one machine, so their clocks agree: a skewed host is made by
// shifting one host's timestamps, the only change made to the captured records.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrokerEvent } from '../../src/core/index.js';
import { parseBytes } from '../support/parse.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * `kafka/4.1.1-kraft/broker-loss`: broker-N/*.log on host kafka-N; `rabbitmq/3.10.8-partition-autoheal`:
 * rN.log on host rN, node rN@vm. `hostPrefix` keeps two drills stored together on hosts of their own.
 */
export function drillEvents(drill: string, cluster = 'drill', hostPrefix = ''): BrokerEvent[] {
  const dir = join(FIXTURES, drill);
  const events: BrokerEvent[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const broker = /^broker-(\d+)$/u.exec(name);
    if (broker !== null && statSync(path).isDirectory()) {
      for (const file of readdirSync(path).sort()) {
        const context = { host: `${hostPrefix}kafka-${broker[1]}`, brokerId: broker[1]!, cluster, fileIdentity: `${name}/${file}`, filePath: `/var/log/kafka/${file}` };
        events.push(...parseBytes(readFileSync(join(path, file)), { context }));
      }
    }
    const node = /^(r\d+)\.log$/u.exec(name);
    if (node !== null) {
      const context = { host: `${hostPrefix}${node[1]}`, brokerId: `${node[1]}@vm`, cluster, fileIdentity: name, filePath: `/var/log/rabbitmq/${node[1]}@vm.log` };
      events.push(...parseBytes(readFileSync(path), { context }));
    }
  }
  return events;
}

/** The same events with one host's clock `offsetMs` off (negative: behind). */
export function shiftHost(events: readonly BrokerEvent[], host: string, offsetMs: number): BrokerEvent[] {
  return events.map((e) => (e['host.name'] === host ? { ...e, '@timestamp': new Date(Date.parse(e['@timestamp']) + offsetMs).toISOString() } : e));
}
