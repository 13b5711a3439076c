import type { DayDomain } from './dayRange';

/** How many day spans overlap each bin of an axis. */
export interface Histogram {
  /** counts[b]: the spans sharing at least one day with bin b. */
  counts: Uint32Array;
  /** The largest count; 0 when no span reaches the domain. */
  max: number;
}

/**
 * Bins spans of days [start[i], end[i]] (inclusive; a reversed span is read in order) over a
 * domain cut into `binCount` equal bins. A span counts in every bin it overlaps, so a count is the
 * number of incidents that may have happened in the bin's days; spans outside the domain count
 * nowhere, spans reaching past it count up to its edge. O(n + binCount) with a difference array.
 */
export function binDaySpans(start: ArrayLike<number>, end: ArrayLike<number>, domain: DayDomain, binCount: number): Histogram {
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError(`binDaySpans: binCount ${binCount} is not a whole number ≥ 1`);
  const n = Math.min(start.length, end.length);
  const { min, max } = domain;
  const diff = new Int32Array(binCount + 1);
  const scale = binCount / Math.max(1, max - min);
  const last = binCount - 1;
  for (let i = 0; i < n; i++) {
    let s = start[i];
    let e = end[i];
    if (e < s) [s, e] = [e, s];
    if (e < min || s > max) continue;
    const b0 = s <= min ? 0 : Math.min(last, Math.floor((s - min) * scale));
    const b1 = e >= max ? last : Math.min(last, Math.floor((e - min) * scale));
    diff[b0]++;
    diff[b1 + 1]--;
  }
  const counts = new Uint32Array(binCount);
  let running = 0;
  let top = 0;
  for (let b = 0; b < binCount; b++) {
    running += diff[b];
    counts[b] = running;
    if (running > top) top = running;
  }
  return { counts, max: top };
}
