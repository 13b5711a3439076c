import { describeValue } from './describeValue';
import type { Incident, IncidentError, ParseResult } from './types';
import { validateIncident, type ValidateOptions } from './validateIncident';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
 * reported by index and field. A repeated id is an error on the later feature; the first keeps it.
 * Anything but a FeatureCollection gives a single error with index -1.
 *
 * @param source names the file in messages, e.g. "incidents.geojson".
 */
export function parseIncidents(
  value: unknown,
  source: string,
  options: Omit<ValidateOptions, 'source'> = {},
): ParseResult {
  const notCollection = collectionProblem(value, source);
  if (notCollection !== undefined) return { incidents: [], errors: [notCollection] };
  const features = (value as { features: unknown[] }).features;

  const incidents: Incident[] = [];
  const errors: IncidentError[] = [];
  const firstIndexOfId = new Map<string, number>();
  features.forEach((feature, index) => {
    const result = validateIncident(feature, index, { ...options, source });
    const id = isObject(feature) ? feature.id : undefined;
    if (typeof id === 'string') {
      const first = firstIndexOfId.get(id);
      if (first !== undefined) {
        errors.push({
          index,
          field: 'id',
          message: `${source} feature ${index}: id ${describeValue(id)} duplicates feature ${first}`,
        });
        errors.push(...result.errors);
        return;
      }
      firstIndexOfId.set(id, index);
    }
    errors.push(...result.errors);
    if (result.incident !== undefined) incidents.push(result.incident);
  });
  return { incidents, errors };
}
