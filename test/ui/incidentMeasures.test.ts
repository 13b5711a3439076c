// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BorderIndex, lengthWithinKm } from '../../src/geo';
import type { Incident, IncidentGeometry } from '../../src/incidents';
import { buildIncidentMeasures, type BorderContext } from '../../src/ui/incidentMeasures';

/** A test border along 39°N, 46°E to 48°E, every 0.1°. */
function context(): BorderContext {
  const coordinates = Array.from({ length: 21 }, (_, i) => [46 + i * 0.1, 39]);
  const index = new BorderIndex({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'b', properties: { name: 'test border' }, geometry: { type: 'LineString', coordinates } }] });
  return { index, land: null, stretches: new Map() };
}

function incident(geometry: IncidentGeometry, coordinates: [number, number]): Incident {
  return {
    id: 'shape', title: 'A shape', date: '2023-03-11', date_precision: 'day', category: 'airspace', actors: [], location: 'Somewhere',
    geo_precision: 'region', on_border: true, description: 'Test.', quotes: [], sources: [{ title: 'S', publisher: 'P', date: '2023' }], coordinates, geometry,
  };
}

const text = (box: HTMLElement, cls: string): string => box.querySelector(`.${cls}`)?.textContent ?? '';

describe('popup figures of lines and areas', () => {
  it('a line gives its length and the km within the legend’s N km of the border, saying how it was sampled', () => {
    const line = [[46.5, 38.85], [46.9, 39.03], [47.4, 39.12], [47.6, 38.7]];
    const ctx = context();
    const box = buildIncidentMeasures(incident({ type: 'LineString', coordinates: line }, [47, 39.05]), ctx, { withinKm: 3 });
    const expected = lengthWithinKm(ctx.index, [line], 3);
    expect(text(box, 'measure-length')).toBe(`${expected.totalKm.toFixed(2)} km on the WGS84 ellipsoid, as drawn`);
    expect(text(box, 'measure-within')).toContain(`${expected.withinKm.toFixed(2)} km of it`);
    expect(text(box, 'measure-within')).toContain('sampled every 250 m or less');
    expect(box.textContent).toContain('Within 3 km of the border');
    expect(text(box, 'measure-along-border')).toBe(`${expected.alongKm.toFixed(2)} km of border lies beside the parts within 3 km`);
    expect(text(box, 'measure-distance')).toBe('it crosses or touches the border');
  });

  it('a corridor along the border gives the km of border its outline runs beside, and says why it has no speed', () => {
    const band = [[46.3, 38.97], [47.7, 38.97], [47.7, 38.95], [46.3, 38.95], [46.3, 38.97]];
    const box = buildIncidentMeasures({ ...incident({ type: 'Polygon', coordinates: [band] }, [47, 38.96]), duration_minutes: 42 }, context());
    // 1.4° of longitude at 39°N is about 121 km of the test border.
    expect(text(box, 'measure-along-border')).toMatch(/^12[01]\.\d\d km of border lies beside the parts of its outline within 5 km$/);
    expect(text(box, 'measure-speed')).toBe('not measured: an area is not a track, and the sources give a duration but no path');
  });

  it('uses 5 km when the legend sets no "within" value', () => {
    const box = buildIncidentMeasures(incident({ type: 'LineString', coordinates: [[46.5, 38.9], [47, 38.9]] }, [46.75, 38.9]), context());
    expect(box.textContent).toContain('Within 5 km of the border');
  });

  it('an area gives its ellipsoidal area and says whether it touches the border', () => {
    const away = [[46.5, 38.5], [47, 38.5], [47, 38.7], [46.5, 38.7], [46.5, 38.5]];
    const box = buildIncidentMeasures(incident({ type: 'Polygon', coordinates: [away] }, [46.75, 38.6]), context());
    expect(text(box, 'measure-area')).toMatch(/^\d+\.\d km² on the WGS84 ellipsoid, as drawn$/);
    expect(text(box, 'measure-touches')).toMatch(/^No: its nearest part is 3[2-4]\.\d\d km from the border$/);
    const across = [[46.5, 38.9], [47, 38.9], [47, 39.1], [46.5, 39.1], [46.5, 38.9]];
    expect(text(buildIncidentMeasures(incident({ type: 'Polygon', coordinates: [across] }, [46.75, 39]), context()), 'measure-touches'))
      .toBe('Yes: it crosses the border or holds part of it');
  });
});
