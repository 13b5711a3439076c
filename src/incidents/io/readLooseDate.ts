import { civilFromDays, daysFromCivil, daysInMonth, MONTH_NAMES, type CivilDate } from '../../time/calendar';
import { solarHijriToCivil } from '../../time/solarHijri';
import type { DatePrecision } from '../types';

/** How a numeric date like 03/04/2023 is read: 3 April (day-first) or 4 March (month-first). */
export type DayOrder = 'day-first' | 'month-first';

/** A date read from what a person or a tool wrote. */
export interface LooseDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY (Gregorian), matching `precision`. */
  date: string;
  precision: DatePrecision;
  /** How it was read, for the preview: 'ISO', 'day-first', 'month-first', 'month name', 'Solar Hijri', 'Excel serial', 'Unix seconds', 'Unix milliseconds'. */
  form: string;
}

export interface LooseDateOptions {
  /** How to read a numeric date whose first two numbers are both 12 or less; default 'day-first'. */
  dayOrder?: DayOrder;
}

const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.flatMap((name, i) => [[name.toLowerCase(), i + 1], [name.slice(0, 3).toLowerCase(), i + 1]] as [string, number][]).concat([['sept', 9]]),
);

// Transliterations in use (with their common variants) and the Persian script names.
const PERSIAN_MONTHS: ReadonlyMap<string, number> = new Map([
  ['farvardin', 1], ['ordibehesht', 2], ['khordad', 3], ['tir', 4], ['mordad', 5], ['amordad', 5], ['shahrivar', 6], ['shahrivar', 6],
  ['mehr', 7], ['aban', 8], ['azar', 9], ['dey', 10], ['dei', 10], ['bahman', 11], ['esfand', 12], ['esfend', 12], ['isfand', 12],
  ['فروردین', 1], ['اردیبهشت', 2], ['خرداد', 3], ['تیر', 4], ['مرداد', 5], ['شهریور', 6], ['مهر', 7], ['آبان', 8], ['آذر', 9],
  ['دی', 10], ['بهمن', 11], ['اسفند', 12],
]);

const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
/** Years read as Solar Hijri when written as numbers: no incident on this map is dated 1200–1499 AD. */
const HIJRI_YEARS = { min: 1200, max: 1499 } as const;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

function gregorianDay(year: number, month: number, day: number, form: string): LooseDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: 'day', form };
}

function fromCivil(civil: CivilDate | undefined, form: string): LooseDate | undefined {
  return civil === undefined ? undefined : gregorianDay(civil.year, civil.month, civil.day, form);
}

/** Year, month (and day) in either calendar, by the year's range. */
function yearMonthDay(year: number, month: number, day: number | undefined, form: string): LooseDate | undefined {
  if (year >= HIJRI_YEARS.min && year <= HIJRI_YEARS.max) {
    // A Solar Hijri month straddles two Gregorian months: it is given as the month of its first day.
    if (day === undefined) {
      const first = solarHijriToCivil(year, month, 1);
      return first === undefined ? undefined : { date: `${pad(first.year, 4)}-${pad(first.month)}`, precision: 'month', form: 'Solar Hijri' };
    }
    return fromCivil(solarHijriToCivil(year, month, day), 'Solar Hijri');
  }
  if (day === undefined) return month >= 1 && month <= 12 ? { date: `${pad(year, 4)}-${pad(month)}`, precision: 'month', form } : undefined;
  return gregorianDay(year, month, day, form);
}

/** A number alone: a year, an Excel serial day, or a Unix timestamp in seconds or milliseconds. */
function fromNumber(text: string): LooseDate | undefined {
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    if (year >= HIJRI_YEARS.min && year <= HIJRI_YEARS.max) {
      const first = solarHijriToCivil(year, 1, 1);
      return first === undefined ? undefined : { date: `${pad(first.year, 4)}`, precision: 'year', form: 'Solar Hijri' };
    }
    return { date: text, precision: 'year', form: 'ISO' };
  }
  // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: day 60 onward is one day late.
  if (/^\d{5}(?:\.\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    return fromCivil(civilFromDays(daysFromCivil(1899, 12, 30) + serial), 'Excel serial');
  }
  if (/^-?\d{9,10}$/.test(text)) return fromCivil(civilFromDays(Math.floor(Number(text) / 86_400)), 'Unix seconds');
  if (/^-?\d{12,13}$/.test(text)) return fromCivil(civilFromDays(Math.floor(Number(text) / 86_400_000)), 'Unix milliseconds');
  return undefined;
}

/** "11 March 2023", "March 11, 2023", "11-Mar-2023", "March 2023", "19 Esfand 1401", "Esfand 1401". */
function fromMonthName(text: string): LooseDate | undefined {
  const words = text.toLowerCase().replace(/[,.]/g, ' ').split(/[\s/-]+/).filter((w) => w !== '');
  const monthAt = words.findIndex((w) => ENGLISH_MONTHS.has(w) || PERSIAN_MONTHS.has(w));
  if (monthAt < 0) return undefined;
  const name = words[monthAt];
  const persian = PERSIAN_MONTHS.has(name) && !ENGLISH_MONTHS.has(name);
  const month = (persian ? PERSIAN_MONTHS.get(name) : ENGLISH_MONTHS.get(name)) ?? 0;
  const numbers = words.filter((_, i) => i !== monthAt).map((w) => w.replace(/(?:st|nd|rd|th)$/, ''));
  if (!numbers.every((n) => /^\d{1,4}$/.test(n))) return undefined;
  const year = numbers.find((n) => n.length === 4);
  const days = numbers.filter((n) => n.length <= 2);
  if (year === undefined || days.length > 1 || numbers.length !== days.length + 1) return undefined;
  const y = Number(year);
  if (persian) {
    if (days.length === 0) {
      const first = solarHijriToCivil(y, month, 1);
      return first === undefined ? undefined : { date: `${pad(first.year, 4)}-${pad(first.month)}`, precision: 'month', form: 'Solar Hijri' };
    }
    return fromCivil(solarHijriToCivil(y, month, Number(days[0])), 'Solar Hijri');
  }
  return yearMonthDay(y, month, days.length === 0 ? undefined : Number(days[0]), 'month name');
}

const ISO = /^(\d{4})-(\d{1,2})(?:-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?)?$/i;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/;
const YEAR_LAST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Reads a date as people and tools write it: ISO dates and date-times (the date part, as written),
 * YYYY/MM/DD, day-first or month-first numeric dates (03/04/2023 by `dayOrder`; 25/09/2023 and
 * 09/25/2023 are each read the only way they can be), month names ("11 March 2023", "March 2023"),
 * a year, Excel serial days (5 digits), Unix timestamps (10 digits seconds, 13 digits milliseconds),
 * and Solar Hijri dates ("19 Esfand 1401", "1401/12/19", Persian digits too) converted to Gregorian.
 * Precision follows the form: a month is a month. Undefined when the text is not a real date.
 */
export function readLooseDate(text: string, options: LooseDateOptions = {}): LooseDate | undefined {
  const t = asciiDigits(text.trim()).replace(WEEKDAY, '');
  if (t === '') return undefined;
  const number = fromNumber(t);
  if (number !== undefined || /^-?\d+(?:\.\d+)?$/.test(t)) return number;
  const iso = ISO.exec(t) ?? YEAR_FIRST.exec(t);
  if (iso !== null) {
    const form = iso[0].includes('-') ? 'ISO' : 'year first';
    return yearMonthDay(Number(iso[1]), Number(iso[2]), iso[3] === undefined ? undefined : Number(iso[3]), form);
  }
  const numeric = YEAR_LAST.exec(t);
  if (numeric !== null) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    const order: DayOrder = a > 12 ? 'day-first' : b > 12 ? 'month-first' : (options.dayOrder ?? 'day-first');
    return order === 'day-first' ? gregorianDay(year, b, a, order) : gregorianDay(year, a, b, order);
  }
  return fromMonthName(t);
}

/**
 * How a column's numeric dates must be read: 'day-first' if one has a first number over 12,
 * 'month-first' if one has a second number over 12, 'ambiguous' when every one could be either
 * (the user is asked), undefined when the column has no such dates or contradicts itself.
 */
export function numericDayOrder(values: Iterable<string>): DayOrder | 'ambiguous' | undefined {
  let dayFirst = false;
  let monthFirst = false;
  let any = false;
  for (const value of values) {
    const m = YEAR_LAST.exec(asciiDigits(value.trim()));
    if (m === null) continue;
    any = true;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (!any || (dayFirst && monthFirst)) return undefined;
  return dayFirst ? 'day-first' : monthFirst ? 'month-first' : 'ambiguous';
}
