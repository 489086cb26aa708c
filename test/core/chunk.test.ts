import { describe, expect, it } from 'vitest';
import { chunkBySize } from '../../src/core/index.js';

describe('chunkBySize', () => {
  it('cuts in order at the size limit and at the count limit, whichever comes first', () => {
    expect(chunkBySize([3, 3, 3, 1, 1, 1, 1], (n) => n, 6)).toEqual([[3, 3], [3, 1, 1, 1], [1]]);
    expect(chunkBySize([1, 1, 1, 1, 1], (n) => n, 100, 2)).toEqual([[1, 1], [1, 1], [1]]);
  });

  it('puts an item larger than the limit in a run of its own', () => {
    expect(chunkBySize([1, 50, 1], (n) => n, 10)).toEqual([[1], [50], [1]]);
  });

  it('makes no run of no items', () => {
    expect(chunkBySize([], (n: number) => n, 10)).toEqual([]);
  });
});
