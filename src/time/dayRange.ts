/** A window of days, both ends inclusive, as day numbers (days since 1970-01-01). */
export interface DayRange {
  from: number;
  to: number;
}

/** The days an axis covers, both ends inclusive, as day numbers. */
export interface DayDomain {
  min: number;
  max: number;
}

/** A window made whole, ordered and clamped into the domain; a non-finite end becomes the domain's end. */
export function clampRange(from: number, to: number, domain: DayDomain): DayRange {
  let f = Math.round(Number.isFinite(from) ? from : domain.min);
  let t = Math.round(Number.isFinite(to) ? to : domain.max);
  if (f > t) [f, t] = [t, f];
  return {
    from: Math.max(domain.min, Math.min(domain.max, f)),
    to: Math.max(domain.min, Math.min(domain.max, t)),
  };
}
