// KafkaTransport against the real three-broker clusters of scripts/engines/kafka.sh (Kafka 4.1 in
// KRaft mode, 3.9 in ZooKeeper mode): every item arrives, in order per key; offsets are committed
// only after the handler resolved; a member killed with SIGKILL and a broker stopped while
// producing lose nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import kafkajs from 'kafkajs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Telemetry } from '../../src/telemetry/index.js';
import { DeliveryFailed, type KafkaTransport } from '../../src/transport/index.js';
import { enginePorts } from '../support/engines.js';
import { lineId, testLines, testTransport, type TestItem, type TestLine } from '../support/kafka-transport.js';
import { emitted, silentTelemetry, waitFor } from '../support/telemetry.js';
import { runScript } from '../support/scripts.js';

const REPO = join(import.meta.dirname, '..', '..');
const clusters = [
  { mode: 'kraft', name: 'KRaft (4.1)', ports: enginePorts('KAFKA_KRAFT_PORTS') },
  { mode: 'zk', name: 'ZooKeeper (3.9)', ports: enginePorts('KAFKA_ZK_PORTS') },
];
const runId = `${process.pid}-${Date.now()}`;
const scratch = mkdtempSync(join(tmpdir(), 'bw-kafka-transport-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What a consumer stored: every line, in the order its handler acknowledged them. */
class Store {
  readonly lines: TestLine[] = [];
  readonly others: TestItem[] = [];

  accept(items: readonly TestItem[]): void {
    for (const item of items) {
      if (item.kind === 'line') this.lines.push(item);
      else this.others.push(item);
    }
  }

  ids(): string[] {
    return this.lines.map(lineId);
  }

  distinct(): Set<string> {
    return new Set(this.ids());
  }

  /** Per file, the sequence numbers in the order stored. */
  byFile(): Map<string, number[]> {
    const files = new Map<string, number[]>();
    for (const line of this.lines) files.set(line.file, [...(files.get(line.file) ?? []), line.seq]);
    return files;
  }
}

function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
  return batches;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Sends like an agent: a batch that failed retryably is sent again until Kafka acknowledges it. */
async function sendUntilAcknowledged(transport: KafkaTransport<TestItem>, batch: readonly TestItem[]): Promise<number> {
  for (let resends = 0; ; resends += 1) {
    try {
      await transport.send(batch);
      return resends;
    } catch (error) {
      if (!(error instanceof DeliveryFailed) || !error.retryable) throw error;
    }
  }
}

describe.each(clusters)('KafkaTransport on Kafka in $name mode', ({ mode, ports }) => {
  const brokers = ports.map((port) => `127.0.0.1:${port}`);
  const open: KafkaTransport<TestItem>[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((transport) => transport.close()));
  });

  function names(what: string): { topic: string; groupId: string } {
    const topic = `bw-transport-${mode}-${what}-${runId}`;
    return { topic, groupId: `${topic}-ingest` };
  }

  function transport(
    topic: string,
    groupId: string,
    telemetry: Telemetry = silentTelemetry(),
    overrides: Parameters<typeof testTransport>[1] = {},
  ): KafkaTransport<TestItem> {
    const made = testTransport({ brokers, topic, groupId, telemetry }, overrides);
    open.push(made);
    return made;
  }

  /** A new topic that already holds `lines`. */
  async function topicHolding(what: string, lines: readonly TestLine[]): Promise<{ topic: string; groupId: string }> {
    const { topic, groupId } = names(what);
    const sender = transport(topic, groupId);
    await sender.check();
    for (const batch of inBatches(lines, 200)) await sender.send(batch);
    return { topic, groupId };
  }

  async function closeNow(closing: KafkaTransport<TestItem>): Promise<void> {
    open.splice(open.indexOf(closing), 1);
    await closing.close();
  }

  it('check() creates the topic as configured, visible on every broker, and accepts it when it exists', async () => {
    const { topic, groupId } = names('check');
    const telemetry = silentTelemetry();
    await transport(topic, groupId, telemetry).check();
    await transport(topic, groupId, telemetry).check();
    expect(await emitted(telemetry, 'transport_topic_created')).toBe(1);

    const admin = new kafkajs.Kafka({ brokers, logLevel: kafkajs.logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0]!.partitions.map((partition) => partition.replicas.length)).toEqual([3, 3, 3, 3, 3, 3]);
      const configs = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
      });
      expect(configs.resources[0]!.configEntries[0]!.configValue).toBe('2');
    } finally {
      await admin.disconnect();
    }
  });

  it('delivers tens of thousands of items over several keys, each exactly once and in order per key', async () => {
    const { topic, groupId } = names('bulk');
    const lines = testLines(10, 3_000);
    // Small room in flight, all batches sent at once: they wait for room and must still go out in order.
    const sender = transport(topic, groupId, silentTelemetry(), { maxInFlightBytes: 256 * 1024 });
    await sender.check();
    const sendStart = performance.now();
    await Promise.all(inBatches(lines, 500).map((batch) => sender.send(batch)));
    const sendSeconds = (performance.now() - sendStart) / 1000;
    expect(sender.inFlightBytes).toBe(0);

    const store = new Store();
    const consumeStart = performance.now();
    transport(topic, groupId).consume((items) => {
      store.accept(items);
      return Promise.resolve();
    });
    await waitFor(() => store.lines.length >= lines.length, 60_000, 'every line consumed');
    const consumeSeconds = (performance.now() - consumeStart) / 1000;
    process.stdout.write(
      `[${mode}] sent ${lines.length} items in ${sendSeconds.toFixed(2)} s (${Math.round(lines.length / sendSeconds)}/s), ` +
        `consumed them in ${consumeSeconds.toFixed(2)} s (${Math.round(lines.length / consumeSeconds)}/s, group join included)\n`,
    );

    expect(store.lines.length).toBe(lines.length);
    expect(store.others).toEqual([]);
    for (const [file, seqs] of store.byFile()) expect(seqs, file).toEqual(range(3_000));
  });

  it('hands a rejected batch again until the handler accepts it: nothing lost, nothing out of order', async () => {
    const lines = testLines(4, 1_000);
    const { topic, groupId } = await topicHolding('flaky', lines);

    const telemetry = silentTelemetry();
    const store = new Store();
    let calls = 0;
    transport(topic, groupId, telemetry, { maxFetchBytesPerPartition: 16 * 1024 }).consume((items) => {
      calls += 1;
      if (calls % 3 === 0) return Promise.reject(new Error('the store is unavailable'));
      store.accept(items);
      return Promise.resolve();
    });
    await waitFor(() => store.lines.length >= lines.length, 60_000, 'every line acknowledged');
    expect(await emitted(telemetry, 'transport_batch_rejected')).toBeGreaterThan(0);
    for (const [file, seqs] of store.byFile()) expect(seqs, file).toEqual(range(1_000));
  });

  it('commits no offset past a batch the handler did not acknowledge: the next member of the group gets exactly the rest', async () => {
    const lines = testLines(4, 1_000);
    const { topic, groupId } = await topicHolding('poison', lines);

    const telemetry = silentTelemetry();
    const first = new Store();
    // Late in its file, and fetched in small batches: the batches before it are acknowledged first.
    const poison = lineId(lines[3_900]!);
    const refusing = transport(topic, groupId, telemetry, { maxFetchBytesPerPartition: 4 * 1024 });
    refusing.consume((items) => {
      if (items.some((item) => item.kind === 'line' && lineId(item) === poison)) return Promise.reject(new Error('refused'));
      first.accept(items);
      return Promise.resolve();
    });
    await waitFor(async () => (await emitted(telemetry, 'transport_batch_rejected')) >= 3, 60_000, 'the poison batch refused three times');
    await closeNow(refusing);

    const second = new Store();
    transport(topic, groupId).consume((items) => {
      second.accept(items);
      return Promise.resolve();
    });
    const acknowledged = first.distinct();
    const rest = lines.map(lineId).filter((id) => !acknowledged.has(id));
    await waitFor(() => second.lines.length >= rest.length, 60_000, 'the rest consumed by the second member');
    expect(first.lines.length).toBeGreaterThan(0);
    expect(second.ids()).toContain(poison);
    expect(second.ids().sort()).toEqual(rest.sort());
  });

  it('survives a member killed with SIGKILL: the other takes over its partitions and every item is stored', async () => {
    const { topic, groupId } = names('kill');
    const lines = testLines(6, 2_000);
    const sender = transport(topic, groupId);
    await sender.check();
    const storeFile = join(scratch, `${mode}-killed-member.ids`);
    const stored = () => (existsSync(storeFile) ? readFileSync(storeFile, 'utf8').split('\n').filter((id) => id !== '') : []);

    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/kafka-member.ts', brokers.join(','), topic, groupId, storeFile], {
      cwd: REPO,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    try {
      const batches = inBatches(lines, 100);
      for (const batch of batches.slice(0, 40)) await sender.send(batch);
      await waitFor(() => stored().length > 0, 60_000, 'the child member storing');

      const telemetry = silentTelemetry();
      const survivor = new Store();
      transport(topic, groupId, telemetry).consume((items) => {
        survivor.accept(items);
        return Promise.resolve();
      });
      // Both members hold partitions and have stored some: then kill the child mid-stream.
      const beforeJoin = stored().length;
      for (const batch of batches.slice(40, 80)) await sender.send(batch);
      await waitFor(() => survivor.lines.length > 0 && stored().length > beforeJoin, 60_000, 'both members storing');
      // Killed while batches keep arriving, after it stored some of them.
      const producing = (async () => {
        for (const batch of batches.slice(80)) await sender.send(batch);
      })();
      // Awaited below; this only keeps a failed wait from leaving it unobserved.
      producing.catch(() => undefined);
      const beforeKill = stored().length;
      await waitFor(() => stored().length > beforeKill, 60_000, 'the child storing the last batches');
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      await producing;

      const all = lines.map(lineId);
      await waitFor(() => {
        const have = new Set([...survivor.ids(), ...stored()]);
        return all.every((id) => have.has(id));
      }, 60_000, 'every item stored by one of the members');
      const storedIds = [...survivor.ids(), ...stored()];
      const duplicates = storedIds.length - new Set(storedIds).size;
      process.stdout.write(`[${mode}] killed member: ${stored().length} stored by it, ${survivor.lines.length} by the survivor, ${duplicates} duplicates\n`);
      // A duplicate comes only from a batch the killed member stored and did not get to commit.
      const killedIds = new Set(stored());
      const counts = new Map<string, number>();
      for (const id of storedIds) counts.set(id, (counts.get(id) ?? 0) + 1);
      const unexplained = [...counts].filter(([id, count]) => count > 1 && !killedIds.has(id));
      expect(unexplained).toEqual([]);
      // Joined once beside the child, and again when the child's partitions came to it.
      expect(await emitted(telemetry, 'transport_partitions_assigned')).toBeGreaterThanOrEqual(2);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('loses nothing while one broker of three is stopped and started again mid-stream (acks from all in-sync replicas)', async () => {
    const { topic, groupId } = names('broker-loss');
    const lines = testLines(6, 2_000);
    const telemetry = silentTelemetry();
    const sender = transport(topic, groupId, telemetry);
    await sender.check();
    const store = new Store();
    transport(topic, groupId, telemetry).consume((items) => {
      store.accept(items);
      return Promise.resolve();
    });
    const engine = (...args: string[]) => runScript('engines/kafka.sh', [...args, '--mode', mode, '2']);
    let resends = 0;
    try {
      const batches = inBatches(lines, 100);
      for (const batch of batches.slice(0, 30)) resends += await sendUntilAcknowledged(sender, batch);
      const stopping = engine('stop-broker');
      // Keep producing while the broker shuts down, and after it is gone.
      let next = 30;
      let stopped = false;
      void stopping.then(() => (stopped = true));
      while (!stopped && next < batches.length - 30) resends += await sendUntilAcknowledged(sender, batches[next++]!);
      await stopping;
      for (const batch of batches.slice(next)) resends += await sendUntilAcknowledged(sender, batch);
      await waitFor(() => store.distinct().size >= lines.length, 90_000, 'every line consumed with a broker down');
    } finally {
      await engine('start-broker');
    }
    const ids = store.ids();
    process.stdout.write(
      `[${mode}] broker stopped: ${ids.length} stored, ${ids.length - new Set(ids).size} duplicates, ${resends} batches sent again, ` +
        `${await emitted(telemetry, 'transport_offsets_commit_failed')} commits failed, ${await emitted(telemetry, 'transport_consumer_crashed')} consumer crashes\n`,
    );
    expect(store.distinct().size).toBe(lines.length);
  });

  it('hands an item it cannot decode on as an undecodable item, in its place, and goes on', async () => {
    const { topic, groupId } = names('undecodable');
    const lines = testLines(1, 10);
    const telemetry = silentTelemetry();
    const sender = transport(topic, groupId, telemetry, {
      encode: (item) => (item.kind === 'line' && item.seq === 3 ? '{not json' : JSON.stringify(item)),
    });
    await sender.check();
    await sender.send(lines);
    const received: TestItem[] = [];
    transport(topic, groupId, telemetry).consume((items) => {
      received.push(...items);
      return Promise.resolve();
    });
    await waitFor(() => received.length >= lines.length, 60_000, 'all ten records');
    // The ten items of one key in one batch travel in one record: the refused one is its line 3.
    expect(received[3]).toMatchObject({ kind: 'undecodable', code: 'transport_record_undecodable', offset: '0', line: 3 });
    expect(received.filter((item) => item.kind === 'line').map((item) => item.seq)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(await emitted(telemetry, 'transport_record_undecodable')).toBe(1);
  });
});

describe('KafkaTransport.check()', () => {
  it('fails with KafkaUnreachable when no broker answers', async () => {
    const telemetry = silentTelemetry();
    const unreachable = testTransport({ brokers: ['127.0.0.1:1'], topic: 'bw-unreachable', groupId: 'bw-unreachable', telemetry });
    const failure = await unreachable.check().catch((error: unknown) => error);
    await unreachable.close();
    expect(failure).toMatchObject({ code: 'transport_kafka_unreachable', retryable: true, context: { brokers: ['127.0.0.1:1'] } });
  });
});
