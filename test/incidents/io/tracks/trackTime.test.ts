import { describe, expect, it } from 'vitest';
import { parseTrackTime } from '../../../../src/incidents/io/tracks';

describe('parseTrackTime', () => {
  it('reads ISO 8601 with Z, with an offset, with a space, and without a zone as UTC', () => {
    const t = Date.UTC(2023, 2, 11, 5, 44, 0);
    expect(parseTrackTime('2023-03-11T05:44:00Z', false)).toBe(t);
    expect(parseTrackTime('2023-03-11T09:44:00+04:00', false)).toBe(t);
    expect(parseTrackTime('2023-03-11T02:14:00-0330', false)).toBe(t);
    expect(parseTrackTime('2023-03-11 05:44:00', false)).toBe(t);
    expect(parseTrackTime('2023-03-11T05:44:00.250Z', false)).toBe(t + 250);
  });

  it('reads Unix seconds and milliseconds only when asked', () => {
    expect(parseTrackTime('1678513440', true)).toBe(Date.UTC(2023, 2, 11, 5, 44));
    expect(parseTrackTime('1678513440000', true)).toBe(Date.UTC(2023, 2, 11, 5, 44));
    expect(parseTrackTime('1678513440', false)).toBe("'1678513440' is not an ISO 8601 date-time");
  });

  it('names a day that does not exist', () => {
    expect(parseTrackTime('2023-02-29T00:00:00Z', false)).toBe("'2023-02-29T00:00:00Z' is not a date-time (no such day or time)");
    expect(parseTrackTime('2023-03-11T24:00:00Z', false)).toBe("'2023-03-11T24:00:00Z' is not a date-time (no such day or time)");
  });
});
