import { describe, expect, it } from 'vitest';
import { numericDayOrder, readLooseDate } from '../../../src/incidents/io/readLooseDate';
import { solarHijriToCivil } from '../../../src/time/solarHijri';

const read = (text: string, dayOrder?: 'day-first' | 'month-first') => {
  const r = readLooseDate(text, { dayOrder });
  return r === undefined ? undefined : [r.date, r.precision];
};

describe('readLooseDate', () => {
  it('reads ISO dates, months, years and date-times at their own precision', () => {
    expect(read('2023-03-11')).toEqual(['2023-03-11', 'day']);
    expect(read('2023-03')).toEqual(['2023-03', 'month']);
    expect(read('2023')).toEqual(['2023', 'year']);
    expect(read('2023-03-11T09:44:00Z')).toEqual(['2023-03-11', 'day']);
    expect(read('2023-03-11 09:44')).toEqual(['2023-03-11', 'day']);
    expect(read('2023-3-9')).toEqual(['2023-03-09', 'day']);
    expect(read('2023/03/11')).toEqual(['2023-03-11', 'day']);
  });

  it('reads month names in either order, abbreviated, with a weekday or an ordinal', () => {
    expect(read('11 March 2023')).toEqual(['2023-03-11', 'day']);
    expect(read('March 11, 2023')).toEqual(['2023-03-11', 'day']);
    expect(read('11-Mar-2023')).toEqual(['2023-03-11', 'day']);
    expect(read('Saturday, 11 March 2023')).toEqual(['2023-03-11', 'day']);
    expect(read('11th Sept 2023')).toEqual(['2023-09-11', 'day']);
    expect(read('March 2023')).toEqual(['2023-03', 'month']);
  });

  it('reads a numeric date the only way it can be when one number is over 12', () => {
    expect(read('25/09/2023')).toEqual(['2023-09-25', 'day']);
    expect(read('09/25/2023')).toEqual(['2023-09-25', 'day']);
    expect(read('25/09/2023', 'month-first')).toEqual(['2023-09-25', 'day']);
    expect(read('25.09.2023')).toEqual(['2023-09-25', 'day']);
  });

  it('reads an ambiguous numeric date by the day order it is given (day first by default)', () => {
    expect(read('03/04/2023')).toEqual(['2023-04-03', 'day']);
    expect(read('03/04/2023', 'day-first')).toEqual(['2023-04-03', 'day']);
    expect(read('03/04/2023', 'month-first')).toEqual(['2023-03-04', 'day']);
  });

  it('reads Excel serial days and Unix timestamps in seconds and milliseconds', () => {
    expect(read('44927')).toEqual(['2023-01-01', 'day']);
    expect(read('45000.75')).toEqual(['2023-03-15', 'day']);
    expect(read('1678527840')).toEqual(['2023-03-11', 'day']);
    expect(read('1678527840000')).toEqual(['2023-03-11', 'day']);
    expect(readLooseDate('1678527840')?.form).toBe('Unix seconds');
  });

  it('converts Solar Hijri dates as Iranian sources write them', () => {
    expect(read('1 Farvardin 1402')).toEqual(['2023-03-21', 'day']);
    expect(read('19 Esfand 1401')).toEqual(['2023-03-10', 'day']);
    expect(read('1401/12/19')).toEqual(['2023-03-10', 'day']);
    expect(read('۱۴۰۱/۱۲/۱۹')).toEqual(['2023-03-10', 'day']);
    expect(read('۱۹ اسفند ۱۴۰۱')).toEqual(['2023-03-10', 'day']);
    expect(read('Esfand 1401')).toEqual(['2023-02', 'month']);
    expect(readLooseDate('19 Esfand 1401')?.form).toBe('Solar Hijri');
  });

  it('matches known Solar Hijri–Gregorian pairs, leap years included', () => {
    expect(solarHijriToCivil(1402, 1, 1)).toEqual({ year: 2023, month: 3, day: 21 });
    expect(solarHijriToCivil(1401, 12, 19)).toEqual({ year: 2023, month: 3, day: 10 });
    expect(solarHijriToCivil(1403, 1, 1)).toEqual({ year: 2024, month: 3, day: 20 });
    expect(solarHijriToCivil(1403, 12, 30)).toEqual({ year: 2025, month: 3, day: 20 });
    expect(solarHijriToCivil(1399, 12, 30)).toEqual({ year: 2021, month: 3, day: 20 });
    expect(solarHijriToCivil(1401, 12, 30)).toBeUndefined();
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['31/02/2023', '2023-13-01', '2023-02-30', 'soon', '', '12', '1401/12/30', '32 March 2023', 'March', '123456']) {
      expect(readLooseDate(bad), bad).toBeUndefined();
    }
  });
});

describe('numericDayOrder', () => {
  it('tells the order from a value over 12 and calls it ambiguous when all could be either', () => {
    expect(numericDayOrder(['01/02/2023', '25/09/2023'])).toBe('day-first');
    expect(numericDayOrder(['01/02/2023', '09/25/2023'])).toBe('month-first');
    expect(numericDayOrder(['01/02/2023', '03/04/2023'])).toBe('ambiguous');
    expect(numericDayOrder(['2023-01-02', 'March 2023'])).toBeUndefined();
    expect(numericDayOrder(['25/09/2023', '09/25/2023'])).toBeUndefined();
  });
});
