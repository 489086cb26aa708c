// Synthetic events for store tests and the store benchmark. These are NOT captured log lines:
// the message templates follow the wording of Kafka's and RabbitMQ's sources (the class named
// beside each) so that text search and field variety look like a real cluster's, but the records
// are generated. Captured fixtures from real brokers replace them where realism matters.
import {
  DATASET_OF,
  eventId,
  type BrokerEvent,
  type EventAction,
  type LogLevel,
  type ServiceType,
} from '../../src/core/index.js';

interface Template {
  readonly service: ServiceType;
  readonly level: LogLevel;
  readonly logger?: string;
  readonly action?: EventAction;
  readonly weight: number;
  readonly render: (r: Rng) => { message: string; fields?: Partial<BrokerEvent> };
}

/** A small deterministic PRNG (mulberry32), so a seed gives the same events every run. */
export class Rng {
  #state: number;
  constructor(seed: number) {
    this.#state = seed >>> 0;
  }
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const TOPICS = ['orders', 'payments', 'clickstream', 'audit-log', 'inventory', '__consumer_offsets', 'shipments', 'fraud-scores'];
const VHOSTS = ['/', 'billing', 'notifications', 'edge'];
const QUEUES = ['invoice.created', 'email.outbound', 'sms.outbound', 'webhook.retry', 'ledger.events'];

const TEMPLATES: readonly Template[] = [
  // kafka.log.LocalLog / UnifiedLog
  { service: 'kafka', level: 'info', logger: 'kafka.log.LocalLog', weight: 30, render: (r) => {
    const topic = r.pick(TOPICS); const p = r.int(12);
    return { message: `[LocalLog partition=${topic}-${p}, dir=/var/lib/kafka/data] Rolled new log segment at offset ${r.int(9e6)} in ${r.int(40)} ms.`, fields: { 'kafka.topic': topic, 'kafka.partition': p } };
  } },
  // kafka.log.UnifiedLog deleting segments
  { service: 'kafka', level: 'info', logger: 'kafka.log.UnifiedLog', weight: 15, render: (r) => {
    const topic = r.pick(TOPICS); const p = r.int(12);
    return { message: `[UnifiedLog partition=${topic}-${p}, dir=/var/lib/kafka/data] Deleting segment LogSegment(baseOffset=${r.int(9e6)}, size=${r.int(1 << 30)}) due to retention time 604800000ms breach`, fields: { 'kafka.topic': topic, 'kafka.partition': p } };
  } },
  // kafka.coordinator.group.GroupCoordinator
  { service: 'kafka', level: 'info', logger: 'kafka.coordinator.group.GroupCoordinator', weight: 12, render: (r) =>
    ({ message: `[GroupCoordinator ${r.int(3) + 1}]: Preparing to rebalance group consumer-${r.pick(TOPICS)} in state PreparingRebalance with old generation ${r.int(400)} (__consumer_offsets-${r.int(50)}) (reason: Adding new member consumer-${r.int(99)} with group instance id None)` }) },
  // kafka.cluster.Partition: ISR shrink (2.7+ wording)
  { service: 'kafka', level: 'info', logger: 'kafka.cluster.Partition', action: 'isr_shrink', weight: 2, render: (r) => {
    const topic = r.pick(TOPICS); const p = r.int(12);
    return { message: `[Partition ${topic}-${p} broker=1] Shrinking ISR from 1,2,3 to 1,2. Leader: (highWatermark: ${r.int(9e6)}, endOffset: ${r.int(9e6)}). Out of sync replicas: (brokerId: 3, endOffset: ${r.int(9e6)}).`, fields: { 'kafka.topic': topic, 'kafka.partition': p, 'kafka.isr.before': [1, 2, 3], 'kafka.isr.after': [1, 2], 'kafka.isr.removed': [3] } };
  } },
  // kafka.cluster.Partition: ISR expand
  { service: 'kafka', level: 'info', logger: 'kafka.cluster.Partition', action: 'isr_expand', weight: 2, render: (r) => {
    const topic = r.pick(TOPICS); const p = r.int(12);
    return { message: `[Partition ${topic}-${p} broker=1] Expanding ISR from 1,2 to 1,2,3`, fields: { 'kafka.topic': topic, 'kafka.partition': p, 'kafka.isr.before': [1, 2], 'kafka.isr.after': [1, 2, 3], 'kafka.isr.added': [3] } };
  } },
  // kafka.controller.KafkaController
  { service: 'kafka', level: 'info', logger: 'kafka.controller.KafkaController', action: 'controller_elected', weight: 1, render: (r) => {
    const id = r.int(3) + 1;
    return { message: `[Controller id=${id}] ${id} successfully elected as the controller. Epoch incremented to ${r.int(90)} and epoch zk version is now ${r.int(90)}`, fields: { 'kafka.controller.id': id } };
  } },
  // kafka.server.ReplicaFetcherThread
  { service: 'kafka', level: 'warning', logger: 'kafka.server.ReplicaFetcherThread', weight: 4, render: (r) =>
    ({ message: `[ReplicaFetcher replicaId=2, leaderId=${r.int(3) + 1}, fetcherId=0] Error in response for fetch request (type=FetchRequest, replicaId=2, maxWait=500, minBytes=1, maxBytes=10485760) java.io.IOException: Connection to ${r.int(3) + 1} was disconnected before the response was read` }) },
  // rabbit_reader
  { service: 'rabbitmq', level: 'info', weight: 16, render: (r) => {
    const vhost = r.pick(VHOSTS);
    return { message: `accepting AMQP connection <0.${r.int(9e4)}.0> (10.1.${r.int(255)}.${r.int(255)}:${r.int(6e4)} -> 10.1.0.5:5672)`, fields: { 'rabbitmq.vhost': vhost } };
  } },
  { service: 'rabbitmq', level: 'warning', action: 'connection_closed_abruptly', weight: 4, render: (r) => {
    const vhost = r.pick(VHOSTS);
    return { message: `closing AMQP connection <0.${r.int(9e4)}.0> (10.1.${r.int(255)}.${r.int(255)}:${r.int(6e4)} -> 10.1.0.5:5672, vhost: '${vhost}', user: 'svc-${r.int(20)}'):\nclient unexpectedly closed TCP connection`, fields: { 'rabbitmq.vhost': vhost } };
  } },
  // rabbit_amqqueue_process / rabbit_mirror_queue_slave
  { service: 'rabbitmq', level: 'info', weight: 6, render: (r) => {
    const vhost = r.pick(VHOSTS); const queue = r.pick(QUEUES);
    return { message: `queue '${queue}' in vhost '${vhost}': Adding mirror on node rabbit@mq-${r.int(3) + 1}: <0.${r.int(9e4)}.0>`, fields: { 'rabbitmq.vhost': vhost, 'rabbitmq.queue': queue } };
  } },
  // rabbit_node_monitor
  { service: 'rabbitmq', level: 'info', action: 'node_down', weight: 1, render: (r) => {
    const node = `rabbit@mq-${r.int(3) + 1}`;
    return { message: `node ${node} down: net_tick_timeout`, fields: { 'rabbitmq.node.subject': node } };
  } },
  // rabbit_alarm / vm_memory_monitor
  { service: 'rabbitmq', level: 'warning', action: 'memory_alarm_set', weight: 1, render: (r) =>
    ({ message: `memory resource limit alarm set on node rabbit@mq-${r.int(3) + 1}.\n\n**********************************************************\n*** Publishers will be blocked until this alarm clears ***\n**********************************************************`, fields: { 'rabbitmq.alarm.resource': 'memory' } }) },
];

const TOTAL_WEIGHT = TEMPLATES.reduce((sum, t) => sum + t.weight, 0);

export interface GenerateOptions {
  readonly count: number;
  readonly seed?: number;
  readonly startMs: number;
  /** Mean spacing of records in time. */
  readonly stepMs: number;
  readonly clusters?: readonly string[];
}

/** Events as a parser would hand them over: one file per host and service, offsets increasing. */
export function* syntheticEvents(options: GenerateOptions): Generator<BrokerEvent> {
  const rng = new Rng(options.seed ?? 1);
  const clusters = options.clusters ?? ['prod-eu', 'prod-us', 'staging'];
  const offsets = new Map<string, number>();
  let time = options.startMs;
  for (let i = 0; i < options.count; i += 1) {
    let roll = rng.int(TOTAL_WEIGHT);
    const template = TEMPLATES.find((t) => (roll -= t.weight) < 0)!;
    const { message, fields } = template.render(rng);
    const cluster = rng.pick(clusters);
    const broker = rng.int(3) + 1;
    const host = `${template.service === 'kafka' ? 'kafka' : 'mq'}-${cluster}-${broker}`;
    const path = template.service === 'kafka' ? '/var/log/kafka/server.log' : `/var/log/rabbitmq/rabbit@${host}.log`;
    const fileKey = `${host}${path}`;
    const offset = offsets.get(fileKey) ?? 0;
    const timestamp = new Date(time).toISOString();
    const original = `[${timestamp}] ${template.level.toUpperCase()} ${message}`;
    offsets.set(fileKey, offset + Buffer.byteLength(original) + 1);
    time += rng.int(options.stepMs * 2);
    yield {
      '@timestamp': timestamp,
      message,
      'log.level': template.level,
      ...(template.logger === undefined ? {} : { 'log.logger': template.logger }),
      'log.file.path': path,
      'log.offset': offset,
      'event.id': eventId(host, path, offset),
      'event.original': original,
      'event.dataset': DATASET_OF[template.service],
      ...(template.action === undefined ? {} : { 'event.action': template.action }),
      'service.type': template.service,
      'host.name': host,
      'broker.cluster': cluster,
      'broker.id': String(broker),
      'broker.zone': cluster.startsWith('prod') ? 'prod' : 'dev',
      ...(message.includes('\n') ? { tags: ['multiline'] } : {}),
      ...fields,
    };
  }
}
