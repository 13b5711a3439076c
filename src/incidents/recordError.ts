import type { IncidentError } from './types';

/** How messages name the record at an index: "feature 0", "row 3 (line 4)", "placemark 2". */
export type RecordLabel = (index: number) => string;

/** GeoJSON features are named by their 0-based index in `features`, as in the committed data. */
export const featureLabel: RecordLabel = (index) => `feature ${index}`;

/** One problem with one record, its message naming the file and the record: "data.csv row 3 (line 4): …". */
export function recordError(source: string, label: RecordLabel, index: number, field: string, problem: string): IncidentError {
  return { index, field, message: `${source} ${label(index)}: ${problem}` };
}
