export { readGpxTracks } from './gpxTracks';
export { readKmlTracks } from './kmlTracks';
export { readCsvTracks } from './csvTracks';
export { parseTrackTime } from './trackTime';
export { settleTimes, type LabelledPoint, type Track, type TrackReadResult } from './track';
