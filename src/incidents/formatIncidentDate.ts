import { MONTH_NAMES } from '../time/calendar';
import { parsePartialDate, type PartialDate } from './partialDate';
import type { DatePrecision, Incident } from './types';

function formatPartial(d: PartialDate): string {
  const month = d.month === undefined ? '' : MONTH_NAMES[d.month - 1];
  if (d.precision === 'year') return String(d.year);
  if (d.precision === 'month') return `${month} ${d.year}`;
  return `${d.day} ${month} ${d.year}`;
}

/**
 * A date for display, no more precise than it is known: "11 March 2023", "October 2022",
 * "2022". Text that is not a valid date for the precision is returned unchanged.
 */
export function formatDate(date: string, precision: DatePrecision): string {
  const parsed = parsePartialDate(date);
  if (parsed === null || parsed.precision !== precision) return date;
  return formatPartial(parsed);
}

/** The window from `a` (any precision) to the day `b`, writing a shared year or month once. */
function formatWindow(a: PartialDate, b: PartialDate): string {
  const bMonth = MONTH_NAMES[(b.month ?? 1) - 1];
  // The first bound is the start of b's year or month: the window reads as "by b".
  if (a.precision !== 'day' && a.year === b.year && (a.precision === 'year' || a.month === b.month)) {
    return `by ${formatPartial(b)}`;
  }
  if (a.precision === 'day' && a.year === b.year) {
    if (a.month === b.month) return a.day === b.day ? formatPartial(b) : `${a.day}–${b.day} ${bMonth} ${b.year}`;
    return `${a.day} ${MONTH_NAMES[(a.month ?? 1) - 1]} – ${b.day} ${bMonth} ${b.year}`;
  }
  if (a.precision === 'month' && a.year === b.year) return `between ${MONTH_NAMES[(a.month ?? 1) - 1]} and ${b.day} ${bMonth} ${b.year}`;
  if (a.precision === 'day') return `${formatPartial(a)} – ${formatPartial(b)}`;
  return `between ${formatPartial(a)} and ${formatPartial(b)}`;
}

/**
 * An incident's date for display, including the window for an event its source only bounds:
 * "11 March 2023", "17–19 October 2022", "by 20 March 2023" (some time in 2023 up to that day),
 * "between October 2022 and 20 March 2023".
 */
export function formatIncidentDate(incident: Pick<Incident, 'date' | 'date_precision' | 'date_latest'>): string {
  const from = formatDate(incident.date, incident.date_precision);
  if (incident.date_latest === undefined) return from;
  const a = parsePartialDate(incident.date);
  const b = parsePartialDate(incident.date_latest);
  if (a === null || a.precision !== incident.date_precision || b === null || b.precision !== 'day') {
    return `between ${from} and ${formatDate(incident.date_latest, 'day')}`;
  }
  return formatWindow(a, b);
}
