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
});
