export {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  isLeapYear,
  MONTH_NAMES,
  monthStart,
  SHORT_MONTH_NAMES,
  yearOf,
  yearStart,
  type CivilDate,
} from './calendar';
export { clampRange, type DayDomain, type DayRange } from './dayRange';
export { binDaySpans, type Histogram } from './histogram';
export { playbackStart, playbackStep, STEPS_PER_DOMAIN } from './playback';
export { axisTicks, type AxisTick, type TickOptions } from './ticks';
