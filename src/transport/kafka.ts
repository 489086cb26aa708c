import kafkajs from 'kafkajs';
import type {
  Batch,
  EachBatchPayload,
  Kafka,
  KafkaConfig,
  KafkaMessage,
  LogEntry,
  PartitionMetadata,
  Producer,
  RetryOptions,
  SASLOptions,
} from 'kafkajs';
import { backoffDelayMs, DEFAULT_BACKOFF, timerSleep, type BackoffPolicy, type Clock, type Sleep } from '../core/index.js';
import type { Telemetry } from '../telemetry/index.js';
import { DeliveryFailed, KafkaAuthenticationFailed, KafkaTopicUnavailable, KafkaUnreachable, RecordUndecodable, TransportClosed } from './errors.js';
import {
  DEFAULT_MAX_REQUEST_BYTES,
  isAuthenticationFailure,
  isRetryableSendFailure,
  packRecords,
  recordBytes,
  splitRequests,
  type KeyedRecord,
} from './kafka-requests.js';
import type { BatchHandler, Transport } from './transport.js';
import { useGzipLevel, type GzipLevel } from './kafka-gzip.js';
import { guardStoppedFetch } from './kafkajs-stopped-fetch.js';

guardStoppedFetch();

export type KafkaCompression = 'none' | 'gzip';

/**
 * Agents run on the broker hosts and share their CPU. On Kafka text events, level 1 costs a third
 * of zlib's default 6 for a third more bytes (11% of the JSON against 8%: docs/transport.md).
 */
export const DEFAULT_GZIP_LEVEL: GzipLevel = 1;

/** Applied when check() creates the topic; an existing topic is left as it is. */
export interface KafkaTopicSettings {
  readonly partitions: number;
  readonly replicationFactor: number;
  /** With acks from all in-sync replicas, a write fails rather than land on fewer replicas than this. */
  readonly minInsyncReplicas: number;
}

/** An item `decode` refused, as handed to `undecodable`. */
export interface UndecodableRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** The item's line in the record (0 for a record that is not text: a tombstone). */
  readonly line: number;
  readonly key: Buffer | null;
  /** The refused line's bytes; null for a tombstone. */
  readonly value: Buffer | null;
  readonly error: RecordUndecodable;
}

export interface KafkaTransportOptions<T> {
  /** host:port of some brokers; the others are found from their metadata. */
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly clientId: string;
  /** The consumer group of consume(): its members share the topic's partitions. */
  readonly groupId: string;
  readonly compression: KafkaCompression;
  /** zlib's level for gzip: 1 by default (see DEFAULT_GZIP_LEVEL). */
  readonly compressionLevel?: GzipLevel;
  /** One line of text: the item's encoding, without a line break (the records' framing, see packRecords). */
  readonly encode: (item: T) => string;
  /** May throw: the item is then handed on as `undecodable` made it. */
  readonly decode: (line: string) => T;
  /** The item handed to the consumer in place of one `decode` refused, so that it is neither lost nor blocking. */
  readonly undecodable: (record: UndecodableRecord) => T;
  /** Items with the same key go to the same partition and arrive in the order sent (agents key by file). */
  readonly key: (item: T) => string;
  readonly ssl?: KafkaConfig['ssl'];
  readonly sasl?: SASLOptions;
  readonly topicSettings: KafkaTopicSettings;
  /** Bytes of batches sent and not yet acknowledged by Kafka, at most: send() waits for room beyond it. */
  readonly maxInFlightBytes: number;
  /** Default DEFAULT_MAX_REQUEST_BYTES: a batch is sent in produce requests of at most this many bytes. */
  readonly maxRequestBytes?: number;
  /** Default 1 MiB: the most a fetched batch, and so one handler call, holds of one partition. */
  readonly maxFetchBytesPerPartition?: number;
  /** Default 30 s: a member silent this long (killed, hung) loses its partitions to the others. At least the broker's group.min.session.timeout.ms (6 s). */
  readonly sessionTimeoutMs?: number;
  /** Default 3 s, also while a handler runs. */
  readonly heartbeatIntervalMs?: number;
  /** Default 30 s: how long check() waits for a new topic to be visible on every broker. */
  readonly topicReadyTimeoutMs?: number;
  /** Default DEFAULT_BACKOFF: pauses between attempts of a failed batch and between consumer restarts (never gives up). */
  readonly backoff?: BackoffPolicy;
  readonly clock: Clock;
  readonly telemetry: Telemetry;
  readonly random?: () => number;
  readonly sleep?: Sleep;
}

/**
 * kafkajs retries each request itself (leaders moving, brokers restarting) with exponential
 * backoff: 10 retries from 300 ms, capped at 30 s, come to about two minutes, as Kafka's own
 * delivery.timeout.ms. After that a send() fails, retryable.
 */
const KAFKAJS_RETRY = { retries: 10, initialRetryTime: 300, maxRetryTime: 30_000 } as const;

/** check() answers within seconds: a start-up or `config check` should not hang on a wrong address. */
const CHECK_RETRY = { retries: 3, initialRetryTime: 300, maxRetryTime: 3_000 } as const;

/**
 * A kafkajs consumer fetches each partition from the leader its cached metadata names, and
 * refreshes that cache only when it is this old: partitions whose leader moved in a broker's
 * controlled shutdown (seen in ZooKeeper mode) went unfetched until then, with no error anywhere.
 * kafkajs's default is five minutes; a metadata request is cheap.
 */
const CONSUMER_METADATA_MAX_AGE_MS = 10_000;

/**
 * How long a fetch waits at the broker for new records. close() waits for the fetch in flight,
 * so this is also the longest a quiet consumer takes to stop (kafkajs's default is 5 s).
 */
const FETCH_MAX_WAIT_MS = 1_000;

/**
 * The most text a packed record carries: enough items (a few hundred events) that kafkajs's cost
 * per record fades, few enough that a small fetch still hands over small batches.
 */
const PACKED_RECORD_BYTES = 64 * 1024;

/**
 * Batches of different partitions handed to the handler at once: the ingester decodes the next
 * while the store indexes the one before (bench:ingest, Kafka path: about a twentieth faster than
 * one at a time, in three alternated pairs). Each partition's batches still come one after the
 * other, in offset order, and each is committed on its own.
 */
const PARTITIONS_HANDLED_AT_ONCE = 3;

/** How often check() asks each broker for the new topic's metadata. */
const TOPIC_POLL_MS = 200;

interface ConnectedProducer {
  readonly producer: Producer;
  readonly partitionOf: (record: KeyedRecord) => number;
}

interface WaitingBatch {
  readonly records: readonly KeyedRecord[];
  readonly bytes: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Batches of items between the agents and the ingesters, through a Kafka topic. A Kafka record
 * carries a run of items with one key, one encoded item per line (packRecords): kafkajs spends
 * more on a record than on its bytes, and one record per item made the agent's producer cost
 * twice its parsing (bench/ingest.ts).
 *
 * send() resolves once Kafka acknowledged every item (acks from all in-sync replicas, idempotent
 * producer); batches of one transport are produced one after the other, so that the items of one
 * key stay in the order sent even when a request is retried. consume() joins the consumer group
 * and hands the items of each fetched batch (one partition, offset order) to the handler; the
 * batch's offsets are committed only after the handler resolved. A rejected batch is handed again
 * after a backoff, so nothing is skipped: delivery is at least once, and a batch handled but not
 * committed (a crash, a lost partition) is handed again to whichever member owns it next.
 */
export class KafkaTransport<T> implements Transport<readonly T[]> {
  readonly #options: KafkaTransportOptions<T>;
  readonly #kafka: Kafka;
  readonly #checkKafka: Kafka;
  readonly #backoff: BackoffPolicy;
  readonly #sleep: Sleep;
  readonly #random: () => number;
  readonly #closing = new AbortController();
  #producer: ConnectedProducer | undefined;
  #sending: Promise<void> = Promise.resolve();
  #inFlight = 0;
  readonly #waiting: WaitingBatch[] = [];
  #consuming: Promise<void> | undefined;

  constructor(options: KafkaTransportOptions<T>) {
    this.#options = options;
    if (options.compression === 'gzip') useGzipLevel(options.compressionLevel ?? DEFAULT_GZIP_LEVEL);
    this.#kafka = KafkaTransport.#client(options, options.brokers, KAFKAJS_RETRY);
    this.#checkKafka = KafkaTransport.#client(options, options.brokers, CHECK_RETRY);
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#sleep = options.sleep ?? timerSleep;
    this.#random = options.random ?? Math.random;
  }

  static #client<T>(options: KafkaTransportOptions<T>, brokers: readonly string[], retry: RetryOptions): Kafka {
    const logger = options.telemetry.logger.child({ component: 'kafkajs' });
    const config: KafkaConfig = {
      clientId: options.clientId,
      brokers: [...brokers],
      connectionTimeout: 3_000,
      retry,
      // kafkajs's own errors (a connection lost, a consumer crash) go to our log as warnings: the
      // named events say what they mean for delivery. Its warnings and info are left out, among
      // them one per idempotent producer about limited retries, which the event ids make harmless.
      logLevel: kafkajs.logLevel.ERROR,
      logCreator:
        () =>
        ({ namespace, log }: LogEntry) => {
          const { message, ...fields } = log;
          logger.warn({ namespace, ...fields }, message);
        },
    };
    if (options.ssl !== undefined) config.ssl = options.ssl;
    if (options.sasl !== undefined) config.sasl = options.sasl;
    return new kafkajs.Kafka(config);
  }

  /** Bytes sent and not yet acknowledged by Kafka. */
  get inFlightBytes(): number {
    return this.#inFlight;
  }

  /**
   * Connects, creates the topic when it is missing, and waits until every broker answers for it:
   * right after a topic is created, a ZooKeeper-mode broker still answers metadata requests from
   * its cache without it (UNKNOWN_TOPIC_OR_PARTITION).
   */
  async check(): Promise<void> {
    const { topic, topicSettings } = this.#options;
    const admin = this.#checkKafka.admin();
    try {
      await admin.connect();
    } catch (error) {
      throw this.#connectFailure(error);
    }
    try {
      const brokers = (await admin.describeCluster()).brokers;
      if (!(await admin.listTopics()).includes(topic)) {
        const created = await admin.createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic,
              numPartitions: topicSettings.partitions,
              replicationFactor: topicSettings.replicationFactor,
              configEntries: [{ name: 'min.insync.replicas', value: String(topicSettings.minInsyncReplicas) }],
            },
          ],
        });
        if (created) this.#options.telemetry.emit('transport_topic_created', { topic, ...topicSettings });
      }
      await this.#waitForTopicOn(brokers.map((broker) => `${broker.host}:${broker.port}`));
    } catch (error) {
      if (error instanceof KafkaTopicUnavailable) throw error;
      throw new KafkaTopicUnavailable(`the Kafka topic ${topic} could not be created or described`, {
        context: { topic, brokers: this.#options.brokers },
        cause: error,
        retryable: true,
      });
    } finally {
      await admin.disconnect();
    }
  }

  async #waitForTopicOn(brokers: readonly string[]): Promise<void> {
    const { topic, clock } = this.#options;
    const deadline = clock.now() + (this.#options.topicReadyTimeoutMs ?? 30_000);
    for (const broker of brokers) {
      // A client seeded with one broker asks that broker first: its answer is the one in question.
      const admin = KafkaTransport.#client(this.#options, [broker], CHECK_RETRY).admin();
      try {
        await admin.connect();
        while (!(await this.#topicReady(admin))) {
          if (clock.now() > deadline) {
            throw new KafkaTopicUnavailable(`the Kafka topic ${topic} has no leaders on broker ${broker}`, {
              context: { topic, broker },
              retryable: true,
            });
          }
          await this.#sleep(TOPIC_POLL_MS);
        }
      } finally {
        await admin.disconnect();
      }
    }
  }

  async #topicReady(admin: ReturnType<Kafka['admin']>): Promise<boolean> {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [this.#options.topic] });
      const partitions = metadata.topics[0]?.partitions ?? [];
      return partitions.length > 0 && partitions.every((partition) => partition.leader >= 0);
    } catch {
      // UNKNOWN_TOPIC_OR_PARTITION or LEADER_NOT_AVAILABLE from a broker not yet updated: ask again.
      return false;
    }
  }

  #connectFailure(error: unknown): Error {
    const context = { brokers: this.#options.brokers, clientId: this.#options.clientId };
    if (isAuthenticationFailure(error)) {
      return new KafkaAuthenticationFailed('a Kafka broker refused the SASL credentials', { context, cause: error });
    }
    return new KafkaUnreachable(`no Kafka broker of ${this.#options.brokers.join(',')} could be reached`, {
      context,
      cause: error,
      retryable: true,
    });
  }

  async send(batch: readonly T[]): Promise<void> {
    if (this.#closed) throw new TransportClosed('the Kafka transport is closed');
    const records = packRecords(batch, this.#options.key, this.#options.encode, Math.min(PACKED_RECORD_BYTES, this.#options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES));
    const bytes = records.reduce((sum, record) => sum + recordBytes(record), 0);
    // Queued before the first await, so that batches wait in the order send() was called.
    await new Promise<void>((resolve, reject) => {
      this.#waiting.push({ records, bytes, resolve, reject });
      this.#admit();
    });
  }

  /**
   * Admits waiting batches, oldest first, while they fit under maxInFlightBytes (a batch larger
   * than the whole bound alone), and queues them for production in that order: a later, smaller
   * batch never overtakes an earlier one, or one file's records would go out of order.
   */
  #admit(): void {
    for (let next = this.#waiting[0]; next !== undefined; next = this.#waiting[0]) {
      if (this.#inFlight > 0 && this.#inFlight + next.bytes > this.#options.maxInFlightBytes) return;
      this.#waiting.shift();
      this.#inFlight += next.bytes;
      const { records, bytes, resolve, reject } = next;
      const produced = this.#sending.then(() => this.#produce(records));
      // The chain only orders the batches; each caller gets its own batch's outcome from `produced`.
      this.#sending = produced.catch(() => undefined);
      void produced.then(resolve, reject).finally(() => {
        this.#inFlight -= bytes;
        this.#admit();
      });
    }
  }

  /**
   * Produces a batch one kafkajs send() per partition, the partitions side by side. kafkajs 2.2.4
   * loses records when one send() spans several leaders and a leader moves: its retry skips every
   * broker that already answered, including the one that leads the moved partition now, and
   * resolves without sending that partition's records (seen here with one broker of three
   * stopped). A send() to one partition has one leader, so its retry always reaches the new one.
   */
  async #produce(records: readonly KeyedRecord[]): Promise<void> {
    if (this.#closed) throw new TransportClosed('the Kafka transport closed before the batch was sent');
    const { topic, compression } = this.#options;
    const maxRequestBytes = this.#options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    try {
      const { producer, partitionOf } = (this.#producer ??= await this.#connectProducer());
      const partitions = new Map<number, KeyedRecord[]>();
      for (const record of records) {
        const partition = partitionOf(record);
        const queued = partitions.get(partition);
        if (queued === undefined) partitions.set(partition, [record]);
        else queued.push(record);
      }
      // Settled, not raced: a producer is replaced only once none of its sends is still retrying.
      const outcomes = await Promise.allSettled(
        [...partitions].map(async ([partition, queued]) => {
          for (const request of splitRequests(queued, maxRequestBytes)) {
            await producer.send({
              topic,
              acks: -1,
              compression: compression === 'gzip' ? kafkajs.CompressionTypes.GZIP : kafkajs.CompressionTypes.None,
              messages: request.map((record) => ({ key: record.key, value: record.value, partition })),
            });
          }
        }),
      );
      const failure = outcomes.find((outcome) => outcome.status === 'rejected');
      if (failure !== undefined) throw failure.reason;
    } catch (error) {
      // A fresh producer (a new producer id) for whatever comes next: the idempotent producer's
      // sequence numbers did not move for the failed requests, and a broker would take a later,
      // different batch with the same numbers for a duplicate of one it already has, and drop it.
      const failed = this.#producer;
      this.#producer = undefined;
      await failed?.producer.disconnect();
      const retryable = isRetryableSendFailure(error);
      this.#options.telemetry.emit('transport_send_failed', { topic, items: records.length, retryable, error: describe(error) });
      throw new DeliveryFailed(`Kafka did not acknowledge a batch of ${records.length} items for ${topic}`, {
        context: { topic, items: records.length },
        cause: error,
        retryable,
      });
    }
  }

  /**
   * The producer, and the partition of a record as Kafka's Java producer picks it (murmur2 of the
   * key modulo the partition count, as read now: partitions added later are used by the next
   * producer, after a restart or a failed send).
   */
  async #connectProducer(): Promise<ConnectedProducer> {
    const { topic } = this.#options;
    const admin = this.#kafka.admin();
    await admin.connect();
    let partitionMetadata: PartitionMetadata[];
    try {
      partitionMetadata = (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]?.partitions ?? [];
    } finally {
      await admin.disconnect();
    }
    if (partitionMetadata.length === 0) {
      throw new KafkaTopicUnavailable(`the Kafka topic ${topic} has no partitions`, { context: { topic }, retryable: true });
    }
    const partitioner = kafkajs.Partitioners.DefaultPartitioner();
    const producer = this.#kafka.producer({ idempotent: true, allowAutoTopicCreation: false, retry: KAFKAJS_RETRY });
    await producer.connect();
    return {
      producer,
      partitionOf: (record) => partitioner({ topic, partitionMetadata, message: { key: record.key, value: record.value } }),
    };
  }

  consume(handler: BatchHandler<readonly T[]>): void {
    if (this.#consuming !== undefined) throw new Error('the Kafka transport has one consumer');
    this.#consuming = this.#consumeUntilClosed(handler);
  }

  /**
   * Runs a group member until close(). kafkajs restarts a member that crashed on a retriable
   * error by itself; one that stopped for good (a non-retriable error) is replaced here, after a
   * backoff, so that the ingester keeps consuming once the cause is gone.
   */
  async #consumeUntilClosed(handler: BatchHandler<readonly T[]>): Promise<void> {
    const { topic, groupId, telemetry } = this.#options;
    for (let attempt = 1; ; attempt += 1) {
      const consumer = this.#kafka.consumer({
        groupId,
        sessionTimeout: this.#options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: this.#options.heartbeatIntervalMs ?? 3_000,
        maxBytesPerPartition: this.#options.maxFetchBytesPerPartition ?? 1024 * 1024,
        metadataMaxAge: CONSUMER_METADATA_MAX_AGE_MS,
        maxWaitTimeInMs: FETCH_MAX_WAIT_MS,
        allowAutoTopicCreation: false,
        retry: KAFKAJS_RETRY,
      });
      const stopped = new Promise<unknown>((resolve) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          telemetry.emit('transport_consumer_crashed', { topic, groupId, restart: payload.restart, error: describe(payload.error) });
          if (!payload.restart) resolve(payload.error);
        });
        this.#closing.signal.addEventListener('abort', () => resolve(undefined), { once: true });
      });
      consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
        telemetry.emit('transport_partitions_assigned', { topic, groupId, memberId: payload.memberId, partitions: payload.memberAssignment[topic] ?? [] });
      });
      let failure: unknown;
      try {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: true });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: PARTITIONS_HANDLED_AT_ONCE,
          eachBatch: (payload) => this.#handleBatch(handler, payload),
        });
        failure = await stopped;
      } catch (error) {
        failure = error;
      }
      // kafkajs logs a failed disconnect itself; the member is replaced either way.
      await consumer.disconnect().catch(() => undefined);
      if (this.#closed) return;
      const delayMs = backoffDelayMs(this.#backoff, attempt, this.#random);
      telemetry.emit('transport_consumer_restarted', { topic, groupId, attempt, delayMs, error: describe(failure) });
      try {
        await this.#sleep(delayMs, this.#closing.signal);
      } catch {
        return; // closed while waiting
      }
    }
  }

  async #handleBatch(handler: BatchHandler<readonly T[]>, payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const { topic, partition } = batch;
    const heartbeat = () => payload.heartbeat();
    const items = batch.messages.flatMap((message) => this.#decode(batch, message));
    const where = { topic, partition, firstOffset: batch.firstOffset(), lastOffset: batch.lastOffset(), items: items.length };
    for (let attempt = 1; ; attempt += 1) {
      // Stopping, or the partition was moved: not committed, so its next owner reads it again.
      if (!payload.isRunning() || payload.isStale()) return;
      try {
        await this.#whileHeartbeating(heartbeat, handler(items));
        break;
      } catch (error) {
        const delayMs = backoffDelayMs(this.#backoff, attempt, this.#random);
        this.#options.telemetry.emit('transport_batch_rejected', { ...where, attempt, delayMs, error: describe(error) });
        try {
          await this.#whileHeartbeating(heartbeat, this.#sleep(delayMs, this.#closing.signal));
        } catch {
          return; // closed while waiting: not committed, handed again to the next run
        }
      }
    }
    const next = (BigInt(batch.lastOffset()) + 1n).toString();
    try {
      // The payload's commit, not consumer.commitOffsets(): that one silently does nothing once the
      // consumer is stopping, and a batch handled during close() would be handed again needlessly.
      await payload.commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset: next }] }] });
    } catch (error) {
      this.#options.telemetry.emit('transport_offsets_commit_failed', { ...where, error: describe(error) });
      throw error;
    }
    payload.resolveOffset(batch.lastOffset());
  }

  /** The items of a record, each refused line (or a tombstone) handed on as `undecodable` made it. */
  #decode(batch: Batch, message: KafkaMessage): T[] {
    if (message.value === null) return [this.#undecodable(batch, message, 0, null, new Error('the record has no value (a tombstone)'))];
    const lines = message.value.toString('utf8').split('\n');
    return lines.map((line, index) => {
      try {
        return this.#options.decode(line);
      } catch (cause) {
        return this.#undecodable(batch, message, index, Buffer.from(line), cause);
      }
    });
  }

  #undecodable(batch: Batch, message: KafkaMessage, line: number, value: Buffer | null, cause: unknown): T {
    const where = { topic: batch.topic, partition: batch.partition, offset: message.offset, line };
    this.#options.telemetry.emit('transport_record_undecodable', { ...where, error: describe(cause) });
    const error = new RecordUndecodable(`line ${line} of the record at ${batch.topic}-${batch.partition} offset ${message.offset} could not be decoded`, {
      context: where,
      cause,
    });
    return this.#options.undecodable({ ...where, key: message.key, value, error });
  }

  /**
   * Keeps the member alive in its group while `work` runs: a handler slower than the session
   * timeout (a store catching up) must not cost the partitions.
   */
  async #whileHeartbeating<R>(heartbeat: () => Promise<void>, work: Promise<R>): Promise<R> {
    const timer = setInterval(() => {
      // A rejected heartbeat means a rebalance began; kafkajs gets the same answer at its own
      // heartbeat after this batch and rejoins then, so there is nothing to do here.
      heartbeat().catch(() => undefined);
    }, this.#options.heartbeatIntervalMs ?? 3_000);
    try {
      return await work;
    } finally {
      clearInterval(timer);
    }
  }

  /**
   * Sends queued behind the current one are rejected with TransportClosed; the one being sent is
   * awaited (kafkajs gives it at most its retries). The consumer finishes the batch it is handling,
   * commits it, and leaves the group, so its partitions move to the other members at once.
   */
  async close(): Promise<void> {
    this.#closing.abort(new TransportClosed('the Kafka transport is closed'));
    for (const waiting of this.#waiting.splice(0)) waiting.reject(new TransportClosed('the Kafka transport closed before the batch was sent'));
    await this.#sending;
    await this.#producer?.producer.disconnect();
    this.#producer = undefined;
    await this.#consuming;
  }

  get #closed(): boolean {
    return this.#closing.signal.aborted;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
