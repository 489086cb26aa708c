// Small Kafka client for the engine and drill scripts (kafkajs, and a Metadata request of its own):
//   node cluster.mjs wait BROKERS COUNT SECONDS   until COUNT brokers are in the cluster metadata
//   node cluster.mjs topic BROKERS NAME PARTITIONS [REPLICAS [KEY=VALUE...]]
//                                                  create a topic with replication factor 3, or
//                                                  every partition on REPLICAS (2,3: the first
//                                                  leads), with the topic configs given
//   node cluster.mjs produce BROKERS NAME SECONDS  write to NAME steadily for SECONDS
// BROKERS is a comma-separated list of host:port.
import { Buffer } from 'node:buffer';
import net from 'node:net';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const [command, brokers, ...args] = process.argv.slice(2);
const kafka = new Kafka({ clientId: 'brokerwatch-engines', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForBrokers(count, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const live = await liveBrokers().catch(() => 0);
    if (live >= count) return;
    if (Date.now() > deadline) throw new Error(`fewer than ${count} brokers after ${seconds}s`);
    await sleep(1000);
  }
}

// The number of brokers in the cluster metadata, from the first of BROKERS that answers a Metadata
// request naming no topic. Not kafkajs's describeCluster: it asks for every topic (kafkajs sends an
// empty list as null) and fails on any partition without a leader, which is what the
// unclean-election drill makes (on 3.4.1 the controller fenced the dead leader as soon as the
// restarted follower restored the quorum, and the wait for that follower never passed). Metadata
// v1 (0.10+) where the broker still takes it, v4 from 4.0 (KIP-896 removed v0-v3); ApiVersions v0
// says which.
async function liveBrokers() {
  for (const address of brokers.split(',')) {
    try {
      const versions = await exchange(address, 18, 0, Buffer.alloc(0));
      let [min, max] = [0, 0];
      for (let i = 0, at = 6; i < versions.readInt32BE(2); i++, at += 6) {
        if (versions.readInt16BE(at) === 3) [min, max] = [versions.readInt16BE(at + 2), versions.readInt16BE(at + 4)];
      }
      const version = min <= 1 && max >= 1 ? 1 : 4;
      // An empty topic array (not null): no topics; v4 adds allow_auto_topic_creation=false.
      const metadata = await exchange(address, 3, version, Buffer.alloc(version === 1 ? 4 : 5));
      // The broker array follows the throttle time from v3 on.
      return metadata.readInt32BE(version >= 3 ? 4 : 0);
    } catch {
      // This broker is down: ask the next.
    }
  }
  throw new Error(`no broker of ${brokers} answered`);
}

// One Kafka request (header v1: api key, version, correlation id, client id) on a connection of its
// own; resolves to the response body after the correlation id.
function exchange(address, apiKey, version, body) {
  const [host, port] = address.split(':');
  const clientId = Buffer.from('brokerwatch-engines');
  const header = Buffer.alloc(10);
  header.writeInt16BE(apiKey, 0);
  header.writeInt16BE(version, 2);
  header.writeInt32BE(1, 4);
  header.writeInt16BE(clientId.length, 8);
  const size = Buffer.alloc(4);
  size.writeInt32BE(header.length + clientId.length + body.length);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), host, () => socket.write(Buffer.concat([size, header, clientId, body])));
    let received = Buffer.alloc(0);
    socket.setTimeout(5000, () => socket.destroy(new Error(`${address}: no answer`)));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 4 && received.length >= 4 + received.readInt32BE(0)) {
        resolve(received.subarray(8, 4 + received.readInt32BE(0)));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`${address}: connection closed`)));
  });
}

async function createTopic(name, partitions, replicas, configs) {
  const admin = kafka.admin();
  await admin.connect();
  const layout =
    replicas === undefined
      ? { numPartitions: partitions, replicationFactor: 3 }
      : { replicaAssignment: Array.from({ length: partitions }, (_, partition) => ({ partition, replicas: replicas.split(',').map(Number) })) };
  const configEntries = configs.map((entry) => ({ name: entry.slice(0, entry.indexOf('=')), value: entry.slice(entry.indexOf('=') + 1) }));
  await admin.createTopics({ waitForLeaders: false, topics: [{ topic: name, ...layout, configEntries }] });
  await topicWithLeaders(admin, name, partitions);
  await admin.disconnect();
}

// The topic's metadata once the broker asked knows a leader for each of its PARTITIONS (any number
// when not given). kafkajs's own waitForLeaders retries only LEADER_NOT_AVAILABLE; a KRaft broker
// that has not yet applied the topic's record answers UNKNOWN_TOPIC_OR_PARTITION: seen on 3.3 after
// a restart, and on 3.4.1 to the producer, whose admin asked another broker than the one that had
// just shown the new topic's leaders.
async function topicWithLeaders(admin, name, partitions) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const topic = (await admin.fetchTopicMetadata({ topics: [name] }).catch(() => undefined))?.topics[0];
    const count = topic?.partitions.length ?? 0;
    if (count > 0 && (partitions === undefined || count === partitions) && topic.partitions.every((p) => p.leader >= 0)) return topic;
    if (Date.now() > deadline) throw new Error(`no leader for every partition of ${name} after 60 s`);
    await sleep(500);
  }
}

// acks=1 so that the producer keeps writing while a follower is paused or gone: the drills need
// traffic on every partition for leaders to notice lagging followers (a leader shrinks the ISR only
// when the follower falls behind its log end). One loop per partition, so that a send stuck on a
// partition whose leader is gone does not hold up the others (kafkajs retries a send as a whole).
async function produce(name, seconds) {
  const admin = kafka.admin();
  await admin.connect();
  const topic = await topicWithLeaders(admin, name);
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 100 } });
  await producer.connect();
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    topic.partitions.map(async ({ partitionId: partition }) => {
      let n = 0;
      while (Date.now() < end) {
        const messages = Array.from({ length: 10 }, () => ({ partition, key: String(n % 97), value: `drill message ${n++}` }));
        await producer.send({ topic: name, acks: 1, messages }).catch(() => sleep(200));
        await sleep(50);
      }
    }),
  );
  await producer.disconnect();
}

switch (command) {
  case 'wait': await waitForBrokers(Number(args[0]), Number(args[1])); break;
  case 'topic': await createTopic(args[0], Number(args[1]), args[2], args.slice(3)); break;
  case 'produce': await produce(args[0], Number(args[1])); break;
  default: console.error(`unknown command ${command}`); process.exit(2);
}
