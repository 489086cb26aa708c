import { describe, expect, it } from 'vitest';
import { FIELDS, FIELD_NAMES } from '../../../src/core/index.js';
import { eventMappings } from '../../../src/store/elasticsearch/mapping.js';

describe('index template mapping', () => {
  it('maps every registry field, text and keyword as the registry says, stored fields unindexed', () => {
    const properties = eventMappings().properties!;
    expect(Object.keys(properties).sort()).toEqual([...FIELD_NAMES].sort());
    expect(properties.message).toEqual({ type: 'text' });
    expect(properties['kafka.topic']).toMatchObject({ type: 'keyword' });
    expect(properties['event.original']).toEqual({ type: 'keyword', index: false, doc_values: false });
    for (const name of FIELD_NAMES) {
      if (FIELDS[name].type === 'keyword') expect(properties[name]).toMatchObject({ type: 'keyword' });
    }
    expect(eventMappings().dynamic).toBe(false);
  });
});
