import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CrossingProps } from '../../data/build/crossings';
import { englishName, type PlaceProps } from '../../data/build/places';
import { BorderIndex } from '../../src/geo';
import { committedText } from './committed';

const places = (): FeatureCollection<Point, PlaceProps> => JSON.parse(committedText('places')) as FeatureCollection<Point, PlaceProps>;

describe('basemap/places.geojson: names a reader recognises', () => {
  it('writes every name in plain Latin letters, with no diacritics or apostrophes', () => {
    for (const f of places().features) expect(f.properties.name, f.properties.geonames_name).toMatch(/^[A-Za-z][A-Za-z .()–-]*$/);
  });

  it('has no broken or odd forms left', () => {
    const names = places().features.map((f) => f.properties.name);
    for (const odd of ['Garrni', 'Severo-Vostotchnyi Bank', 'Khowy', 'Orumiyeh', 'Shushi']) expect(names).not.toContain(odd);
    for (const good of ['Khoy', 'Parsabad', 'Bileh Savar', 'Saatli', 'Shusha', 'Urmia', 'Garni', 'Qarah Ziaeddin']) expect(names).toContain(good);
  });

  it('spells Azerbaijani letters the usual English way, leaving names already in English alone', () => {
    expect(englishName('AZ', 'Hacıqabul')).toBe('Hajigabul');
    expect(englishName('AZ', 'Şirvan')).toBe('Shirvan');
    expect(englishName('AZ', 'Nakhchivan')).toBe('Nakhchivan');
    expect(englishName('IR', 'Pārsābād')).toBe('Parsabad');
    expect(englishName('TR', 'Iğdır')).toBe('Igdir');
  });

  it('labels the places the record names and the Iranian border towns, whatever their population', () => {
    const byName = new Map(places().features.map((f) => [`${f.properties.country}:${f.properties.name}`, f.properties]));
    for (const key of ['AZ:Horadiz', 'AZ:Aghband', 'AZ:Bahramtepe', 'IR:Jolfa', 'IR:Aslan Duz', 'IR:Germi', 'IR:Namin', 'IR:Poldasht',
      'IR:Khomarlu (Khoda Afarin)', 'AZ/IR:Khudafarin dam and bridges', 'AZ/IR:Giz Galasi dam']) {
      expect(byName.get(key)?.rank, key).toBeLessThanOrEqual(3);
    }
    // Places not in GeoNames say where their coordinates come from, and claim no population.
    expect(byName.get('IR:Jolfa')?.source).toMatch(/Wikipedia/);
    expect(byName.get('IR:Jolfa')?.population).toBeUndefined();
  });
});

describe('basemap/crossings.geojson', () => {
  it('puts the four open crossings on the border, each within 2 km of the town it is placed from', () => {
    const fc = JSON.parse(committedText('crossings')) as FeatureCollection<Point, CrossingProps>;
    expect(fc.features.map((f) => f.properties.name)).toEqual(['Astara crossing', 'Bilasuvar crossing', 'Julfa crossing', 'Shahtakhti–Poldasht crossing']);
    const index = new BorderIndex(JSON.parse(committedText('border')));
    for (const f of fc.features) {
      const [lon, lat] = f.geometry.coordinates;
      expect(index.snap([lon, lat]).distanceKm, f.properties.name).toBeLessThan(0.001);
      expect(f.properties.town_distance_km, f.properties.name).toBeLessThan(2);
    }
  });
});
