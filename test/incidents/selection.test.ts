import { describe, expect, test } from 'vitest';
import { IncidentCatalog, Selection, dayNumber, type Incident } from '../../src/incidents';

function incident(id: string, date: string): Incident {
  return {
    id, title: id, date, date_precision: 'day', category: 'airspace', actors: [], location: 'Somewhere', geo_precision: 'near',
    on_border: true, description: '', quotes: [], sources: [{ title: 'S', publisher: 'P', date: '2024' }], coordinates: [47, 39], geometry: { type: 'Point', coordinates: [47, 39] },
  };
}

describe('Selection', () => {
  test('counts the incidents its mask lets through', () => {
    const from = [incident('a', '2023-01-01'), incident('b', '2023-01-02'), incident('c', '2023-01-03')];
    expect(new Selection(from, Uint8Array.of(1, 0, 1)).count).toBe(2);
  });

  test('lists the selected incidents in the order they were chosen from', () => {
    const from = [incident('a', '2023-01-01'), incident('b', '2023-01-02'), incident('c', '2023-01-03')];
    expect(new Selection(from, Uint8Array.of(0, 1, 1)).incidents.map((i) => i.id)).toEqual(['b', 'c']);
  });

  test('selects every incident with all()', () => {
    const from = [incident('a', '2023-01-01'), incident('b', '2023-01-02')];
    expect(Selection.all(from).incidents).toEqual(from);
  });

  test('selects nothing from an empty list', () => {
    const none = Selection.all([]);
    expect([none.count, none.incidents.length]).toEqual([0, 0]);
  });

  test('refuses a mask of another length, naming both lengths', () => {
    expect(() => new Selection([incident('a', '2023-01-01')], new Uint8Array(2))).toThrow('a mask of 2 for 1 incidents');
  });

  test("a catalog's selection is over the catalog's own incidents, so two filters compare by mask", () => {
    const catalog = new IncidentCatalog([incident('a', '2023-01-01'), incident('b', '2023-02-01'), incident('c', '2023-03-01')]);
    const early = catalog.select({ to: dayNumber('2023-02-01') });
    const late = catalog.select({ from: dayNumber('2023-02-01') });
    expect(early.from).toBe(late.from);
    expect([...early.mask]).toEqual([1, 1, 0]);
    expect([...late.mask]).toEqual([0, 1, 1]);
  });
});
