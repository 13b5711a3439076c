import { describeValue } from './describeValue';
import { isObject } from './jsonObject';
import { featureLabel, recordError } from './recordError';
import type { Incident, IncidentError, ParseResult } from './types';
import { validateIncident, type ValidateOptions } from './validateIncident';

/** A feature to validate and the index its errors carry and its label names. */
export interface IndexedFeature {
  index: number;
  feature: unknown;
}

/**
 * Validates features one by one, in order: good ones become incidents, each bad one is left out
 * and reported under its index and label. A repeated id is an error on the later feature, naming
 * the first ("id 'x' duplicates row 1 (line 2)"); the first keeps it.
 */
export function validateFeatures(features: readonly IndexedFeature[], options: ValidateOptions): ParseResult {
  const label = options.label ?? featureLabel;
  const incidents: Incident[] = [];
  const errors: IncidentError[] = [];
  const firstIndexOfId = new Map<string, number>();
  for (const { index, feature } of features) {
    const result = validateIncident(feature, index, options);
    const id = isObject(feature) ? feature.id : undefined;
    const first = typeof id === 'string' ? firstIndexOfId.get(id) : undefined;
    if (first !== undefined) {
      errors.push(recordError(options.source, label, index, 'id', `id ${describeValue(id)} duplicates ${label(first)}`));
      errors.push(...result.errors);
      continue;
    }
    if (typeof id === 'string') firstIndexOfId.set(id, index);
    errors.push(...result.errors);
    if (result.incident !== undefined) incidents.push(result.incident);
  }
  return { incidents, errors };
}
