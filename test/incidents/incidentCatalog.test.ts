import { describe, expect, test } from 'vitest';
import { IncidentCatalog, dayNumber, type Category, type Incident } from '../../src/incidents';

function incident(id: string, date: string, precision: Incident['date_precision'], category: Category = 'airspace', extra: Partial<Incident> = {}): Incident {
  return {
    id, title: id, date, date_precision: precision, category, actors: [], location: 'Somewhere', geo_precision: 'near',
    on_border: true, description: '', quotes: [], sources: [{ title: 'S', publisher: 'P', date: '2024' }], coordinates: [47, 39], geometry: { type: 'Point', coordinates: [47, 39] }, ...extra,
  };
}

const ids = (list: readonly Incident[]): string[] => list.map((i) => i.id);

describe('IncidentCatalog', () => {
  test('an empty filter lets every incident through, in order', () => {
    const catalog = new IncidentCatalog([incident('a', '2023-03-11', 'day'), incident('b', '2022-10', 'month')]);
    expect(ids(catalog.select({}).incidents)).toEqual(['a', 'b']);
  });

  test('a month-precision incident shows while any day of its month is in range', () => {
    const catalog = new IncidentCatalog([incident('oct', '2022-10', 'month')]);
    expect(ids(catalog.select({ from: dayNumber('2022-10-31'), to: dayNumber('2022-11-30') }).incidents)).toEqual(['oct']);
    expect(ids(catalog.select({ from: dayNumber('2022-11-01') }).incidents)).toEqual([]);
  });

  test('a range ending the day before an incident leaves it out', () => {
    const catalog = new IncidentCatalog([incident('a', '2023-03-11', 'day')]);
    expect(catalog.select({ to: dayNumber('2023-03-10') }).incidents).toEqual([]);
    expect(ids(catalog.select({ to: dayNumber('2023-03-11') }).incidents)).toEqual(['a']);
  });

  test('date_latest stretches an undated incident to its bound', () => {
    const catalog = new IncidentCatalog([incident('bounded', '2022-10', 'month', 'statement', { date_latest: '2023-03-20' })]);
    expect(ids(catalog.select({ from: dayNumber('2023-02-01'), to: dayNumber('2023-02-28') }).incidents)).toEqual(['bounded']);
  });

  test('categories keep only the ticked ones', () => {
    const catalog = new IncidentCatalog([incident('a', '2023-01-01', 'day', 'attack'), incident('b', '2023-01-01', 'day', 'statement')]);
    expect(ids(catalog.select({ categories: new Set<Category>(['statement']) }).incidents)).toEqual(['b']);
    expect(catalog.select({ categories: new Set<Category>() }).incidents).toEqual([]);
  });

  test('"within N km" keeps incidents at most N km away and drops unknown distances', () => {
    const list = [incident('near', '2023-01-01', 'day'), incident('far', '2023-01-01', 'day'), incident('unknown', '2023-01-01', 'day')];
    const km: Record<string, number> = { near: 3, far: 380, unknown: Number.NaN };
    const catalog = new IncidentCatalog(list, (i) => km[i.id]);
    expect(ids(catalog.select({ withinKm: 3 }).incidents)).toEqual(['near']);
  });

  test('distances are not computed until a distance filter asks for them', () => {
    let calls = 0;
    const catalog = new IncidentCatalog([incident('a', '2023-01-01', 'day')], () => {
      calls++;
      return 1;
    });
    catalog.select({ from: 0 }).incidents;
    expect(calls).toBe(0);
    catalog.select({ withinKm: 5 }).incidents;
    catalog.select({ withinKm: 6 }).incidents;
    expect(calls).toBe(1);
  });

  test('the domain spans the first to the last day covered, and is [0, 0] when empty', () => {
    const catalog = new IncidentCatalog([incident('a', '2023-03-11', 'day'), incident('b', '2022-10', 'month')]);
    expect(catalog.domain).toEqual([dayNumber('2022-10-01'), dayNumber('2023-03-11')]);
    expect(new IncidentCatalog([]).domain).toEqual([0, 0]);
  });

  test('indices can ignore the time range, for the timeline marks', () => {
    const catalog = new IncidentCatalog([incident('a', '2023-03-11', 'day'), incident('b', '2020-01-01', 'day', 'attack')]);
    const filter = { from: dayNumber('2023-01-01'), categories: new Set<Category>(['airspace']) };
    expect(catalog.indices(filter)).toEqual([0]);
    expect(catalog.indices({ ...filter, from: dayNumber('2024-01-01') }, { ignoreTime: true })).toEqual([0]);
  });

  test('a search keeps incidents that contain every word, in any field, ignoring case and accents', () => {
    const catalog = new IncidentCatalog([
      incident('shots', '2023-01-01', 'day', 'attack', { title: 'Shots heard', location: 'Horadız', actors: ['Border guards'] }),
      incident('drill', '2023-01-02', 'day', 'military-exercise', { description: 'A drill on the Aras' }),
      incident('kept', '2023-01-03', 'day', 'statement', { extra: { fatalities: '0', notes: 'Seen by farmers' } }),
    ]);
    expect(ids(catalog.select({ text: 'horadiz guards' }).incidents)).toEqual(['shots']);
    expect(ids(catalog.select({ text: 'ARAS' }).incidents)).toEqual(['drill']);
    expect(ids(catalog.select({ text: 'farmers' }).incidents)).toEqual(['kept']);
    expect(ids(catalog.select({ text: 'military exercise' }).incidents)).toEqual(['drill']);
  });

  test('a search in English spelling finds Azerbaijani ə and ı', () => {
    const catalog = new IncidentCatalog([incident('b', '2023-01-01', 'day', 'attack', { location: 'Biləsuvar, Cəbrayıl' })]);
    expect(ids(catalog.select({ text: 'bilasuvar cabrayil' }).incidents)).toEqual(['b']);
  });

  test('a search with a word no incident has keeps none; a blank one keeps all', () => {
    const catalog = new IncidentCatalog([incident('a', '2023-01-01', 'day'), incident('b', '2023-01-02', 'day')]);
    expect(catalog.select({ text: 'a nowhere' }).incidents).toEqual([]);
    expect(ids(catalog.select({ text: '  ' }).incidents)).toEqual(['a', 'b']);
  });

  test('an actor keeps the incidents that name it, ignoring case and accents', () => {
    const catalog = new IncidentCatalog([
      incident('a', '2023-01-01', 'day', 'attack', { actors: ['Border Guards', 'Farmers'] }),
      incident('b', '2023-01-02', 'day', 'attack', { actors: ['Farmers (Azerbaijan)'] }),
    ]);
    expect(ids(catalog.select({ actor: 'border guards' }).incidents)).toEqual(['a']);
    expect(ids(catalog.select({ actor: 'Farmers' }).incidents)).toEqual(['a']);
    expect(catalog.select({ actor: 'Nobody' }).incidents).toEqual([]);
  });

  test('lists the actors most often named first, one entry per spelling that differs only in case', () => {
    const catalog = new IncidentCatalog([
      incident('a', '2023-01-01', 'day', 'attack', { actors: ['Iran', 'Azerbaijan'] }),
      incident('b', '2023-01-02', 'day', 'attack', { actors: ['iran'] }),
      incident('c', '2023-01-03', 'day', 'attack', { actors: [] }),
    ]);
    expect(catalog.actors()).toEqual([{ name: 'Iran', count: 2 }, { name: 'Azerbaijan', count: 1 }]);
  });
});
