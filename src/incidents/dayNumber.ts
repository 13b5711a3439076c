import { civilFromDays, daysFromCivil, daysInMonth, SHORT_MONTH_NAMES, yearStart, type CivilDate } from '../time/calendar';
import { parsePartialDate } from './partialDate';
import type { Incident } from './types';

/** `'YYYY-MM-DD'` → integer days since 1970-01-01 (UTC); 1970-01-01 is 0. Throws, naming the value, if it is not a real date written so. */
export function dayNumber(iso: string): number {
  const parsed = typeof iso === 'string' ? parsePartialDate(iso) : null;
  if (parsed === null || parsed.precision !== 'day') {
    throw new Error(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(iso)}`);
  }
  return daysFromCivil(parsed.year, parsed.month ?? 1, parsed.day ?? 1);
}

function dateOfDay(day: number): CivilDate {
  if (!Number.isInteger(day)) throw new Error(`Not a whole day number: ${String(day)}`);
  return civilFromDays(day);
}

/** A year as ISO 8601 writes it: four digits for 0000–9999, otherwise signed six digits. */
function isoYear(year: number): string {
  if (year >= 0 && year <= 9999) return String(year).padStart(4, '0');
  return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
}

/** Day number → `'YYYY-MM-DD'` (years 0000–9999; others signed, as Date.toISOString writes them). */
export function dayToIso(day: number): string {
  const { year, month, day: d } = dateOfDay(day);
  return `${isoYear(year)}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number → short display date, e.g. "11 Mar 2023" (no leading zero on the day). */
export function formatDay(day: number): string {
  const { year, month, day: d } = dateOfDay(day);
  return `${d} ${SHORT_MONTH_NAMES[month - 1]} ${year}`;
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
  else if (parsed.precision === 'month') end = start + daysInMonth(year, month) - 1;
  else end = yearStart(year + 1) - 1;

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
