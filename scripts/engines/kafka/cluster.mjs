// Small kafkajs client for the engine and drill scripts:
//   node cluster.mjs wait BROKERS COUNT SECONDS   until COUNT brokers are in the cluster metadata
//   node cluster.mjs topic BROKERS NAME PARTITIONS [REPLICAS [KEY=VALUE...]]
//                                                  create a topic with replication factor 3, or
//                                                  every partition on REPLICAS (2,3: the first
//                                                  leads), with the topic configs given
//   node cluster.mjs produce BROKERS NAME SECONDS  write to NAME steadily for SECONDS
// BROKERS is a comma-separated list of host:port.
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const [command, brokers, ...args] = process.argv.slice(2);
const kafka = new Kafka({ clientId: 'brokerwatch-engines', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForBrokers(count, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      if (cluster.brokers.length >= count) return;
    } catch {
      // Not up yet: the deadline decides.
    } finally {
      await admin.disconnect().catch(() => {});
    }
    if (Date.now() > deadline) throw new Error(`fewer than ${count} brokers after ${seconds}s`);
    await sleep(1000);
  }
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
  // kafkajs's own waitForLeaders retries only LEADER_NOT_AVAILABLE; a KRaft broker that has not yet
  // applied the new topic's record (seen on 3.3 after a restart) answers UNKNOWN_TOPIC_OR_PARTITION.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const metadata = await admin.fetchTopicMetadata({ topics: [name] }).catch(() => undefined);
    if (metadata?.topics[0]?.partitions.length === partitions && metadata.topics[0].partitions.every((p) => p.leader >= 0)) break;
    if (Date.now() > deadline) throw new Error(`no leader for every partition of ${name} after 60 s`);
    await sleep(500);
  }
  await admin.disconnect();
}

// acks=1 so that the producer keeps writing while a follower is paused or gone: the drills need
// traffic on every partition for leaders to notice lagging followers (a leader shrinks the ISR only
// when the follower falls behind its log end). One loop per partition, so that a send stuck on a
// partition whose leader is gone does not hold up the others (kafkajs retries a send as a whole).
async function produce(name, seconds) {
  const admin = kafka.admin();
  await admin.connect();
  const [topic] = (await admin.fetchTopicMetadata({ topics: [name] })).topics;
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
