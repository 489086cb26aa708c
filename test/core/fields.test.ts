import { describe, expect, it } from 'vitest';
import { FIELD_NAMES, isFieldName } from '../../src/core/index.js';
import { namesInDocTable } from '../support/doc-table.js';

describe('field registry', () => {
  it('documents exactly the fields of the registry, in docs/schema.md', () => {
    expect(namesInDocTable('schema.md').sort()).toEqual([...FIELD_NAMES].sort());
  });

  it('knows ECS names and rejects others', () => {
    expect(isFieldName('kafka.isr.removed')).toBe(true);
    expect(isFieldName('kafka.isr')).toBe(false);
  });
});
