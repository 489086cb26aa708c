import { describe, expect, it } from 'vitest';
import { isSupportedVersion, redactedNode } from '../../../src/store/elasticsearch/connect.js';

describe('start-up checks', () => {
  it('accepts Elasticsearch 8 and 9 only', () => {
    expect(['8.19.21', '9.1.0'].map(isSupportedVersion)).toEqual([true, true]);
    expect(['7.17.0', '10.0.0', undefined].map(isSupportedVersion)).toEqual([false, false, false]);
  });

  it('removes credentials from a node URL before it reaches an error', () => {
    expect(redactedNode('https://elastic:s3cret@es.example:9200/')).toBe('https://es.example:9200/');
  });
});
