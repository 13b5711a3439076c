import { describe, expect, it } from 'vitest';
import { readGpxTracks } from '../../../../src/incidents/io/tracks';
import { parseXml } from '../importFixtures';

/** A GPX 1.1 file as a GPS logger or flight app writes it, with these <trk> bodies. */
function gpx(...trks: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Logger" xmlns="http://www.topografix.com/GPX/1/1">
  <metadata><name>log</name><time>2023-03-11T05:40:00Z</time></metadata>
${trks.join('\n')}
</gpx>`;
}

const pt = (lat: number | string, lon: number | string, time?: string, ele?: string): string =>
  `<trkpt lat="${lat}" lon="${lon}">${ele !== undefined ? `<ele>${ele}</ele>` : ''}${time !== undefined ? `<time>${time}</time>` : ''}</trkpt>`;

describe('readGpxTracks', () => {
  it('reads a <trk> of timed points with elevations, named by its <name>', () => {
    const text = gpx(`<trk><name>Sortie 1</name><trkseg>${pt(39.0857, 46.6525, '2023-03-11T05:44:00Z', '4572.0')}${pt(39.1, 46.7, '2023-03-11T05:45:00Z', '4600')}</trkseg></trk>`);
    expect(readGpxTracks(text, 'f.gpx', parseXml)).toEqual({
      tracks: [{ name: 'Sortie 1', points: [
        { lon: 46.6525, lat: 39.0857, time: Date.UTC(2023, 2, 11, 5, 44), altitude: 4572 },
        { lon: 46.7, lat: 39.1, time: Date.UTC(2023, 2, 11, 5, 45), altitude: 4600 },
      ] }],
      errors: [],
    });
  });

  it('gives each <trkseg> of a track its own track, and names an unnamed <trk> by file and number', () => {
    const text = gpx(`<trk><trkseg>${pt(39, 46)}${pt(39.1, 46.1)}</trkseg><trkseg>${pt(39.2, 46.2)}</trkseg></trk>`);
    const result = readGpxTracks(text, 'f.gpx', parseXml);
    expect(result.tracks.map((t) => [t.name, t.points.length])).toEqual([['f.gpx track 1, segment 1', 2], ['f.gpx track 1, segment 2', 1]]);
    expect(result.tracks[0].points[0]).toEqual({ lon: 46, lat: 39 });
  });

  it('leaves out points with a bad position or time, naming track, point and value', () => {
    const text = gpx(`<trk><trkseg>${pt(91, 46, '2023-03-11T05:44:00Z')}${pt(39, 46, '2023-13-11T05:44:00Z')}${pt(39, 'x', '2023-03-11T05:44:00Z')}${pt(39, 46, '2023-03-11T05:46:00Z')}</trkseg></trk>`);
    const result = readGpxTracks(text, 'f.gpx', parseXml);
    expect(result.errors).toEqual([
      "f.gpx track 1 point 1: lat '91' is not a latitude; point skipped",
      "f.gpx track 1 point 2: time '2023-13-11T05:44:00Z' is not a date-time (no such day or time); point skipped",
      "f.gpx track 1 point 3: lon 'x' is not a longitude; point skipped",
    ]);
    expect(result.tracks[0].points).toEqual([{ lon: 46, lat: 39, time: Date.UTC(2023, 2, 11, 5, 46) }]);
  });

  it('leaves out an untimed point among timed ones, and one whose time goes back', () => {
    const text = gpx(`<trk><trkseg>${pt(39, 46, '2023-03-11T05:44:00Z')}${pt(39, 46.1)}${pt(39, 46.2, '2023-03-11T05:43:00Z')}${pt(39, 46.3, '2023-03-11T09:50:00+04:00')}</trkseg></trk>`);
    const result = readGpxTracks(text, 'f.gpx', parseXml);
    expect(result.errors).toEqual([
      'f.gpx track 1 point 2: has no time while 3 other points of its track do; point skipped',
      "f.gpx track 1 point 3: time 2023-03-11T05:43:00.000Z is before the previous point's 2023-03-11T05:44:00.000Z; point skipped",
    ]);
    expect(result.tracks[0].points.map((p) => p.time)).toEqual([Date.UTC(2023, 2, 11, 5, 44), Date.UTC(2023, 2, 11, 5, 50)]);
  });

  it('says what is wrong with a file that is not GPX or not XML', () => {
    expect(readGpxTracks('<kml></kml>', 'f.gpx', parseXml).errors).toEqual(["f.gpx: the XML root element is 'kml', not 'gpx'"]);
    expect(readGpxTracks('<gpx><trk>', 'f.gpx', parseXml).errors[0]).toMatch(/^f\.gpx: not well-formed XML/);
    expect(readGpxTracks(gpx(''), 'f.gpx', parseXml)).toEqual({ tracks: [], errors: ['f.gpx: the GPX file has no <trk> with points'] });
  });
});
