import type { IncidentError } from '../types';

/** Where a record sits in an imported file, as a person counts: number 3, "row 3 (line 4)". */
export interface RecordRef {
  /** 1-based record number; it is the `index` of the record's errors. */
  number: number;
  /** How messages name the record. */
  label: string;
}

/** A text file's records, turned into GeoJSON features ready for the incident validation. */
export interface ConvertedRecords {
  features: unknown[];
  /** `refs[i]` is the record `features[i]` came from. */
  refs: RecordRef[];
  /** Records that could not become features at all, each with its number and reason. */
  errors: IncidentError[];
}

/** A file that could not be read at all: says what is wrong with it. */
export interface FileProblem {
  fileError: string;
}

export function recordError(fileName: string, ref: RecordRef, field: string, problem: string): IncidentError {
  return { index: ref.number, field, message: `${fileName} ${ref.label}: ${problem}` };
}
