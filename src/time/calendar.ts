/**
 * Calendar arithmetic on day numbers: whole days since 1970-01-01, proleptic Gregorian, no time
 * zone. Integer arithmetic only (H. Hinnant's days_from_civil / civil_from_days): no Date per
 * call, and exact for every year, including 0000–0099 where Date.UTC would jump to the 1900s.
 * Months are 1–12 throughout, as written in ISO dates.
 */

/** A calendar date: year (proleptic Gregorian, 0 is 1 BC), month 1–12, day of month 1–31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days in a 400-year Gregorian cycle. */
const DAYS_PER_ERA = 146_097;
/** Days from 0000-03-01 (the start of Hinnant's era 0) to 1970-01-01. */
const EPOCH_SHIFT = 719_468;

/** English month names, indexed by month − 1. */
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Three-letter English month names, indexed by month − 1. */
export const SHORT_MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** True for Gregorian leap years: every 4th, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** Days in a month (1–12) of a year: 28–31. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  // 31 for Jan, Mar, May, Jul, Aug, Oct, Dec: odd months up to July, even ones from August.
  return 30 + ((month + (month >> 3)) & 1);
}

/** Day number of a calendar date; 1970-01-01 is 0, earlier days are negative. Does not check the date is real. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // 0..399
  const mp = (month + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // 0..365
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // 0..146096
  return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
}

/** The calendar date of a whole day number. */
export function civilFromDays(dayNumber: number): CivilDate {
  const z = dayNumber + EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA; // 0..146096
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365); // 0..399
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // 0..365
  const mp = Math.floor((5 * doy + 2) / 153); // March = 0
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of 1 January of a year. */
export function yearStart(year: number): number {
  return daysFromCivil(year, 1, 1);
}

/** Day number of the first day of a month (1–12). */
export function monthStart(year: number, month: number): number {
  return daysFromCivil(year, month, 1);
}

/** The year a day number falls in. */
export function yearOf(dayNumber: number): number {
  return civilFromDays(dayNumber).year;
}
