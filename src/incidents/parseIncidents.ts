import { describeValue } from './describeValue';
import { isObject } from './jsonObject';
import type { IncidentError, ParseResult } from './types';
import type { ValidateOptions } from './validateIncident';
import { validateFeatures } from './validateFeatures';

function collectionProblem(value: unknown, source: string): IncidentError | undefined {
  const fail = (field: string, message: string): IncidentError => ({ index: -1, field, message: `${source}: ${message}` });
  if (!isObject(value)) return fail('', `${describeValue(value)} is not a GeoJSON FeatureCollection`);
  if (value.type !== 'FeatureCollection') return fail('type', `type ${describeValue(value.type)} is not 'FeatureCollection'`);
  if (!Array.isArray(value.features)) return fail('features', `features ${describeValue(value.features)} is not an array`);
  return undefined;
}

/**
 * Validates an unknown JSON value (a parsed incidents file, committed or imported) as a GeoJSON
 * FeatureCollection of incidents. Good features become incidents; each bad one is skipped and
 * reported by index ("feature 3") and field. A repeated id is an error on the later feature; the
 * first keeps it. Anything but a FeatureCollection gives a single error with index -1.
 *
 * @param source names the file in messages, e.g. "incidents.geojson".
 */
export function parseIncidents(
  value: unknown,
  source: string,
  options: Omit<ValidateOptions, 'source' | 'label'> = {},
): ParseResult {
  const notCollection = collectionProblem(value, source);
  if (notCollection !== undefined) return { incidents: [], errors: [notCollection] };
  const features = (value as { features: unknown[] }).features;
  return validateFeatures(
    features.map((feature, index) => ({ index, feature })),
    { ...options, source },
  );
}
