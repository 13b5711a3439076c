import { describe, expect, test } from 'vitest';
import {
  formatAppView, formatCameraHash, formatMeasureParam, parseAppView, parseCameraHash, parseMeasureParam, type AppView,
} from '../../src/app/appView';

describe('parseAppView', () => {
  test('reads range, categories, distance, incident and measurement', () => {
    const { view, problems } = parseAppView('?from=2023-01-01&to=2023-03-31&category=attack,airspace&within=5&incident=x&measure=46.5,38.9;48.1,39.6', '');
    expect(view).toEqual({
      from: '2023-01-01', to: '2023-03-31', categories: ['attack', 'airspace'], within: 5, incident: 'x',
      measure: [[46.5, 38.9], [48.1, 39.6]],
    });
    expect(problems).toEqual([]);
  });

  test('reads the camera from the hash', () => {
    expect(parseAppView('', '#8/39.3/47.2').view.camera).toEqual({ zoom: 8, center: [47.2, 39.3] });
  });

  test('drops a date that does not exist and names it', () => {
    const { view, problems } = parseAppView('?from=2023-02-30', '');
    expect(view.from).toBeUndefined();
    expect(problems).toEqual(["from='2023-02-30' is not a date (YYYY-MM-DD): ignored"]);
  });

  test('drops a range that runs backwards', () => {
    const { view, problems } = parseAppView('?from=2023-05-01&to=2023-01-01', '');
    expect(view).toEqual({});
    expect(problems[0]).toContain('is after');
  });

  test('keeps the known categories and names the unknown ones', () => {
    const { view, problems } = parseAppView('?category=attack,bogus', '');
    expect(view.categories).toEqual(['attack']);
    expect(problems).toEqual(["unknown category 'bogus': ignored"]);
  });

  test('an empty category list shows no category and says so', () => {
    const { view, problems } = parseAppView('?category=', '');
    expect(view.categories).toEqual([]);
    expect(problems).toEqual(['category= names no category: no incident is shown']);
  });

  test('reads a decimal distance and refuses hexadecimal, negative and empty ones', () => {
    expect(parseAppView('?within=2.5', '').view.within).toBe(2.5);
    for (const bad of ['0x10', '-1', '', 'five', '1e3']) {
      const { view, problems } = parseAppView(`?within=${bad}`, '');
      expect(view.within, bad).toBeUndefined();
      expect(problems, bad).toEqual([`within='${bad}' is not a distance in km: ignored`]);
    }
  });

  test('reads a search, trimmed, and drops a blank one', () => {
    expect(parseAppView('?q=%20drone%20Aras%20', '').view.query).toBe('drone Aras');
    expect(parseAppView('?q=', '').view.query).toBeUndefined();
    expect(parseAppView('?q=', '').problems).toEqual([]);
  });

  test('writes a search as q and reads it back', () => {
    const { search } = formatAppView({ query: 'drone & Aras' });
    expect(search).toBe('?q=drone+%26+Aras');
    expect(parseAppView(search, '').view.query).toBe('drone & Aras');
  });

  test('reads an actor and the list order, and names an unknown order', () => {
    expect(parseAppView('?actor=Border%20guards&sort=distance', '').view).toMatchObject({ actor: 'Border guards', sort: 'distance' });
    const { view, problems } = parseAppView('?sort=size', '');
    expect(view.sort).toBeUndefined();
    expect(problems).toEqual(["sort='size' is not date or distance: ignored"]);
  });

  test('writes the order only when it is not by date', () => {
    expect(formatAppView({ sort: 'date' }).search).toBe('');
    expect(formatAppView({ sort: 'distance', actor: 'Iran' }).search).toBe('?actor=Iran&sort=distance');
  });

  test('names a repeated parameter and uses its first value', () => {
    const { view, problems } = parseAppView('?incident=a&incident=b', '');
    expect(view.incident).toBe('a');
    expect(problems).toEqual(['incident is given 2 times: the first is used']);
  });

  test('names an unknown parameter', () => {
    expect(parseAppView('?zoom=3', '').problems).toEqual(["unknown parameter 'zoom': ignored"]);
  });

  test('names a measurement that is not two lon,lat pairs', () => {
    const { view, problems } = parseAppView('?measure=46.5,38.9', '');
    expect(view.measure).toBeUndefined();
    expect(problems[0]).toContain('needs two points');
  });

  test('clips a long bad value in its message', () => {
    const { problems } = parseAppView(`?from=${'9'.repeat(3000)}`, '');
    expect(problems[0].length).toBeLessThan(120);
  });
});

describe('parseCameraHash', () => {
  test('an empty hash is no camera and no problem', () => {
    expect(parseCameraHash('')).toEqual({});
    expect(parseCameraHash('#')).toEqual({});
  });

  test('reads bearing and pitch when given', () => {
    expect(parseCameraHash('#6/39/47/30/45').camera).toEqual({ zoom: 6, center: [47, 39], bearing: 30, pitch: 45 });
  });

  test.each(['#abc', '#1e400/0/0', '#30/39/47', '#5/95/47', '#5/39/200', '#5/39', '#5/39/47/0/90/1'])('names the malformed hash %s', (hash) => {
    const { camera, problem } = parseCameraHash(hash);
    expect(camera).toBeUndefined();
    expect(problem).toContain('is not #zoom/lat/lng');
  });
});

describe('formatCameraHash', () => {
  test('writes as many decimals as the zoom can show', () => {
    expect(formatCameraHash({ zoom: 8, center: [47.2000001, 39.3000004] })).toBe('#8/39.3/47.2');
    expect(formatCameraHash({ zoom: 4.256, center: [47.123456, 39.987654] })).toBe('#4.26/39.99/47.12');
  });

  test('adds bearing and pitch only when set', () => {
    expect(formatCameraHash({ zoom: 6, center: [47, 39], bearing: 0, pitch: 0 })).toBe('#6/39/47');
    expect(formatCameraHash({ zoom: 6, center: [47, 39], bearing: 0, pitch: 30 })).toBe('#6/39/47/0/30');
  });
});

describe('measure parameter', () => {
  test('round-trips two points to 6 decimals', () => {
    const text = formatMeasureParam([[46.5339812, 38.8671734], [48.5, 39.45]]);
    expect(text).toBe('46.533981,38.867173;48.500000,39.450000');
    expect(parseMeasureParam(text)).toEqual({ points: [[46.533981, 38.867173], [48.5, 39.45]] });
  });

  test('refuses a point off the globe', () => {
    expect(parseMeasureParam('46,95;47,39')).toEqual({ error: "measure: '46,95' is not a lon,lat pair: ignored" });
  });
});

describe('formatAppView', () => {
  test('writes an empty view as an empty address', () => {
    expect(formatAppView({})).toEqual({ search: '', hash: '' });
  });

  test('leaves commas and semicolons readable', () => {
    const { search } = formatAppView({ categories: ['attack', 'airspace'], measure: [[46, 39], [47, 39.5]] });
    expect(search).toBe('?category=attack,airspace&measure=46.000000,39.000000;47.000000,39.500000');
  });

  test('gives back the view it was read from', () => {
    const view: AppView = {
      camera: { zoom: 7.5, center: [47.25, 39.125] }, from: '2023-01-01', to: '2023-03-31', categories: ['attack'],
      within: 5, incident: 'a;b,c&d', measure: [[46.5, 38.9], [48.1, 39.6]],
    };
    const { search, hash } = formatAppView(view);
    expect(parseAppView(search, hash)).toEqual({ view, problems: [] });
  });
});
