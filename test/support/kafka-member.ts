// A consumer group member in a process of its own, for the suite that kills one with SIGKILL:
//   tsx test/support/kafka-member.ts BROKERS TOPIC GROUP STORE_FILE
// Its "store" is STORE_FILE: the ids of each batch are appended (one line per item) before the
// handler resolves, so the file holds what the member stored, acknowledged or not.
import { appendFileSync } from 'node:fs';
import { Telemetry, createLogger } from '../../src/telemetry/index.js';
import { lineId, testTransport } from './kafka-transport.js';

const [brokers, topic, groupId, storeFile] = process.argv.slice(2) as [string, string, string, string];
const transport = testTransport({ brokers: brokers.split(','), topic, groupId, telemetry: new Telemetry({ logger: createLogger('silent') }) });
transport.consume((items) => {
  appendFileSync(storeFile, items.map((item) => (item.kind === 'line' ? `${lineId(item)}\n` : '')).join(''));
  return Promise.resolve();
});
