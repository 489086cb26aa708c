// issue 5: the distributed deployment under failure. `brokerwatch agent` ships through the real
// Kafka cluster (KRaft, three brokers) to `brokerwatch ingest`, which writes to the real
// Elasticsearch. Mid-stream: one Kafka broker of three stops, the ingester is killed with SIGKILL,
// and Elasticsearch is down for 30 s. Every line ends up stored exactly once. And records on the
// topic that are not brokerwatch events (another producer's) are kept, not let stop the ingester.
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { eventId, type BrokerEvent } from '../../src/core/index.js';
import { accountFor, appendLines, lineNumbers, RunProcess, setUpPipeline } from '../support/pipeline.js';
import { enginePort, enginePorts } from '../support/engines.js';
import { runScript } from '../support/scripts.js';
import { waitFor } from '../support/telemetry.js';

const LINES = 200_000;
const CHUNK = 5_000;
const run = `${process.pid}-${Date.now()}`;
const indexPrefix = `bw-pipeline-${run}`;
const es = new Client({ node: `http://127.0.0.1:${enginePort('ES_HTTP_PORT')}` });

async function engine(script: string, ...args: string[]): Promise<void> {
  await runScript(join('engines', script), args);
}

async function storedCount(): Promise<number> {
  try {
    await es.indices.refresh({ index: `${indexPrefix}-*` });
    return (await es.count({ index: `${indexPrefix}-*` })).count;
  } catch {
    return 0;
  }
}

async function storedMessages(): Promise<string[]> {
  const messages: string[] = [];
  let after: (string | number)[] | undefined;
  for (;;) {
    const page = await es.search<{ message: string }>({
      index: `${indexPrefix}-*`,
      size: 10_000,
      _source: ['message'],
      sort: [{ 'log.offset': 'asc' }, { 'event.id': 'asc' }],
      ...(after === undefined ? {} : { search_after: after }),
    });
    const hits = page.hits.hits;
    if (hits.length === 0) return messages;
    for (const hit of hits) messages.push(hit._source!.message);
    after = hits[hits.length - 1]!.sort as (string | number)[];
  }
}

describe('brokerwatch agent -> Kafka -> brokerwatch ingest -> Elasticsearch', () => {
  it('stores every line exactly once through a Kafka broker stop, an ingester kill and 30 s without Elasticsearch', async () => {
    const brokers = enginePorts('KAFKA_KRAFT_PORTS').map((port) => `"127.0.0.1:${port}"`);
    const setup = setUpPipeline(
      'kafka-pipeline',
      [
        'transport:',
        '  type: kafka',
        '  kafka:',
        `    brokers: [${brokers.join(', ')}]`,
        `    topic: bw-pipeline-${run}`,
        `    group_id: bw-pipeline-${run}`,
        '    session_timeout_seconds: 10',
        'store:',
        '  type: elasticsearch',
        '  elasticsearch:',
        `    node: http://127.0.0.1:${enginePort('ES_HTTP_PORT')}`,
        `    index_pattern: "${indexPrefix}-{dataset}-{yyyy.MM.dd}"`,
        '',
      ].join('\n'),
    );
    const agent = RunProcess.start(setup.config, 'agent');
    let ingester = RunProcess.start(setup.config, 'ingest');
    const peaks: number[] = [];
    let brokerStopped = false;
    try {
      for (let at = 0; at < LINES; at += CHUNK) {
        await appendLines(setup.log, at, at + CHUNK);
        if (at === 40_000) {
          await engine('kafka.sh', 'stop-broker', '--mode', 'kraft', '2');
          brokerStopped = true;
        }
        if (at === 80_000) {
          await engine('kafka.sh', 'start-broker', '--mode', 'kraft', '2');
          brokerStopped = false;
        }
        if (at === 100_000) {
          await waitFor(async () => (await storedCount()) > 50_000, 300_000, 'the ingester storing');
          peaks.push(await ingester.peakRss());
          await ingester.kill('SIGKILL');
          ingester = RunProcess.start(setup.config, 'ingest');
        }
        if (at === 150_000) {
          await engine('elasticsearch.sh', 'stop');
          // The outage is the scenario: its length is the point, not a wait for a condition.
          await sleep(30_000);
          await engine('elasticsearch.sh', 'start');
        }
      }
      await waitFor(async () => (await storedCount()) >= LINES || agent.child.exitCode !== null || ingester.child.exitCode !== null, 600_000, `all ${LINES} lines stored`);
      peaks.push(await agent.peakRss(), await ingester.peakRss());
      expect(agent.child.exitCode, agent.stderr).toBeNull();
      expect(ingester.child.exitCode, ingester.stderr).toBeNull();
    } finally {
      if (brokerStopped) await engine('kafka.sh', 'start-broker', '--mode', 'kraft', '2');
      agent.child.kill('SIGTERM');
      ingester.child.kill('SIGTERM');
      await Promise.all([agent.exited, ingester.exited]);
    }
    const { missing, doubled } = accountFor(lineNumbers(await storedMessages()), LINES);
    expect({ missing: missing.slice(0, 10), doubled: doubled.slice(0, 10) }).toEqual({ missing: [], doubled: [] });
    expect(await storedCount()).toBe(LINES);
    // Bounded by the in-flight limits, not by the 23 MB file or the outage's backlog.
    for (const peak of peaks) expect(peak).toBeLessThan(600 * 1024 * 1024);
    // Elasticsearch 8 refuses wildcard deletes (action.destructive_requires_name): by name.
    await es.indices.delete({ index: Object.keys(await es.indices.get({ index: `${indexPrefix}-*` })) });
  }, 1_500_000);

  it('keeps what another producer wrote to the topic as _parse_failure events, and stores the events beside it', async () => {
    const brokers = enginePorts('KAFKA_KRAFT_PORTS').map((port) => `127.0.0.1:${port}`);
    const topic = `bw-foreign-${run}`;
    const index = `${indexPrefix}-foreign`;
    const setup = setUpPipeline(
      'kafka-foreign',
      [
        'transport:',
        '  type: kafka',
        '  kafka:',
        `    brokers: [${brokers.map((broker) => `"${broker}"`).join(', ')}]`,
        `    topic: ${topic}`,
        `    group_id: ${topic}`,
        'store:',
        '  type: elasticsearch',
        '  elasticsearch:',
        `    node: http://127.0.0.1:${enginePort('ES_HTTP_PORT')}`,
        `    index_pattern: "${index}-{dataset}-{yyyy.MM.dd}"`,
        '',
      ].join('\n'),
    );
    const event = (n: number): BrokerEvent => ({
      '@timestamp': `2026-12-04T04:0${n}:00.000Z`,
      message: `event ${n}`,
      'event.id': eventId('foreign-test', topic, n),
      'event.original': `[2026-12-04 05:0${n}:00,000] INFO event ${n} (kafka.server.KafkaServer)`,
      'event.dataset': 'kafka.log',
      'service.type': 'kafka',
      'host.name': 'foreign-test',
    });
    // Valid JSON, none of it an event: the ingester used to take each for one and fail its batch for ever.
    const foreign = ['null', '{"hello":"world"}', '42', JSON.stringify({ ...event(9), 'kafka.partition': 'three' })] as const;
    const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 3 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [
        { key: 'a', value: JSON.stringify(event(1)) },
        { key: 'a', value: [foreign[0], JSON.stringify(event(2)), foreign[1]].join('\n') },
        { key: 'b', value: foreign[2] },
        { key: 'b', value: [foreign[3], JSON.stringify(event(3))].join('\n') },
      ],
    });
    await producer.disconnect();
    const ingester = RunProcess.start(setup.config, 'ingest');
    const stored = async (): Promise<number> => {
      try {
        await es.indices.refresh({ index: `${index}-*` });
        return (await es.count({ index: `${index}-*` })).count;
      } catch {
        return 0;
      }
    };
    try {
      await waitFor(async () => (await stored()) >= 7 || ingester.child.exitCode !== null, 120_000, 'the three events and four foreign records stored');
      expect(ingester.child.exitCode, ingester.stderr).toBeNull();
    } finally {
      ingester.child.kill('SIGTERM');
      await ingester.exited;
    }
    const hits = (await es.search<BrokerEvent>({ index: `${index}-*`, size: 100 })).hits.hits.map((hit) => hit._source!);
    const failures = hits.filter((hit) => hit.tags?.includes('_parse_failure') === true);
    expect(hits.filter((hit) => hit['host.name'] === 'foreign-test').map((hit) => hit.message).sort()).toEqual(['event 1', 'event 2', 'event 3']);
    expect(failures.map((hit) => hit['event.original']).sort()).toEqual([...foreign].sort());
    for (const failure of failures) expect(failure.message).toMatch(/^undecodable record on the transport topic at /);
    const reasons = new Map(failures.map((hit) => [hit['event.original'], [hit['error.type'], hit['error.message']]]));
    expect(reasons.get(foreign[0])).toEqual(['event_undecodable', 'an event is a JSON object, not null']);
    expect(reasons.get(foreign[1])).toEqual(['event_undecodable', 'the event has no @timestamp']);
    expect(reasons.get(foreign[3])).toEqual(['event_undecodable', 'kafka.partition: an integer is expected, not "three"']);
    expect(await stored()).toBe(7);
    await es.indices.delete({ index: Object.keys(await es.indices.get({ index: `${index}-*` })) });
  }, 300_000);
});
