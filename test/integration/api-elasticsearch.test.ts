// The HTTP API over the real Elasticsearch of scripts/engines/elasticsearch.sh: the same suite as
// over SQLite (test/api/suite.ts), the drill's events in indices of their own, deleted afterwards.
import { Client } from '@elastic/elasticsearch';
import { afterAll, expect, it } from 'vitest';
import type { BrokerEvent, EventId, ManualClock } from '../../src/core/index.js';
import { ElasticsearchStore } from '../../src/store/index.js';
import { apiStoreSuite } from '../api/suite.js';
import { SseClient } from '../api/sse.js';
import { drill, startApi } from '../api/support.js';
import { enginePort } from '../support/engines.js';
import { silentTelemetry, waitFor } from '../support/telemetry.js';

const node = `http://127.0.0.1:${enginePort('ES_HTTP_PORT')}`;
const prefix = `bwapi-${process.pid}`;

afterAll(async () => {
  const admin = new Client({ node });
  const indices = await admin.cat.indices({ index: `${prefix}-*`, format: 'json', h: 'index' });
  const names = indices.map((row) => row.index!);
  if (names.length > 0) await admin.indices.delete({ index: names });
  for (const name of [prefix, `${prefix}-live`]) await admin.indices.deleteIndexTemplate({ name }, { ignore: [404] });
  await admin.close();
});

const open = (clock: ManualClock, refreshOnWrite: boolean, name = prefix): Promise<ElasticsearchStore> =>
  ElasticsearchStore.open({
    node,
    clock,
    telemetry: silentTelemetry(),
    indexPattern: `${name}-{dataset}-{yyyy.MM.dd}`,
    deadLetterIndex: `${name}-dead-letter`,
    templateName: name,
    numberOfReplicas: 0,
    refreshOnWrite,
  });

// The suite asserts what a page holds right after a write, so writes wait for the refresh here.
apiStoreSuite('Elasticsearch', (clock) => open(clock, true));

it('tails over HTTP a store that writes without refresh, as a live ingester does: every event comes once, after a refresh', async () => {
  const { events, clock } = drill();
  const store = await open(clock, false, `${prefix}-live`);
  const api = await startApi({ store, clock });
  try {
    await store.write(events.slice(0, 1000));
    await waitFor(async () => (await store.search({ limit: 1 })).events.length === 1, 30_000, 'the first refresh');
    const tail = await SseClient.open(`${api.base}/api/v1/tail`);
    await waitFor(() => tail.comments.includes('tail started'), 30_000, 'the tail to start');
    const fresh = events.slice(1000, 2500).map((e, i) => ({ ...e, 'event.id': `live-${i}` as EventId }));
    for (let i = 0; i < fresh.length; i += 300) await store.write(fresh.slice(i, i + 300));
    await waitFor(() => tail.events<BrokerEvent>().length >= fresh.length, 30_000, 'the tail to send every event after refreshes');
    expect(tail.events<BrokerEvent>().map((e) => e['event.id']).sort()).toEqual(fresh.map((e) => e['event.id']).sort());
    tail.close();
    await tail.ended;
  } finally {
    await api.close();
    await store.close();
  }
});
