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
