// Talks to the real three-broker clusters of scripts/engines/kafka.sh: Kafka 4.1 in KRaft mode and
// Kafka 3.9 in ZooKeeper mode.
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { enginePorts } from '../support/engines.js';
import { waitFor } from '../support/telemetry.js';

const clusters = [
  { mode: 'KRaft (4.1)', ports: enginePorts('KAFKA_KRAFT_PORTS') },
  { mode: 'ZooKeeper (3.9)', ports: enginePorts('KAFKA_ZK_PORTS') },
];

describe.each(clusters)('Kafka in $mode mode', ({ ports }) => {
  const kafka = new Kafka({
    clientId: 'brokerwatch-test',
    brokers: ports.map((port) => `127.0.0.1:${port}`),
    logLevel: logLevel.NOTHING,
  });

  it('has three brokers', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    expect(cluster.brokers.map((broker) => broker.nodeId).sort()).toEqual([1, 2, 3]);
  });

  it('stores a replicated topic and gives back what was produced, in order per key', async () => {
    const topic = `bw-smoke-${process.pid}-${Date.now()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 3 }] });
    // createTopics returns when the controller has leaders; a broker may answer metadata from
    // its cache before the update reached it (UNKNOWN_TOPIC_OR_PARTITION in ZooKeeper mode).
    let replicas: number[] = [];
    await waitFor(async () => {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
      replicas = metadata?.topics[0]?.partitions.map((p) => p.replicas.length) ?? [];
      return replicas.length === 3;
    }, 30_000, `metadata of ${topic}`);
    await admin.disconnect();
    expect(replicas).toEqual([3, 3, 3]);

    const producer = kafka.producer();
    await producer.connect();
    const sent = Array.from({ length: 30 }, (_, i) => ({ key: `broker-${i % 3}`, value: `record ${i}` }));
    await producer.send({ topic, acks: -1, messages: sent });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: `${topic}-group` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: { key: string; value: string }[] = [];
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: ({ message }) => {
          received.push({ key: message.key!.toString(), value: message.value!.toString() });
          if (received.length === sent.length) resolve();
          return Promise.resolve();
        },
      });
    });
    await consumer.disconnect();

    for (const key of ['broker-0', 'broker-1', 'broker-2']) {
      expect(received.filter((m) => m.key === key)).toEqual(sent.filter((m) => m.key === key));
    }
  });
});
