import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import type { CivilDate } from './calendar';

/** Solar Hijri (Iran's official calendar) month names as Iranian sources transliterate them, 1-based by index + 1. */
export const SOLAR_HIJRI_MONTHS = [
  'Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand',
] as const;

/** True when year/month/day is a day of the Solar Hijri calendar (month 1–12, Esfand 30 only in leap years). */
export function isSolarHijriDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && isValidJalaaliDate(year, month, day);
}

/**
 * The Gregorian day of a Solar Hijri date (1 Farvardin 1402 → 2023-03-21), by the arithmetic of
 * jalaali-js (Borkowski's 2820-year cycle fitted to the astronomical calendar for 1178–3177 SH).
 * Undefined when the date does not exist.
 */
export function solarHijriToCivil(year: number, month: number, day: number): CivilDate | undefined {
  if (!isSolarHijriDate(year, month, day)) return undefined;
  const g = toGregorian(year, month, day);
  return { year: g.gy, month: g.gm, day: g.gd };
}
