import { describe, expect, it } from 'vitest';
import { intervalUnion, intervalsLength } from '../../src/geo';

describe('intervalUnion', () => {
  it('merges overlapping and touching intervals and keeps disjoint ones apart, in order', () => {
    expect(intervalUnion([[5, 7], [0, 2], [1, 3], [3, 4], [10, 9]])).toEqual([[0, 4], [5, 7], [9, 10]]);
  });

  it('counts an out-and-back once: [0, 10] then [10, 0] covers 10', () => {
    expect(intervalsLength(intervalUnion([[0, 10], [10, 0]]))).toBe(10);
  });

  it('returns nothing for nothing', () => {
    expect(intervalUnion([])).toEqual([]);
    expect(intervalsLength([])).toBe(0);
  });
});
