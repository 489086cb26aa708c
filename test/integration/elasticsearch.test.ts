// Talks to the real Elasticsearch instances of scripts/engines/elasticsearch.sh (plain and secured).
import { Client, errors } from '@elastic/elasticsearch';
import { afterAll, describe, expect, it } from 'vitest';
import { ES_SECURE_CREDENTIALS, enginePort } from '../support/engines.js';

const index = `bw-smoke-${process.pid}`;
const plain = new Client({ node: `http://127.0.0.1:${enginePort('ES_HTTP_PORT')}` });

afterAll(async () => {
  await plain.indices.delete({ index, ignore_unavailable: true });
  await plain.close();
});

describe('Elasticsearch (plain instance)', () => {
  it('indexes documents in bulk and finds them by full text and time range', async () => {
    const docs = [
      { '@timestamp': '2026-11-25T10:00:01.000Z', message: '[Partition orders-3 broker=2] Shrinking ISR from 1,2,3 to 2,3' },
      { '@timestamp': '2026-11-25T10:00:05.000Z', message: 'Rolled new log segment at offset 42' },
    ];
    const result = await plain.bulk({
      refresh: 'wait_for',
      operations: docs.flatMap((doc, i) => [{ create: { _index: index, _id: String(i) } }, doc]),
    });
    expect(result.errors).toBe(false);

    const byText = await plain.search<{ message: string }>({ index, query: { match: { message: 'shrinking' } } });
    expect(byText.hits.hits.map((hit) => hit._id)).toEqual(['0']);

    const byRange = await plain.search({
      index,
      query: { range: { '@timestamp': { gte: '2026-11-25T10:00:03Z' } } },
    });
    expect(byRange.hits.hits.map((hit) => hit._id)).toEqual(['1']);
  });

  it('answers 409 to a second create of the same id', async () => {
    const again = await plain.bulk({
      operations: [{ create: { _index: index, _id: '0' } }, { message: 'duplicate' }],
    });
    expect(again.items[0]?.create?.status).toBe(409);
  });
});

describe('Elasticsearch (secured instance)', () => {
  const node = `http://127.0.0.1:${enginePort('ES_SECURE_HTTP_PORT')}`;

  it('accepts the configured user', async () => {
    const client = new Client({
      node,
      auth: ES_SECURE_CREDENTIALS,
    });
    const health = await client.cluster.health();
    expect(['green', 'yellow']).toContain(health.status);
    await client.close();
  });

  it('refuses a wrong password with 401', async () => {
    const client = new Client({ node, auth: { username: ES_SECURE_CREDENTIALS.username, password: 'wrong' } });
    const failure = await client.cluster.health().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(errors.ResponseError);
    expect((failure as errors.ResponseError).statusCode).toBe(401);
    await client.close();
  });
});
