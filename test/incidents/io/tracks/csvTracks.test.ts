import { describe, expect, it } from 'vitest';
import { readCsvTracks } from '../../../../src/incidents/io/tracks';

// The shape of a flight-tracking site's CSV export: Unix seconds, ISO UTC, "lat,lon", feet, knots.
const FLIGHT_CSV = `Timestamp,UTC,Callsign,Position,Altitude,Speed,Direction
1678513440,2023-03-11T05:44:00Z,IRF101,"39.0857,46.6525",15000,420,90
1678513500,2023-03-11T05:45:00Z,IRF101,"39.1000,46.7500",15100,425,88
1678513500,2023-03-11T05:45:00Z,IRF102,"39.2000,46.8000",12000,380,270
`;

// The shape of a vessel-tracking (AIS) export: MMSI, zone-less UTC BaseDateTime, LAT and LON columns, not sorted by vessel.
const AIS_CSV = `MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,Cargo,TransceiverClass
423000001,2023-03-11T05:50:00,38.45,49.10,10.2,180.0,179,CASPIAN ONE,IMO9000001,4JAA,70,0,120,20,5.5,70,A
423000002,2023-03-11T05:44:00,38.60,49.30,8.0,90.0,91,CASPIAN TWO,IMO9000002,4JAB,80,0,150,24,7.1,80,A
423000001,2023-03-11T05:44:00,38.50,49.10,10.1,180.0,179,CASPIAN ONE,IMO9000001,4JAA,70,0,120,20,5.5,70,A
`;

const T = (h: number, m: number) => Date.UTC(2023, 2, 11, h, m);

describe('readCsvTracks', () => {
  it('splits a flight-tracking export into one track per callsign, from its Position "lat,lon" and UTC columns', () => {
    expect(readCsvTracks(FLIGHT_CSV, 'flights.csv')).toEqual({
      tracks: [
        { name: 'IRF101', points: [
          { lon: 46.6525, lat: 39.0857, time: T(5, 44), altitude: 15000 },
          { lon: 46.75, lat: 39.1, time: T(5, 45), altitude: 15100 },
        ] },
        { name: 'IRF102', points: [{ lon: 46.8, lat: 39.2, time: T(5, 45), altitude: 12000 }] },
      ],
      errors: [],
    });
  });

  it('splits a vessel export by MMSI (not CallSign), reads zone-less times as UTC and sorts each track by time', () => {
    const { tracks, errors } = readCsvTracks(AIS_CSV, 'ais.csv');
    expect(errors).toEqual([]);
    expect(tracks.map((t) => [t.name, t.points.map((p) => [p.lat, p.time])])).toEqual([
      ['423000001', [[38.5, T(5, 44)], [38.45, T(5, 50)]]],
      ['423000002', [[38.6, T(5, 44)]]],
    ]);
  });

  it('reads Unix seconds when the only time column is Timestamp, and makes one track without an id column', () => {
    const { tracks } = readCsvTracks('Timestamp,Latitude,Longitude\n1678513440,39,46\n1678513500,39.1,46.1\n', 'log.csv');
    expect(tracks).toEqual([{ name: 'log.csv', points: [{ lon: 46, lat: 39, time: T(5, 44) }, { lon: 46.1, lat: 39.1, time: T(5, 45) }] }]);
  });

  it('leaves out rows with a bad position or time, naming row, line and value', () => {
    const text = `Timestamp,UTC,Callsign,Position,Altitude
1,2023-03-11T05:44:00Z,A,"91.5,46.6",100
2,2023-02-30T05:44:00Z,A,"39,46.6",100
3,2023-03-11T05:46:00Z,A,"39,46.6",high
`;
    const { tracks, errors } = readCsvTracks(text, 'f.csv');
    expect(errors).toEqual([
      "f.csv row 1 (line 2): Position '91.5,46.6' is not a latitude, longitude in range; row skipped",
      "f.csv row 2 (line 3): UTC '2023-02-30T05:44:00Z' is not a date-time (no such day or time); row skipped",
      "f.csv row 3 (line 4): Altitude 'high' is not a number; altitude left out",
    ]);
    expect(tracks).toEqual([{ name: 'A', points: [{ lon: 46.6, lat: 39, time: T(5, 46) }] }]);
  });

  it('names the columns it needs when there is no position', () => {
    expect(readCsvTracks('Timestamp,Callsign\n1,A\n', 'f.csv').errors).toEqual([
      "f.csv: the CSV header has no Position column and no lat/latitude and lon/lng/long/longitude pair; its columns are 'Timestamp, Callsign'",
    ]);
    expect(readCsvTracks('', 'f.csv').errors).toEqual(['f.csv: the CSV file has no header row (it is empty)']);
  });
});
