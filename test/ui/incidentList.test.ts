// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { Selection, type Incident } from '../../src/incidents';
import { runNow } from '../../src/incidents/steps';
import { IncidentListControl } from '../../src/ui/IncidentListControl';

function incident(i: number): Incident {
  const date = `2023-01-${String(1 + (i % 28)).padStart(2, '0')}`;
  return {
    id: `i${i}`, title: `Incident ${i}`, date, date_precision: 'day', category: 'airspace', actors: [], location: 'Somewhere', geo_precision: 'near',
    on_border: true, description: '', quotes: [], sources: [{ title: 'S', publisher: 'P', date: '2024' }], coordinates: [47, 39], geometry: { type: 'Point', coordinates: [47, 39] },
  };
}

const listedIds = (panel: HTMLElement): string[] => [...panel.querySelectorAll<HTMLElement>('button.incident-list-item')].map((b) => b.dataset.incidentId ?? '');

describe('IncidentListControl', () => {
  test('lists by date, then title', () => {
    const incidents = [incident(2), incident(1), incident(29)];
    const list = new IncidentListControl({ onSelect: () => undefined });
    const panel = list.onAdd();
    list.setShown(Selection.all(incidents));
    expect(listedIds(panel)).toEqual(['i1', 'i29', 'i2']);
  });

  test('an order chosen while a stepwise sort is paused is the one kept when that sort ends', () => {
    const incidents = Array.from({ length: 5000 }, (_, i) => incident(i));
    // Nearest the border: the reverse of the catalog's order.
    const distances = Float64Array.from(incidents, (_, i) => incidents.length - i);
    const list = new IncidentListControl({ onSelect: () => undefined });
    const panel = list.onAdd();
    const byDate = list.orderInSteps(incidents);
    byDate.next();
    runNow(list.orderInSteps(incidents, distances));
    runNow(byDate);
    list.setShown(Selection.all(incidents));
    expect(listedIds(panel).slice(0, 3)).toEqual(['i4999', 'i4998', 'i4997']);
  });

  test('a list added again shows its entries', () => {
    const incidents = [incident(1), incident(2)];
    const list = new IncidentListControl({ onSelect: () => undefined });
    list.onAdd();
    list.setShown(Selection.all(incidents));
    list.onRemove();
    const panel = list.onAdd();
    list.setShown(Selection.all(incidents));
    expect(listedIds(panel)).toEqual(['i1', 'i2']);
  });
});
