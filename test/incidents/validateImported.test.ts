import { describe, expect, it } from 'vitest';
import { validateIncident } from '../../src/incidents';
import { validFeature } from './fixtures';

const lenient = { source: 'mine.csv', imported: true };
const strict = { source: 'incidents.geojson' };

describe('validateIncident for imports', () => {
  it('keeps a file’s own category word, an unknown geo precision and empty location and description', () => {
    const feature = validFeature({ properties: { category: 'Battles', geo_precision: 'unknown', location: '', description: '' } });
    const { incident, errors } = validateIncident(feature, 0, lenient);
    expect(errors).toEqual([]);
    expect(incident?.category).toBe('Battles');
    expect(incident?.geo_precision).toBe('unknown');
  });

  it('still refuses them in the committed data', () => {
    const feature = validFeature({ properties: { category: 'Battles', geo_precision: 'unknown', location: '' } });
    const fields = validateIncident(feature, 0, strict).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'geo_precision', 'location']));
  });

  it('accepts a source with only a title', () => {
    const feature = validFeature({ properties: { sources: [{ title: 'Imported from mine.csv' }] } });
    expect(validateIncident(feature, 0, lenient).incident?.sources).toEqual([{ title: 'Imported from mine.csv' }]);
    expect(validateIncident(feature, 0, strict).errors.map((e) => e.field)).toEqual(['sources[0].publisher', 'sources[0].date']);
  });

  it('reads the other fields, the written date and the computed on_border', () => {
    const feature = validFeature({ properties: { extra: { fatalities: '2', __proto__x: 'y' }, date_original: '19 Esfand 1401', on_border_computed: true } });
    const { incident } = validateIncident(feature, 0, lenient);
    expect(incident?.extra).toEqual({ fatalities: '2', __proto__x: 'y' });
    expect(incident?.date_original).toBe('19 Esfand 1401');
    expect(incident?.on_border_computed).toBe(true);
  });

  it('refuses a title over 500, a description over 20,000 and another field over 2,000 characters, naming the length', () => {
    const feature = validFeature({ properties: { title: 't'.repeat(501), description: 'd'.repeat(20_001), extra: { notes2: 'n'.repeat(2_001) } } });
    const messages = validateIncident(feature, 0, lenient).errors.map((e) => e.message);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('501 characters long; at most 500');
    expect(messages[1]).toContain('20001 characters long; at most 20000');
    expect(messages[2]).toContain('extra.notes2');
  });
});
