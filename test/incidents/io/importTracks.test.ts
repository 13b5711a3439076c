import { describe, expect, it } from 'vitest';
import { groupProblems, importIncidents, toCsv, toGeoJSON } from '../../../src/incidents/io';
import { incidentTrack, trackGeoJson, validateIncident } from '../../../src/incidents';
import { flightTrackerCsv, gpxFile, outAndBack } from '../../fixtures/tracks';
import { parseXml } from './importFixtures';

const START = '2023-03-11T09:44:00.000Z';

describe('importing tracks', () => {
  it('makes one line incident per GPX track, dated by its first time, with a time per position', () => {
    const points = outAndBack();
    const result = importIncidents(gpxFile('Patrol', points), 'patrol.gpx', { parseXml });
    expect(result.errors).toEqual([]);
    expect(result.format).toBe('gpx');
    expect(result.incidents).toHaveLength(1);
    const [track] = result.incidents;
    expect(track).toMatchObject({ title: 'Patrol', date: '2023-03-11', date_precision: 'day', duration_minutes: 42, category: 'Track' });
    expect(track.date_original).toBeUndefined();
    expect(track.geometry.type).toBe('LineString');
    expect(track.times).toHaveLength(points.length);
    expect(track.times?.[0]).toBe(START);
    expect(track.times?.at(-1)).toBe('2023-03-11T10:26:00.000Z');
  });

  it('splits a flight tracker CSV into one track per callsign, positions in time order', () => {
    const result = importIncidents(flightTrackerCsv(), 'flights.csv');
    expect(result.errors).toEqual([]);
    expect(result.incidents.map((i) => [i.title, i.times?.length])).toEqual([['IRN501', 18], ['IRN777', 3]]);
    const first = result.incidents[0];
    expect(first.times?.[0]).toBe(START);
    expect(first.duration_minutes).toBe(29);
  });

  it('reads an ACLED-like CSV with latitude, longitude and event_date as incidents, not tracks', () => {
    const csv = 'event_date,latitude,longitude,notes,time\n2023-03-11,39.1,46.7,A note,2023-03-11T09:44:00Z\n';
    const result = importIncidents(csv, 'events.csv');
    expect(result.incidents).toHaveLength(1);
    expect(result.incidents[0].geometry.type).toBe('Point');
    expect(result.incidents[0].times).toBeUndefined();
  });

  it('reads a sheet of named events with a time and a position each as incidents, not one-position tracks', () => {
    const csv = 'name,time,lat,lon\nShots heard,2023-03-11 14:00,39.1,46.7\nDrone seen,2023-03-12 09:30,39.2,46.9\n';
    const result = importIncidents(csv, 'events.csv');
    expect(result.incidents.map((i) => [i.title, i.geometry.type, i.category])).toEqual([['Shots heard', 'Point', 'unspecified'], ['Drone seen', 'Point', 'unspecified']]);
  });

  it('reads events hours apart with a blank id column as incidents, not as one track', () => {
    const csv = 'id,event,time,latitude,longitude\n,Shots heard,2023-03-11 14:00,39.1,46.7\n,Drone seen,2023-03-11 19:30,39.2,46.9\n,Flares,2023-03-12 02:10,39.3,47.1\n';
    const result = importIncidents(csv, 'events.csv');
    expect(result.incidents.map((i) => [i.title, i.geometry.type])).toEqual([['Shots heard', 'Point'], ['Drone seen', 'Point'], ['Flares', 'Point']]);
  });

  it('keeps a times column beside a point as one of the file’s own fields', () => {
    const csv = 'title,date,latitude,longitude,Times\nShots,2023-03-11,39.1,46.7,3\n';
    const [incident] = importIncidents(csv, 'events.csv').incidents;
    expect(incident.times).toBeUndefined();
    expect(incident.extra).toEqual({ Times: '3' });
  });

  it('computes on_border for a line from its nearest part, not only its positions', () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{
      type: 'Feature', geometry: { type: 'LineString', coordinates: [[47, 38.5], [47, 39.5]] }, properties: { title: 'Across', date: '2023-03-11' },
    }] });
    // Both ends are 55 km from a border along 39°N; the line crosses it between them.
    const [incident] = importIncidents(geojson, 'across.geojson', {
      distanceToBorderKm: ([, lat]) => Math.abs(lat - 39) * 111,
      shapeDistanceToBorderKm: () => 0,
    }).incidents;
    expect(incident).toMatchObject({ on_border: true, on_border_computed: true });
  });

  it('counts a reader\'s notes as notes, not as tracks, in the grouped warnings', () => {
    let seen = 0;
    const text = gpxFile('Patrol', outAndBack(5)).replace(/<time>[^<]*<\/time>/g, (time) => (++seen <= 2 ? '<time>soon</time>' : time));
    const result = importIncidents(text, 'patrol.gpx', { parseXml });
    const groups = groupProblems(result.preview?.warnings ?? []);
    expect(groups).toEqual([expect.objectContaining({ count: 2, noun: 'note' })]);
  });

  it('keeps the times of a KML gx:Track and dates it by its first', () => {
    const kml = `<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"><Document><Placemark><name>Sortie</name>
      <gx:Track><when>2023-03-11T09:44:00Z</when><when>2023-03-11T09:50:00+00:00</when><gx:coord>46.7 39.1 100</gx:coord><gx:coord>47.0 39.2 100</gx:coord></gx:Track>
      </Placemark></Document></kml>`;
    const result = importIncidents(kml, 'sortie.kml', { parseXml });
    expect(result.errors).toEqual([]);
    expect(result.incidents[0]).toMatchObject({ title: 'Sortie', date: '2023-03-11', times: [START, '2023-03-11T09:50:00.000Z'] });
  });

  it('keeps the times a GPX converter writes as coordinateProperties.times in GeoJSON', () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{
      type: 'Feature', geometry: { type: 'LineString', coordinates: [[46.7, 39.1], [47, 39.2]] },
      properties: { name: 'Sortie', time: '2023-03-11T09:44:00Z', coordinateProperties: { times: ['2023-03-11T09:44:00Z', '2023-03-11T09:50:00Z'] } },
    }] });
    const [incident] = importIncidents(geojson, 'sortie.geojson').incidents;
    expect(incident.times).toEqual([START, '2023-03-11T09:50:00.000Z']);
    expect(incident.extra).toBeUndefined();
  });

  it('comes back the same from its GeoJSON and CSV exports and from the single-track export', () => {
    const [track] = importIncidents(flightTrackerCsv(), 'flights.csv').incidents;
    for (const [text, name] of [[toGeoJSON([track]), 'again.geojson'], [toCsv([track]), 'again.csv'], [trackGeoJson(track), 'track.geojson']]) {
      const [back] = importIncidents(text, name).incidents;
      expect(back.times, name).toEqual(track.times);
      expect(back.geometry, name).toEqual(track.geometry);
    }
  });

  it('reports a GPX point with a bad time as left out, and imports the rest of the track', () => {
    let seen = 0;
    const text = gpxFile('Patrol', outAndBack(5)).replace(/<time>[^<]*<\/time>/g, (time) => (++seen === 2 ? '<time>yesterday</time>' : time));
    const result = importIncidents(text, 'patrol.gpx', { parseXml });
    expect(result.incidents[0].times).toHaveLength(8);
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^patrol\.gpx track 1 point 2: time 'yesterday' is not an ISO 8601 date-time; point skipped$/)]);
  });

  it('refuses a GPX file with no track, naming it', () => {
    const result = importIncidents('<gpx xmlns="http://www.topografix.com/GPX/1/1"><wpt lat="39" lon="46"/></gpx>', 'empty.gpx', { parseXml });
    expect(result.errors.map((e) => e.message)).toEqual(['empty.gpx: the GPX file has no <trk> with points']);
  });
});

describe('times on an incident', () => {
  const feature = (times: unknown, coordinates: number[][] = [[46.7, 39.1], [47, 39.2]]): unknown => ({
    type: 'Feature', id: 't', geometry: { type: 'LineString', coordinates },
    properties: { title: 'T', date: '2023-03-11', date_precision: 'day', category: 'Track', actors: [], location: '', geo_precision: 'unknown', on_border: true, description: '', quotes: [], sources: [{ title: 'S' }], times },
  });
  const problems = (times: unknown, coordinates?: number[][]): string[] =>
    validateIncident(feature(times, coordinates), 0, { source: 'f', imported: true }).errors.map((e) => e.message);

  it('refuses times that do not pair with the positions', () => {
    expect(problems([START])).toEqual([expect.stringContaining("times '1 times' do not pair with the line's 2 positions")]);
  });

  it('refuses a time that goes back, naming it', () => {
    expect(problems(['2023-03-11T09:50:00Z', START])).toEqual([expect.stringContaining('times[1]')]);
  });

  it('refuses text that is not a date-time', () => {
    expect(problems([START, 'soon'])).toEqual([expect.stringContaining("times[1] 'soon' is not a date-time")]);
  });

  it('gives the track points of a timed line, with epoch milliseconds', () => {
    const { incident } = validateIncident(feature([START, '2023-03-11T09:50:00Z']), 0, { source: 'f', imported: true });
    expect(incident && incidentTrack(incident)).toEqual([
      { lon: 46.7, lat: 39.1, time: Date.parse(START) },
      { lon: 47, lat: 39.2, time: Date.parse('2023-03-11T09:50:00Z') },
    ]);
  });
});
