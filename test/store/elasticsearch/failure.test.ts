import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { decideItem, decideRequestFailure } from '../../../src/store/elasticsearch/failure.js';

const response = (statusCode: number): errors.ResponseError =>
  new errors.ResponseError({ statusCode, body: {}, headers: {}, warnings: null, meta: {} as never });

describe('what an Elasticsearch failure means', () => {
  it('retries a whole request on 429, 5xx and on an unreachable node', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(decideRequestFailure(response(status)).kind).toBe('retry');
    expect(decideRequestFailure(new errors.ConnectionError('connect ECONNREFUSED')).kind).toBe('retry');
    expect(decideRequestFailure(new errors.TimeoutError('Request timed out')).kind).toBe('retry');
    expect(decideRequestFailure(new errors.NoLivingConnectionsError('none', {} as never)).kind).toBe('retry');
  });

  it('gives up on refused credentials and on malformed requests', () => {
    expect(decideRequestFailure(response(401))).toEqual({ kind: 'give_up', reason: 'status 401', cause: 'unauthorized' });
    expect(decideRequestFailure(response(403))).toMatchObject({ kind: 'give_up', cause: 'unauthorized' });
    expect(decideRequestFailure(response(400))).toMatchObject({ kind: 'give_up', cause: 'rejected' });
    expect(decideRequestFailure(response(413))).toMatchObject({ kind: 'give_up', cause: 'rejected' });
    expect(decideRequestFailure(new TypeError('bug'))).toMatchObject({ kind: 'give_up', cause: 'rejected' });
  });

  it('decides each bulk item: stored, duplicate on 409, retry on 429/5xx, dead letter otherwise', () => {
    expect(decideItem({ status: 201 })).toBe('stored');
    expect(decideItem({ status: 409, error: { type: 'version_conflict_engine_exception' } })).toBe('duplicate');
    expect(decideItem({ status: 429, error: { type: 'es_rejected_execution_exception' } })).toBe('retry');
    expect(decideItem({ status: 503, error: { type: 'unavailable_shards_exception' } })).toBe('retry');
    expect(decideItem({ status: 400, error: { type: 'document_parsing_exception' } })).toBe('dead_letter');
    expect(decideItem({ status: 404, error: { type: 'index_not_found_exception' } })).toBe('dead_letter');
  });
});
