import { parsePartialDate } from './partialDate';
import type { Incident } from './types';

/**
 * Whole days since 1970-01-01 (UTC) for a calendar date, proleptic Gregorian. Integer arithmetic
 * only (H. Hinnant's days_from_civil), so it is exact for every year, including 0000–0099 where
 * Date.UTC would jump to the 1900s.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // 0..399
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // 0..365
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // 0..146096
  return era * 146097 + doe - 719468;
}

const MS_PER_DAY = 86_400_000;
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `'YYYY-MM-DD'` → integer days since 1970-01-01 (UTC); 1970-01-01 is 0. Throws, naming the value, if it is not a real date written so. */
export function dayNumber(iso: string): number {
  const parsed = typeof iso === 'string' ? parsePartialDate(iso) : null;
  if (parsed === null || parsed.precision !== 'day') {
    throw new Error(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(iso)}`);
  }
  return daysFromCivil(parsed.year, parsed.month ?? 1, parsed.day ?? 1);
}

function dateOfDay(day: number): Date {
  if (!Number.isInteger(day)) throw new Error(`Not a whole day number: ${String(day)}`);
  const date = new Date(day * MS_PER_DAY);
  if (Number.isNaN(date.getTime())) throw new Error(`Day number out of range: ${String(day)}`);
  return date;
}

/** Day number → `'YYYY-MM-DD'` (years 0000–9999). */
export function dayToIso(day: number): string {
  return dateOfDay(day).toISOString().slice(0, 10);
}

/** Day number → short display date, e.g. "11 Mar 2023" (no leading zero on the day). */
export function formatDay(day: number): string {
  const d = dateOfDay(day);
  return `${d.getUTCDate()} ${SHORT_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The days an incident may have happened on, both ends inclusive, as day numbers:
 * - day precision: that day;
 * - month precision: the first to the last day of the month;
 * - year precision: 1 January to 31 December;
 * - with `date_latest`, the end is that day (the source bounds the event: no later than it).
 * Throws, naming the field and value, for a date that is malformed, does not match its
 * precision, or a `date_latest` before the start.
 */
export function incidentSpan(incident: Pick<Incident, 'date' | 'date_precision' | 'date_latest'>): [number, number] {
  const { date, date_precision: precision, date_latest: latest } = incident;
  const parsed = typeof date === 'string' ? parsePartialDate(date) : null;
  if (parsed === null || parsed.precision !== precision) {
    throw new Error(`date ${JSON.stringify(date)} is not a valid ${String(precision)}-precision date`);
  }
  const { year } = parsed;
  const month = parsed.month ?? 1;
  const start = daysFromCivil(year, month, parsed.day ?? 1);
  let end: number;
  if (parsed.precision === 'day') end = start;
  else if (parsed.precision === 'month') end = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
  else end = daysFromCivil(year + 1, 1, 1) - 1;

  if (latest !== undefined) {
    let last: number;
    try {
      last = dayNumber(latest);
    } catch {
      throw new Error(`date_latest ${JSON.stringify(latest)} is not a YYYY-MM-DD calendar date`);
    }
    if (last < start) throw new Error(`date_latest ${JSON.stringify(latest)} is before date ${JSON.stringify(date)}`);
    end = last;
  }
  return [start, end];
}
