import { describe, expect, it } from 'vitest';
import { formatDate, formatIncidentDate } from '../../src/incidents';

describe('formatDate', () => {
  it('writes a day date as day, month name and year', () => {
    expect(formatDate('2023-03-11', 'day')).toBe('11 March 2023');
  });

  it('writes a month date as month name and year', () => {
    expect(formatDate('2022-10', 'month')).toBe('October 2022');
  });

  it('writes a year date as the year', () => {
    expect(formatDate('2022', 'year')).toBe('2022');
  });

  it('drops no leading zero into the day', () => {
    expect(formatDate('2023-01-05', 'day')).toBe('5 January 2023');
  });

  it('returns text unchanged when it does not match the precision', () => {
    expect(formatDate('2023-03', 'day')).toBe('2023-03');
  });
});

describe('formatIncidentDate', () => {
  it('writes a dated incident like formatDate', () => {
    expect(formatIncidentDate({ date: '2023-03-11', date_precision: 'day' })).toBe('11 March 2023');
  });

  it('writes a bounded incident as a window', () => {
    expect(formatIncidentDate({ date: '2022-10', date_precision: 'month', date_latest: '2023-03-20' })).toBe(
      'between October 2022 and 20 March 2023',
    );
  });

  it.each([
    ['a year that only bounds the day as "by" the day', '2023', 'year', '2023-03-20', 'by 20 March 2023'],
    ['a month that holds the last day as "by" the day', '2023-03', 'month', '2023-03-10', 'by 10 March 2023'],
    ['a month and year shared by both days once', '2022-10-17', 'day', '2022-10-19', '17–19 October 2022'],
    ['a year shared by both days once', '2022-11-20', 'day', '2022-12-05', '20 November – 5 December 2022'],
    ['a year shared by a month and a day once', '2022-10', 'month', '2022-11-25', 'between October and 25 November 2022'],
    ['days in different years in full', '2022-12-30', 'day', '2023-01-02', '30 December 2022 – 2 January 2023'],
    ['one day once when both bounds are that day', '2021-09-15', 'day', '2021-09-15', '15 September 2021'],
  ] as const)('writes %s', (_, date, date_precision, date_latest, expected) => {
    expect(formatIncidentDate({ date, date_precision, date_latest })).toBe(expected);
  });

  it('keeps text it cannot read as dates', () => {
    expect(formatIncidentDate({ date: '2023-3', date_precision: 'day', date_latest: '2023-03-20' })).toBe('between 2023-3 and 20 March 2023');
  });
});
