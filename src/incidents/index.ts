export * from './types';
export { parsePartialDate, firstDayOf, type PartialDate } from './partialDate';
export { formatDate, formatIncidentDate } from './formatIncidentDate';
export { describeValue } from './describeValue';
export { validateIncident, type ValidateOptions, type ValidateResult } from './validateIncident';
export { parseIncidents } from './parseIncidents';
export { incidentsToFeatureCollection, type IncidentProperties } from './incidentFeatures';
