import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
  MONTH_NAMES,
  monthStart,
  SHORT_MONTH_NAMES,
  yearOf,
  yearStart,
} from '../../src/time/calendar';

const MS_PER_DAY = 86_400_000;

/** The calendar date of a day number as the JavaScript Date sees it: the reference. */
function dateReference(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Day number of a date through Date, safe for years 0–99 (setUTCFullYear does not remap them). */
function dayReference(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime() / MS_PER_DAY;
}

describe('daysFromCivil', () => {
  it('counts 1970-01-01 as day 0 and the day before as −1', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
  });

  it('agrees with Date on the first of every month from year 0 to 2400', () => {
    const wrong: string[] = [];
    for (let year = 0; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) {
        if (daysFromCivil(year, month, 1) !== dayReference(year, month, 1)) wrong.push(`${year}-${month}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps years 0000–0099 in their own century, not the 1900s', () => {
    expect(daysFromCivil(99, 12, 31) + 1).toBe(daysFromCivil(100, 1, 1));
    expect(daysFromCivil(50, 6, 15)).toBeLessThan(daysFromCivil(100, 1, 1));
    expect(daysFromCivil(1, 1, 1) - daysFromCivil(0, 1, 1)).toBe(366); // year 0 is a leap year
  });

  it('counts 29 February of a leap year as its own day, and no such day in a common year', () => {
    expect(daysFromCivil(2024, 3, 1) - daysFromCivil(2024, 2, 28)).toBe(2);
    expect(daysFromCivil(2023, 3, 1) - daysFromCivil(2023, 2, 28)).toBe(1);
    expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28)).toBe(1);
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
  });
});

describe('civilFromDays', () => {
  it('agrees with Date on every 7th day from year −1 to 2500', () => {
    const first = dayReference(-1, 1, 1);
    const last = dayReference(2500, 12, 31);
    const wrong: number[] = [];
    for (let day = first; day <= last; day += 7) {
      const a = civilFromDays(day);
      const b = dateReference(day);
      if (a.year !== b.year || a.month !== b.month || a.day !== b.day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it('reads back every day of 1999–2001 as the date it came from', () => {
    const wrong: number[] = [];
    for (let day = daysFromCivil(1999, 1, 1); day <= daysFromCivil(2001, 12, 31); day++) {
      const { year, month, day: d } = civilFromDays(day);
      if (daysFromCivil(year, month, d) !== day) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it('crosses a year boundary from 31 December to 1 January', () => {
    const newYear = daysFromCivil(2023, 1, 1);
    expect(civilFromDays(newYear - 1)).toEqual({ year: 2022, month: 12, day: 31 });
    expect(civilFromDays(newYear)).toEqual({ year: 2023, month: 1, day: 1 });
  });
});

describe('daysInMonth', () => {
  it('agrees with Date for every month from year 0 to 2400', () => {
    const wrong: string[] = [];
    for (let year = 0; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) {
        if (daysInMonth(year, month) !== dayReference(year, month + 1, 1) - dayReference(year, month, 1)) wrong.push(`${year}-${month}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives February 29 days in leap years, 28 otherwise (1900 no, 2000 yes)', () => {
    expect([1900, 2000, 2023, 2024].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
  });
});

describe('isLeapYear', () => {
  it('follows the Gregorian rule for centuries', () => {
    expect([0, 4, 100, 1900, 2000, 2023, 2024, 2100, 2400].map(isLeapYear)).toEqual([
      true, true, false, false, true, false, true, false, true,
    ]);
  });
});

describe('yearStart, monthStart and yearOf', () => {
  it('place year and month starts on the first day of the year and month', () => {
    expect(yearStart(2023)).toBe(daysFromCivil(2023, 1, 1));
    expect(monthStart(2023, 3)).toBe(daysFromCivil(2023, 3, 1));
    expect(civilFromDays(monthStart(2024, 2)).day).toBe(1);
  });

  it('finds the year of the last and first days of a year', () => {
    expect(yearOf(yearStart(2024) - 1)).toBe(2023);
    expect(yearOf(yearStart(2024))).toBe(2024);
    expect(yearOf(yearStart(50))).toBe(50);
  });
});

describe('month names', () => {
  it('name twelve months, the short name being the long name’s first three letters', () => {
    expect(MONTH_NAMES).toHaveLength(12);
    expect(MONTH_NAMES.map((m) => m.slice(0, 3))).toEqual([...SHORT_MONTH_NAMES]);
  });
});
