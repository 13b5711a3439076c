import { describe, expect, test } from 'vitest';
import { sortInSteps } from '../../src/incidents/sortInSteps';
import { runNow } from '../../src/incidents/steps';

/** Seeded pseudo-random integers in [0, max). */
function numbers(count: number, max: number, seed = 7): number[] {
  let s = seed;
  return Array.from({ length: count }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % max;
  });
}

const byValue = (a: { v: number }, b: { v: number }): number => a.v - b.v;

describe('sortInSteps', () => {
  test('sorts as the native sort does, across several runs', () => {
    const values = numbers(1000, 50);
    expect(runNow(sortInSteps(values, (a, b) => a - b, 64))).toEqual([...values].sort((a, b) => a - b));
  });

  test('keeps equal items in their order (stable) across merged runs', () => {
    const items = numbers(500, 5).map((v, i) => ({ v, i }));
    const sorted = runNow(sortInSteps(items, byValue, 16));
    expect(sorted).toEqual([...items].sort(byValue));
  });

  test('pauses about once per budget of comparisons', () => {
    const steps = sortInSteps(numbers(4096, 1000), (a, b) => a - b, 256);
    let pauses = 0;
    while (!steps.next().done) pauses++;
    // Runs of 32 (256 / log2 256): 127 pauses between the native sorts, then ~4,096 comparisons per
    // merge pass over 7 passes, a pause per 256 of them: ~240 in all.
    expect(pauses).toBeGreaterThan(150);
    expect(pauses).toBeLessThan(350);
  });

  test('joins runs already in order with one comparison each', () => {
    const ordered = Array.from({ length: 4096 }, (_, i) => i);
    let comparisons = 0;
    runNow(sortInSteps(ordered, (a, b) => {
      comparisons++;
      return a - b;
    }, 256));
    // The native sort of each run of 32 costs ~31 on ordered input; the 127 joins cost one each.
    expect(comparisons).toBeLessThan(4096 + 128);
  });

  test('leaves the input as it was', () => {
    const values = [3, 1, 2];
    runNow(sortInSteps(values, (a, b) => a - b, 1));
    expect(values).toEqual([3, 1, 2]);
  });

  test('sorts an empty list and a single item', () => {
    expect(runNow(sortInSteps([], (a: number, b: number) => a - b))).toEqual([]);
    expect(runNow(sortInSteps([1], (a, b) => a - b))).toEqual([1]);
  });
});
