/**
 * A stable sort that pauses (yields) after about `budget` comparisons, so that sorting hundreds of
 * thousands of incidents with a collator can be spread over tasks; run it to the end with
 * `runNow` (./steps). Runs of about budget / log2(budget) items are sorted natively (one pause each),
 * then merged pairwise; two runs already in order (an import handed over sorted) are joined with one
 * comparison.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, budget = 20_000): Generator<void, T[]> {
  const n = items.length;
  // A native sort of r items makes about r log2 r comparisons: runs of budget / log2(budget) cost about one budget.
  const run = Math.max(2, Math.floor(budget / Math.max(1, Math.log2(budget))));
  let from = items.slice();
  for (let start = 0; start < n; start += run) {
    const sorted = from.slice(start, start + run).sort(compare);
    for (let i = 0; i < sorted.length; i++) from[start + i] = sorted[i];
    if (start + run < n) yield;
  }
  let to = new Array<T>(n);
  let spent = 0;
  for (let width = run; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      if (mid < hi && compare(from[mid - 1], from[mid]) <= 0) {
        while (k < hi) to[k++] = from[i++];
        continue;
      }
      while (i < mid && j < hi) {
        // Ties take the left run's item first: the sort stays stable.
        to[k++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
        if (++spent >= budget) {
          spent = 0;
          yield;
        }
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  return from;
}
