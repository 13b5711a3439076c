import { describeValue } from '../../describeValue';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Epoch ms of a track timestamp, or why it is not one. Accepts ISO 8601 date-times ("2023-03-11T09:44:00Z",
 * "+04:00" offsets, a space for the T; no zone means UTC, as GPX, KML and AIS exports use) and, if
 * `numbers` is true, Unix times: seconds, or milliseconds when above 1e11 (after 1973 in ms).
 */
export function parseTrackTime(text: string, numbers: boolean): number | string {
  const value = text.trim();
  if (numbers && /^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    return n > 1e11 ? n : n * 1000;
  }
  const m = ISO.exec(value);
  if (m === null) return `${describeValue(text)} is not an ISO 8601 date-time${numbers ? ' or a Unix time' : ''}`;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone = 'Z'] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, frac === '' ? 0 : Math.round(Number(frac) * 1000));
  const check = new Date(ms);
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 60) {
    return `${describeValue(text)} is not a date-time (no such day or time)`;
  }
  if (zone.toUpperCase() === 'Z') return ms;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return ms - sign * offsetMinutes * 60_000;
}
