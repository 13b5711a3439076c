import { describe, expect, it } from 'vitest';
import { clampRange } from '../../src/time/dayRange';

const domain = { min: 100, max: 200 };

describe('clampRange', () => {
  it('keeps a window inside the domain as it is', () => {
    expect(clampRange(120, 150, domain)).toEqual({ from: 120, to: 150 });
  });

  it('orders a window given end first', () => {
    expect(clampRange(150, 120, domain)).toEqual({ from: 120, to: 150 });
  });

  it('clamps ends outside the domain to its edges', () => {
    expect(clampRange(50, 250, domain)).toEqual({ from: 100, to: 200 });
    expect(clampRange(250, 300, domain)).toEqual({ from: 200, to: 200 });
  });

  it('rounds fractional days to whole ones', () => {
    expect(clampRange(120.4, 150.6, domain)).toEqual({ from: 120, to: 151 });
  });

  it('reads a non-finite end as the domain’s edge', () => {
    expect(clampRange(Number.NaN, Number.POSITIVE_INFINITY, domain)).toEqual({ from: 100, to: 200 });
  });

  it('collapses every window to the one day of a one-day domain', () => {
    expect(clampRange(0, 1000, { min: 7, max: 7 })).toEqual({ from: 7, to: 7 });
  });
});
