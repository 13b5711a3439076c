import { describe, expect, it } from 'vitest';
import { daysFromCivil, monthStart, SHORT_MONTH_NAMES, yearOf, yearStart } from '../../src/time/calendar';
import { axisTicks } from '../../src/time/ticks';

const domainOf = (from: [number, number, number], to: [number, number, number]) => ({
  min: daysFromCivil(...from),
  max: daysFromCivil(...to),
});

describe('axisTicks', () => {
  it('labels months, and January by its year, when a month is at least the label gap wide', () => {
    const domain = domainOf([2022, 11, 15], [2023, 3, 10]);
    const ticks = axisTicks(domain, 2); // ≈ 61 px a month
    expect(ticks.map((t) => t.label)).toEqual([SHORT_MONTH_NAMES[11], '2023', SHORT_MONTH_NAMES[1], SHORT_MONTH_NAMES[2]]);
    expect(ticks.map((t) => t.day)).toEqual([monthStart(2022, 12), yearStart(2023), monthStart(2023, 2), monthStart(2023, 3)]);
    expect(ticks.every((t) => t.major)).toBe(true);
  });

  it('labels every third month but grids every month when months are narrower than the label gap', () => {
    const domain = domainOf([2023, 1, 1], [2023, 12, 31]);
    const ticks = axisTicks(domain, 1.1); // ≈ 33 px a month
    expect(ticks).toHaveLength(12);
    expect(ticks.filter((t) => t.label !== undefined).map((t) => t.label)).toEqual(['2023', 'Apr', 'Jul', 'Oct']);
  });

  it('labels every year with faint quarter lines when a year is wide but a month is not', () => {
    const domain = domainOf([2020, 1, 1], [2022, 12, 31]);
    const ticks = axisTicks(domain, 0.2); // 73 px a year, 6 px a month
    expect(ticks.filter((t) => t.label !== undefined).map((t) => t.label)).toEqual(['2020', '2021', '2022']);
    const faint = ticks.filter((t) => !t.major).map((t) => t.day);
    expect(faint).toHaveLength(9);
    expect(faint.every((d) => [4, 7, 10].some((m) => d === monthStart(yearOf(d), m)))).toBe(true);
  });

  it('labels every 5th year on a long, narrow axis and leaves the other years unmarked', () => {
    const domain = domainOf([1990, 6, 1], [2025, 6, 1]);
    const ticks = axisTicks(domain, 0.025); // 9.1 px a year: 5 years is the first step ≥ 40 px
    expect(ticks.map((t) => t.label)).toEqual(['1995', '2000', '2005', '2010', '2015', '2020', '2025']);
    expect(ticks.every((t) => t.major)).toBe(true);
  });

  it('marks the unlabelled years faintly when labels go every 2 years', () => {
    const domain = domainOf([2010, 1, 1], [2019, 12, 31]);
    const ticks = axisTicks(domain, 0.06); // 22 px a year
    expect(ticks.filter((t) => t.label !== undefined).map((t) => t.label)).toEqual(['2010', '2012', '2014', '2016', '2018']);
    expect(ticks.filter((t) => !t.major).map((t) => yearOf(t.day))).toEqual([2011, 2013, 2015, 2017, 2019]);
  });

  it('honours a wider label gap', () => {
    const domain = domainOf([2010, 1, 1], [2019, 12, 31]);
    const labels = axisTicks(domain, 0.2, { minLabelGap: 100 }).filter((t) => t.label !== undefined);
    expect(labels.map((t) => t.label)).toEqual(['2010', '2012', '2014', '2016', '2018']);
  });

  it('gives no ticks for a one-day domain that is not the first of a month', () => {
    const day = daysFromCivil(2023, 3, 11);
    expect(axisTicks({ min: day, max: day }, 900)).toEqual([]);
  });

  it('gives the month tick of a one-day domain on the first of a month', () => {
    const day = daysFromCivil(2024, 1, 1);
    expect(axisTicks({ min: day, max: day }, 900)).toEqual([{ day, major: true, label: '2024' }]);
  });

  it('places years 0000–0099 in their own century', () => {
    const domain = domainOf([0, 1, 1], [99, 12, 31]);
    const ticks = axisTicks(domain, 0.01); // 3.7 px a year: labels every 20 years
    expect(ticks.map((t) => t.label)).toEqual(['0', '20', '40', '60', '80']);
    expect(ticks.map((t) => t.day)).toEqual([0, 20, 40, 60, 80].map((y) => yearStart(y)));
  });

  it('lists only days inside the domain', () => {
    const domain = domainOf([2021, 3, 15], [2023, 8, 20]);
    for (const pxPerDay of [0.01, 0.2, 1.1, 3]) {
      for (const t of axisTicks(domain, pxPerDay)) {
        expect(t.day).toBeGreaterThanOrEqual(domain.min);
        expect(t.day).toBeLessThanOrEqual(domain.max);
      }
    }
  });
});
