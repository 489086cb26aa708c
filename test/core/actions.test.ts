import { describe, expect, it } from 'vitest';
import { ACTIONS, EVENT_ACTIONS, isEventAction } from '../../src/core/index.js';
import { namesInDocTable } from '../support/doc-table.js';

describe('event taxonomy', () => {
  it('documents exactly the actions of the registry, in docs/taxonomy.md', () => {
    expect(namesInDocTable('taxonomy.md').sort()).toEqual([...EVENT_ACTIONS].sort());
  });

  it('recognises registered names only', () => {
    expect(isEventAction('isr_shrink')).toBe(true);
    expect(isEventAction('toString')).toBe(false);
    expect(isEventAction('isr-shrink')).toBe(false);
  });

  it('assigns every action to the service whose logs announce it', () => {
    expect(ACTIONS.isr_shrink.service).toBe('kafka');
    expect(ACTIONS.network_partition.service).toBe('rabbitmq');
  });
});
