// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { TrackAnalysis, TrackPoint } from '../../src/geo';
import { buildTrackProfile } from '../../src/ui/trackProfile';

/** Five points a minute apart, 3 km inside Iran then across into Azerbaijan and back, and the analysis figures the chart reads. */
function fixture(): { points: TrackPoint[]; analysis: TrackAnalysis } {
  const signed = [-3, -1, 2, -1, -3];
  const points = signed.map((_, i) => ({ lon: 47 + i * 0.01, lat: 39, time: Date.UTC(2023, 2, 11, 9, 44 + i) }));
  const vertices = signed.map((s) => ({ signedKm: s, distanceKm: Math.abs(s), side: s > 0 ? 'AZE' as const : 'IRN' as const, lineId: 'mainland', chainageKm: 100 }));
  const analysis = {
    withinKm: 5, vertices, lengthKm: 4, gapKm: 0, lengthWithinKm: 4, alongUnionKm: 3, alongTravelledKm: 3, along: [], gaps: [], hasTimes: true, reasons: {},
    crossings: [
      { direction: 'IRN→AZE' as const, fromPoint: 1, toPoint: 2, time: points[1].time, inGap: false },
      { direction: 'AZE→IRN' as const, fromPoint: 2, toPoint: 3, time: points[2].time, inGap: false },
    ],
  } satisfies TrackAnalysis;
  return { points, analysis };
}

function press(element: HTMLElement, key: string): void {
  element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

describe('buildTrackProfile', () => {
  it('is a slider over the positions that starts at the first, described in words', () => {
    const { points, analysis } = fixture();
    const profile = buildTrackProfile(points, analysis, [0, 1, 2, 3, 4], { describe: (i) => `point ${i + 1}` });
    const slider = profile.element.querySelector<HTMLElement>('[role="slider"]');
    expect(slider?.tabIndex).toBe(0);
    expect(slider?.getAttribute('aria-valuemax')).toBe('5');
    expect(slider?.getAttribute('aria-valuetext')).toBe('point 1');
    expect(profile.element.querySelector('.track-readout')?.textContent).toBe('point 1');
  });

  it('steps a position with the arrows, jumps to the ends with Home and End, and reports each move', () => {
    const { points, analysis } = fixture();
    const moves: number[] = [];
    const profile = buildTrackProfile(points, analysis, [0, 1, 2, 3, 4], { describe: (i) => `point ${i + 1}`, onCursor: (i) => moves.push(i) });
    const slider = profile.element.querySelector<HTMLElement>('[role="slider"]') as HTMLElement;
    press(slider, 'ArrowRight');
    press(slider, 'ArrowRight');
    press(slider, 'End');
    press(slider, 'ArrowRight');
    press(slider, 'Home');
    press(slider, 'ArrowLeft');
    expect(moves).toEqual([1, 2, 4, 4, 0, 0]);
    expect(slider.getAttribute('aria-valuenow')).toBe('1');
  });

  it('marks each crossing on the border line and shades the band', () => {
    const { points, analysis } = fixture();
    const chart = buildTrackProfile(points, analysis, [0, 1, 2, 3, 4], { describe: () => '' }).element;
    expect(chart.querySelectorAll('.track-crossing')).toHaveLength(2);
    const zero = chart.querySelector('.track-zero');
    for (const c of chart.querySelectorAll('.track-crossing')) expect(c.getAttribute('cy')).toBe(zero?.getAttribute('y1'));
    expect(chart.querySelector('.track-band')).not.toBeNull();
  });

  it('moves the cursor without reporting it when told to by the map', () => {
    const { points, analysis } = fixture();
    const moves: number[] = [];
    const profile = buildTrackProfile(points, analysis, [0, 1, 2, 3, 4], { describe: (i) => `point ${i + 1}`, onCursor: (i) => moves.push(i) });
    profile.setCursor(3);
    expect(profile.cursor).toBe(3);
    expect(moves).toEqual([]);
  });
});
