import { describe, expect, it } from 'vitest';
import { matchColumns } from '../../../src/incidents/io/matchColumns';

const ACLED = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1',
  'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2',
  'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
];

describe('matchColumns', () => {
  it('maps our own column names onto our fields', () => {
    const m = matchColumns(['id', 'title', 'date', 'latitude', 'longitude', 'description', 'location', 'actors', 'category', 'geo_precision', 'date_precision']);
    expect(m.id).toEqual(['id']);
    expect(m.title).toEqual(['title']);
    expect(m.date).toEqual(['date']);
    expect(m.latitude).toEqual(['latitude']);
    expect(m.longitude).toEqual(['longitude']);
    expect(m.description).toEqual(['description']);
    expect(m.category).toEqual(['category']);
    expect(m.geo_precision).toEqual(['geo_precision']);
  });

  it('maps an ACLED export: event_date not the upload timestamp, both actors and their associates, admin areas after the location', () => {
    const m = matchColumns(ACLED);
    expect(m.id).toEqual(['event_id_cnty']);
    expect(m.date).toEqual(['event_date']);
    expect(m.category).toEqual(['event_type']);
    expect(m.actors).toEqual(['actor1', 'actor2', 'assoc_actor_1', 'assoc_actor_2']);
    expect(m.location).toEqual(['location', 'admin3', 'admin2', 'admin1']);
    expect(m.description).toEqual(['notes']);
    expect(m.source).toEqual(['source']);
    expect(m.date_precision).toEqual(['time_precision']);
    expect(m.title).toEqual([]);
  });

  it('maps a spreadsheet’s capitalised, spaced headers', () => {
    const m = matchColumns(['Date', 'Location', 'Lat', 'Lon', 'Description', 'Source URL']);
    expect(m.date).toEqual(['Date']);
    expect(m.location).toEqual(['Location']);
    expect(m.latitude).toEqual(['Lat']);
    expect(m.longitude).toEqual(['Lon']);
    expect(m.description).toEqual(['Description']);
    expect(m.source).toEqual(['Source URL']);
  });

  it('takes name as the title, lng/long and x/y as coordinates, timestamp and when as the date', () => {
    expect(matchColumns(['name', 'lng', 'lat', 'when'])).toMatchObject({ title: ['name'], longitude: ['lng'], latitude: ['lat'], date: ['when'] });
    expect(matchColumns(['Name', 'X', 'Y', 'timestamp'])).toMatchObject({ title: ['Name'], longitude: ['X'], latitude: ['Y'], date: ['timestamp'] });
    expect(matchColumns(['headline', 'long', 'lat'])).toMatchObject({ title: ['headline'], longitude: ['long'] });
  });

  it('gives each column to one field only and leaves unknown columns unmapped', () => {
    const m = matchColumns(['type', 'category', 'fatalities', 'url', 'link']);
    expect(m.category).toEqual(['category']);
    expect(m.source).toEqual(['url', 'link']);
    const all = Object.values(m).flat();
    expect(all).not.toContain('fatalities');
    expect(all).not.toContain('type');
  });

  it('is the same for the same headers', () => {
    expect(matchColumns(ACLED)).toEqual(matchColumns([...ACLED]));
  });
});
