import { daysInMonth } from '../time/calendar';
import type { DatePrecision } from './types';

/** A calendar date known to a day, a month or a year: "2023-03-11", "2022-10", "2023". */
export interface PartialDate {
  precision: DatePrecision;
  year: number;
  /** 1–12; set for month and day precision. */
  month?: number;
  /** 1–31; set for day precision. */
  day?: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Reads an ISO 8601 calendar date written YYYY, YYYY-MM or YYYY-MM-DD, and checks it is a real
 * date (no month 13, no 30 February). Returns null for anything else, including other ISO forms
 * (times, week dates, ordinal dates) and surrounding whitespace.
 */
export function parsePartialDate(text: string): PartialDate | null {
  const m = PATTERN.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { precision: 'year', year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { precision: 'month', year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { precision: 'day', year, month, day };
}

/** The first day the partial date covers, as YYYY-MM-DD (sorts as text). */
export function firstDayOf(date: PartialDate): string {
  const mm = String(date.month ?? 1).padStart(2, '0');
  const dd = String(date.day ?? 1).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${mm}-${dd}`;
}
