import { describe, expect, it } from 'vitest';
import { readKmlTracks } from '../../../../src/incidents/io/tracks';
import { parseXml } from '../importFixtures';

/** A KML file as Google Earth saves one, with these Placemarks. */
function kml(...placemarks: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2">
<Document><name>tracks</name>
${placemarks.join('\n')}
</Document></kml>`;
}

const gxTrack = (whens: string[], coords: string[]): string =>
  `<gx:Track><altitudeMode>absolute</altitudeMode>${whens.map((w) => `<when>${w}</when>`).join('')}${coords.map((c) => `<gx:coord>${c}</gx:coord>`).join('')}</gx:Track>`;

describe('readKmlTracks', () => {
  it('pairs the <when>s and <gx:coord>s of a gx:Track, named by its Placemark', () => {
    const text = kml(`<Placemark><name>IRIAF 1</name>${gxTrack(['2023-03-11T05:44:00Z', '2023-03-11T05:45:30Z'], ['46.6525 39.0857 4572', '46.7 39.1 4600'])}</Placemark>`);
    expect(readKmlTracks(text, 'f.kml', parseXml)).toEqual({
      tracks: [{ name: 'IRIAF 1', points: [
        { lon: 46.6525, lat: 39.0857, altitude: 4572, time: Date.UTC(2023, 2, 11, 5, 44) },
        { lon: 46.7, lat: 39.1, altitude: 4600, time: Date.UTC(2023, 2, 11, 5, 45, 30) },
      ] }],
      errors: [],
    });
  });

  it('numbers the parts of a gx:MultiTrack', () => {
    const text = kml(`<Placemark><name>Two legs</name><gx:MultiTrack>${gxTrack(['2023-03-11T05:44:00Z'], ['46 39 0'])}${gxTrack(['2023-03-11T06:44:00Z'], ['47 39 0'])}</gx:MultiTrack></Placemark>`);
    expect(readKmlTracks(text, 'f.kml', parseXml).tracks.map((t) => t.name)).toEqual(['Two legs, part 1', 'Two legs, part 2']);
  });

  it('reads a LineString without point times and keeps its Placemark TimeSpan as the track span', () => {
    const text = kml(`<Placemark><name>Corridor</name><TimeSpan><begin>2023-03-11T09:44:00+04:00</begin><end>2023-03-11T10:26:00+04:00</end></TimeSpan>
      <LineString><coordinates>46.6525,39.0857,0 48.545,39.4581,0
        46.6525,39.0857</coordinates></LineString></Placemark>`);
    expect(readKmlTracks(text, 'f.kml', parseXml)).toEqual({
      tracks: [{
        name: 'Corridor',
        points: [{ lon: 46.6525, lat: 39.0857, altitude: 0 }, { lon: 48.545, lat: 39.4581, altitude: 0 }, { lon: 46.6525, lat: 39.0857 }],
        timeSpan: { begin: Date.UTC(2023, 2, 11, 5, 44), end: Date.UTC(2023, 2, 11, 6, 26) },
      }],
      errors: [],
    });
  });

  it('skips a gx:Track whose whens and coords do not pair up, and points out of range, naming them', () => {
    const text = kml(
      `<Placemark>${gxTrack(['2023-03-11T05:44:00Z', '2023-03-11T05:45:00Z'], ['46 39 0'])}</Placemark>`,
      `<Placemark><LineString><coordinates>46,39 246,39 47,39</coordinates></LineString></Placemark>`,
    );
    const result = readKmlTracks(text, 'f.kml', parseXml);
    expect(result.errors).toEqual([
      'f.kml track 1: has 2 <when> and 1 <gx:coord>; they must pair up; track skipped',
      `f.kml track 2 point 2: coordinates '246,39' is not "lon,lat" in range; point skipped`,
    ]);
    expect(result.tracks).toEqual([{ name: 'f.kml track 2', points: [{ lon: 46, lat: 39 }, { lon: 47, lat: 39 }] }]);
  });

  it('says when a KML file has no track in it', () => {
    expect(readKmlTracks(kml('<Placemark><Point><coordinates>46,39</coordinates></Point></Placemark>'), 'f.kml', parseXml).errors).toEqual([
      'f.kml: the KML file has no gx:Track or LineString',
    ]);
  });
});
