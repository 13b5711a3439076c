import { describe, expect, it } from 'vitest';
import { daysFromCivil } from '../../src/time/calendar';
import { binDaySpans } from '../../src/time/histogram';

/** Reference: each span, clipped to the domain, adds one to every bin from its first day's bin to its last day's. */
function slowBins(start: number[], end: number[], min: number, max: number, binCount: number): number[] {
  const counts = new Array<number>(binCount).fill(0);
  const binOf = (day: number): number => Math.min(binCount - 1, Math.floor(((day - min) * binCount) / Math.max(1, max - min)));
  for (let i = 0; i < start.length; i++) {
    const s = Math.max(min, Math.min(start[i], end[i]));
    const e = Math.min(max, Math.max(start[i], end[i]));
    if (s > e) continue;
    for (let b = binOf(s); b <= binOf(e); b++) counts[b]++;
  }
  return counts;
}

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('binDaySpans', () => {
  it('gives all-zero bins and a max of 0 for no spans', () => {
    const h = binDaySpans(new Int32Array(0), new Int32Array(0), { min: 0, max: 99 }, 10);
    expect([...h.counts]).toEqual(new Array(10).fill(0));
    expect(h.max).toBe(0);
  });

  it('counts a one-day span in the one bin holding that day', () => {
    const h = binDaySpans([5], [5], { min: 0, max: 9 }, 10);
    expect([...h.counts].map((c, b) => (c > 0 ? b : -1)).filter((b) => b >= 0)).toEqual([5]);
    expect(h.max).toBe(1);
  });

  it('counts a span in every bin it overlaps, so the bars of a long incident form a plateau', () => {
    const h = binDaySpans([10, 20], [39, 29], { min: 0, max: 99 }, 10);
    expect([...h.counts]).toEqual([0, 1, 2, 1, 0, 0, 0, 0, 0, 0]);
    expect(h.max).toBe(2);
  });

  it('reads a span written end first in order', () => {
    const forward = binDaySpans([10], [30], { min: 0, max: 99 }, 10);
    const reversed = binDaySpans([30], [10], { min: 0, max: 99 }, 10);
    expect([...reversed.counts]).toEqual([...forward.counts]);
  });

  it('leaves out spans wholly outside the domain and clips those reaching past it', () => {
    const h = binDaySpans([-50, 200, -10, 90], [-1, 300, 5, 500], { min: 0, max: 99 }, 10);
    expect([...h.counts]).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('fills every bin for an incident on the only day of a one-day domain', () => {
    const day = daysFromCivil(2023, 3, 11);
    const h = binDaySpans([day, day - 3], [day, day - 1], { min: day, max: day }, 4);
    expect([...h.counts]).toEqual([1, 1, 1, 1]);
  });

  it('counts a month-precision incident across a year boundary in the bins of both years', () => {
    const min = daysFromCivil(2022, 1, 1);
    const max = daysFromCivil(2023, 12, 31);
    const h = binDaySpans([daysFromCivil(2022, 12, 20)], [daysFromCivil(2023, 1, 10)], { min, max }, 2);
    expect([...h.counts]).toEqual([1, 1]);
  });

  it('agrees with the span-by-span reference on 2000 random spans and more bins than days', () => {
    const next = random(7);
    const start: number[] = [];
    const end: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = Math.floor(next() * 400) - 50;
      start.push(s);
      end.push(next() < 0.5 ? s : s + Math.floor(next() * 60) - 10);
    }
    for (const binCount of [1, 7, 300, 900]) {
      const h = binDaySpans(Int32Array.from(start), Int32Array.from(end), { min: 0, max: 299 }, binCount);
      const expected = slowBins(start, end, 0, 299, binCount);
      expect([...h.counts]).toEqual(expected);
      expect(h.max).toBe(Math.max(...expected));
    }
  });

  it('rejects a bin count that is not a whole number of at least 1, naming it', () => {
    expect(() => binDaySpans([], [], { min: 0, max: 1 }, 0)).toThrow('binCount 0');
    expect(() => binDaySpans([], [], { min: 0, max: 1 }, 2.5)).toThrow('binCount 2.5');
  });
});
