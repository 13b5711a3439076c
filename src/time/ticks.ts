import { monthStart, SHORT_MONTH_NAMES, yearOf, yearStart } from './calendar';
import type { DayDomain } from './dayRange';

/** A gridline on a time axis, with the label under it if it has one. */
export interface AxisTick {
  day: number;
  /** A strong gridline (a month or a labelled year) or a faint one (a quarter, an unlabelled year). */
  major: boolean;
  /** A year ("2023") or a short month name ("Mar"); absent on unlabelled gridlines. */
  label?: string;
}

export interface TickOptions {
  /** Least CSS px from one label to the next; default 40. */
  minLabelGap?: number;
}

const DEFAULT_MIN_LABEL_GAP = 40;
/** From this many CSS px per month on, every month gets a gridline and months are labelled. */
const MONTH_GRID_MIN_PX = 30;
/** From this many CSS px per year on, quarters get faint gridlines. */
const QUARTER_GRID_MIN_PX = 48;
/** Year label steps tried in turn; past the last one, every 1000 years. */
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500] as const;
const AVERAGE_MONTH_DAYS = 30.44;
const AVERAGE_YEAR_DAYS = 365.25;

/**
 * The gridlines and labels for an axis over a domain of days drawn at `pxPerDay` CSS px per day,
 * in ascending order of day. With room for months: a gridline at each month start, labelled every
 * month (or quarter, when tighter), January by its year. Otherwise: years labelled every 1, 2, 5,
 * 10… years so that labels stay `minLabelGap` apart, faint gridlines at the other years when the
 * step is 1 or 2, and at quarters when a year is wide enough. Only days inside the domain appear.
 */
export function axisTicks(domain: DayDomain, pxPerDay: number, options: TickOptions = {}): AxisTick[] {
  const minGap = options.minLabelGap ?? DEFAULT_MIN_LABEL_GAP;
  const { min, max } = domain;
  const monthPx = pxPerDay * AVERAGE_MONTH_DAYS;
  const yearPx = pxPerDay * AVERAGE_YEAR_DAYS;
  const firstYear = yearOf(min);
  const lastYear = yearOf(max);
  const ticks: AxisTick[] = [];
  const inside = (day: number): boolean => day >= min && day <= max;

  if (monthPx >= MONTH_GRID_MIN_PX) {
    const monthStep = monthPx >= minGap ? 1 : 3;
    for (let y = firstYear; y <= lastYear; y++) {
      for (let m = 1; m <= 12; m++) {
        const day = monthStart(y, m);
        if (!inside(day)) continue;
        if ((m - 1) % monthStep !== 0) ticks.push({ day, major: true });
        else ticks.push({ day, major: true, label: m === 1 ? String(y) : SHORT_MONTH_NAMES[m - 1] });
      }
    }
    return ticks;
  }

  const step = YEAR_STEPS.find((k) => k * yearPx >= minGap) ?? 1000;
  const quarters = yearPx >= QUARTER_GRID_MIN_PX;
  for (let y = firstYear; y <= lastYear; y++) {
    const day = yearStart(y);
    if (inside(day)) {
      if (y % step === 0) ticks.push({ day, major: true, label: String(y) });
      else if (step <= 2) ticks.push({ day, major: false });
    }
    if (!quarters) continue;
    for (const m of [4, 7, 10]) {
      const quarter = monthStart(y, m);
      if (inside(quarter)) ticks.push({ day: quarter, major: false });
    }
  }
  return ticks;
}
