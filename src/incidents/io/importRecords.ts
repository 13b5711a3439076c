import type { RecordLabel } from '../recordError';
import type { IncidentError } from '../types';
import type { IndexedFeature } from '../validateFeatures';

/**
 * A text file's records, turned into GeoJSON features ready for the incident validation. Records
 * are numbered from 1 as a person counts them; the number is each feature's `index`, the `index`
 * of its errors, and what `label` names: 3 → "row 3 (line 4)", "placemark 3".
 */
export interface ConvertedRecords {
  features: IndexedFeature[];
  /** Records that could not become features at all, each with its number and reason. */
  errors: IncidentError[];
  label: RecordLabel;
}

/** A file that could not be read at all: says what is wrong with it. */
export interface FileProblem {
  fileError: string;
}
