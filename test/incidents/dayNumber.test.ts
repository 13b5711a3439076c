import { describe, expect, it } from 'vitest';
import { dayNumber, dayToIso, formatDay, incidentSpan } from '../../src/incidents/dayNumber';

describe('dayNumber', () => {
  it('counts 1970-01-01 as day 0', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
  });

  it('counts 29 February of a leap year as its own day', () => {
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
  });

  it('counts days before the epoch as negative', () => {
    expect(dayNumber('1969-12-31')).toBe(-1);
  });

  it('rejects a date that does not exist, naming it', () => {
    expect(() => dayNumber('2023-02-29')).toThrow('"2023-02-29"');
  });

  it('accepts 29 February in 0000 and 2000 (leap) and rejects it in 1900 (not)', () => {
    expect(dayNumber('0000-03-01') - dayNumber('0000-02-29')).toBe(1);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-29')).toBe(1);
    expect(() => dayNumber('1900-02-29')).toThrow('"1900-02-29"');
  });

  it('rejects a date without a day, naming it', () => {
    expect(() => dayNumber('2023-03')).toThrow('"2023-03"');
  });
});

describe('dayToIso', () => {
  it('writes a day number back as the date it came from', () => {
    expect(dayToIso(dayNumber('2024-02-29'))).toBe('2024-02-29');
  });

  it('writes years 0000–0099 with four digits, in their own century', () => {
    for (const iso of ['0000-01-01', '0004-02-29', '0099-12-31']) expect(dayToIso(dayNumber(iso))).toBe(iso);
  });

  it('writes a year past 9999 as Date.toISOString does', () => {
    const day = dayNumber('9999-12-31') + 1;
    expect(dayToIso(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 13));
  });

  it('rejects a day number that is not whole, naming it', () => {
    expect(() => dayToIso(1.5)).toThrow('1.5');
  });
});

describe('formatDay', () => {
  it('writes a day as day, short month and year', () => {
    expect(formatDay(dayNumber('2023-03-11'))).toBe('11 Mar 2023');
  });
});

describe('incidentSpan', () => {
  it('spans a single day for day precision', () => {
    const day = dayNumber('2023-03-11');
    expect(incidentSpan({ date: '2023-03-11', date_precision: 'day' })).toEqual([day, day]);
  });

  it('spans the 29 days of February 2024 for month precision', () => {
    const [start, end] = incidentSpan({ date: '2024-02', date_precision: 'month' });
    expect([start, end - start + 1]).toEqual([dayNumber('2024-02-01'), 29]);
  });

  it('spans 1 January to 31 December for year precision', () => {
    expect(incidentSpan({ date: '2023', date_precision: 'year' })).toEqual([dayNumber('2023-01-01'), dayNumber('2023-12-31')]);
  });

  it('ends on date_latest when the source bounds the event', () => {
    expect(incidentSpan({ date: '2022-10', date_precision: 'month', date_latest: '2023-03-20' })).toEqual([
      dayNumber('2022-10-01'),
      dayNumber('2023-03-20'),
    ]);
  });

  it('rejects a date that does not match its precision, naming it', () => {
    expect(() => incidentSpan({ date: '2023-03', date_precision: 'day' })).toThrow('"2023-03"');
  });

  it('rejects a malformed date_latest, naming it', () => {
    expect(() => incidentSpan({ date: '2023', date_precision: 'year', date_latest: '2023-13-01' })).toThrow('date_latest "2023-13-01"');
  });

  it('rejects a date_latest before the start', () => {
    expect(() => incidentSpan({ date: '2023-05', date_precision: 'month', date_latest: '2023-04-30' })).toThrow('before date');
  });
});
