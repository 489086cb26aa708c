// `brokerwatch search`, `tail`, `timeline` and `config check --connect` against the real
// Elasticsearch of scripts/engines/elasticsearch.sh (and, for the transport check, the KRaft
// cluster of scripts/engines/kafka.sh): the same suite as on SQLite (test/cli/query-cli-suite.ts),
// through a configuration file naming the Elasticsearch store, as an admin would run them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/index.js';
import { registerConfigCheck } from '../../src/cli/config-check.js';
import { loadConfig, openStore } from '../../src/config/index.js';
import { queryCliSuite } from '../cli/query-cli-suite.js';
import { runCli } from '../support/cli.js';
import { enginePort, enginePorts } from '../support/engines.js';
import { silentTelemetry } from '../support/telemetry.js';

const node = `http://127.0.0.1:${enginePort('ES_HTTP_PORT')}`;
const admin = new Client({ node });
const prefix = `bwquery-${process.pid}`;
const root = mkdtempSync(join(tmpdir(), 'bw-query-es-'));
const config = join(root, 'brokerwatch.yaml');
writeFileSync(config, `data_dir: data\nstore:\n  type: elasticsearch\n  elasticsearch:\n    node: ${node}\n    index_pattern: "${prefix}-{dataset}-{yyyy.MM.dd}"\n`);

afterAll(async () => {
  const indices = (await admin.cat.indices({ index: `${prefix}-*`, format: 'json', h: 'index' })).map((row) => row.index!);
  if (indices.length > 0) await admin.indices.delete({ index: indices });
  // What opening the store from a configuration creates besides the events' indices.
  await admin.indices.delete({ index: 'brokerwatch-dead-letter' }, { ignore: [404] });
  await admin.indices.deleteIndexTemplate({ name: 'brokerwatch-events' }, { ignore: [404] });
  await admin.close();
  rmSync(root, { recursive: true, force: true });
});

queryCliSuite('elasticsearch', () =>
  Promise.resolve({
    configFile: config,
    write: async (events) => {
      const store = await openStore(loadConfig(config), { clock: new ManualClock(Date.UTC(2026, 10, 25, 12)), telemetry: silentTelemetry() });
      const results = await store.write(events);
      await store.close();
      expect(results.every((r) => r.outcome === 'stored')).toBe(true);
    },
    settle: async () => {
      await admin.indices.refresh({ index: `${prefix}-*` });
    },
  }),
);

describe('brokerwatch config check --connect', () => {
  it('reaches Elasticsearch and finds its index template', async () => {
    const run = await runCli(registerConfigCheck, ['config', 'check', '--connect', '--config', config]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`store: elasticsearch (${node})\n`);
    expect(run.out).toContain('store check: ok (elasticsearch)\nok\n');
  });

  it('reaches the brokers of the Kafka transport and has its topic on every one (KRaft cluster)', async () => {
    const brokers = enginePorts('KAFKA_KRAFT_PORTS').map((port) => `127.0.0.1:${port}`);
    const topic = `bw-config-check-${process.pid}`;
    const file = join(root, 'kafka.yaml');
    writeFileSync(file, `${readFileSync(config, 'utf8')}transport:\n  type: kafka\n  kafka:\n    brokers: [${brokers.map((b) => `"${b}"`).join(', ')}]\n    topic: ${topic}\n`);
    const run = await runCli(registerConfigCheck, ['config', 'check', '--connect', '--config', file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`transport check: ok (kafka ${brokers.join(',')}, topic ${topic})\nok\n`);
    const kafka = new Kafka({ clientId: 'bw-test', brokers, logLevel: logLevel.NOTHING }).admin();
    await kafka.connect();
    try {
      expect(await kafka.listTopics()).toContain(topic);
      await kafka.deleteTopics({ topics: [topic] });
    } finally {
      await kafka.disconnect();
    }
  });
});
