import { parseIncidents } from '../parseIncidents';
import type { ParseResult } from '../types';
import type { ValidateOptions } from '../validateIncident';
import type { FileProblem } from './importRecords';

/**
 * An imported GeoJSON file, validated as the committed data is: features are named by their
 * 0-based index ("feature 0"), which is also their errors' `index`. Text that is not JSON is a
 * problem with the whole file.
 */
export function readGeoJson(
  text: string,
  fileName: string,
  options: Omit<ValidateOptions, 'source' | 'label'> = {},
): ParseResult | FileProblem {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { fileError: `${fileName}: not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return parseIncidents(value, fileName, options);
}
