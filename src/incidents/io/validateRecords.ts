import type { ConvertedRecords } from './importRecords';
import { parseIncidents } from '../parseIncidents';
import type { IncidentError, ParseResult } from '../types';
import type { ValidateOptions } from '../validateIncident';

/**
 * Runs converted records through the same validation as the committed data (parseIncidents),
 * then renames each error from the feature it was found in to the record it came from:
 * "data.csv feature 1: …" becomes "data.csv row 3 (line 4): …", with `index` 3.
 * Conversion errors and validation errors come back together, in file order.
 */
export function validateRecords(
  converted: ConvertedRecords,
  fileName: string,
  options: Omit<ValidateOptions, 'source'> = {},
): ParseResult {
  const { incidents, errors } = parseIncidents({ type: 'FeatureCollection', features: converted.features }, fileName, options);
  const relabelled = errors.map((error): IncidentError => {
    const ref = converted.refs[error.index];
    if (ref === undefined) return error;
    const prefix = `${fileName} feature ${error.index}: `;
    let rest = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    rest = rest.replace(/duplicates feature (\d+)$/, (whole, first: string) => {
      const firstRef = converted.refs[Number(first)];
      return firstRef === undefined ? whole : `duplicates ${firstRef.label}`;
    });
    return { index: ref.number, field: error.field, message: `${fileName} ${ref.label}: ${rest}` };
  });
  // Stable sort: each record's errors stay in the order the validation found them.
  const all = [...converted.errors, ...relabelled].sort((a, b) => a.index - b.index);
  return { incidents, errors: all };
}
