/** A closed interval [from, to] with from <= to. */
export type Interval = readonly [from: number, to: number];

/** The union of intervals as sorted, disjoint intervals (touching ones merge). O(k log k). */
export function intervalUnion(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.map(([a, b]): Interval => (a <= b ? [a, b] : [b, a])).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Total length covered by disjoint intervals (as intervalUnion returns them). */
export function intervalsLength(intervals: readonly Interval[]): number {
  let total = 0;
  for (const [a, b] of intervals) total += b - a;
  return total;
}
