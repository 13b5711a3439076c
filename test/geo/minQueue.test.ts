import { describe, expect, it } from 'vitest';
import { MinQueue } from '../../src/geo/minQueue';
import { mulberry32 } from './fixtures';

describe('MinQueue', () => {
  it('pops ids in the order of their keys, growing past its initial capacity', () => {
    const random = mulberry32(1);
    const keys = Array.from({ length: 500 }, () => random());
    const queue = new MinQueue(4);
    keys.forEach((k, id) => queue.push(id, k));
    const popped: number[] = [];
    while (queue.length > 0) popped.push(keys[queue.pop()]);
    expect(popped).toEqual([...keys].sort((a, b) => a - b));
  });

  it('reports Infinity as the smallest key when empty', () => {
    expect(new MinQueue().peekKey()).toBe(Infinity);
  });
});
