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

/**
 * An incident's date for display, including the window for an event its source only bounds:
 * "11 March 2023", or "between October 2022 and 20 March 2023".
 */
export function formatIncidentDate(incident: Pick<Incident, 'date' | 'date_precision' | 'date_latest'>): string {
  const from = formatDate(incident.date, incident.date_precision);
  if (incident.date_latest === undefined) return from;
  return `between ${from} and ${formatDate(incident.date_latest, 'day')}`;
}
