export * from './types';
export { parsePartialDate, firstDayOf, type PartialDate } from './partialDate';
export { formatDate, formatIncidentDate } from './formatIncidentDate';
export { describeValue } from './describeValue';
export { validateIncident, type ValidateOptions, type ValidateResult } from './validateIncident';
export { parseIncidents } from './parseIncidents';
export { readGeometry, GEOMETRY_TYPES } from './readGeometry';
export {
  incidentToFeature,
  incidentsToFeatureCollection,
  hasShape,
  type FeatureForm,
  type IncidentProperties,
  type MapIncidentProperties,
} from './incidentFeature';
export { IncidentCatalog, type ActorCount, type IncidentFilter } from './incidentCatalog';
export {
  importIncidents,
  type ImportOptions,
  type ImportResult,
  detectImportFormat,
  type ImportFormat,
  type ParseXml,
  type XmlDocument,
  toCsv,
  toGeoJSON,
  CSV_COLUMNS,
  type CsvColumn,
  guardCsvCell,
  unguardCsvCell,
  resolveIdCollisions,
  type IdRename,
  type ResolvedIds,
  buildImport,
  groupProblems,
  contentKey,
  ON_BORDER_KM,
  readImportTable,
  kmzToKml,
  zippedShapefileToGeoJson,
  matchColumns,
  emptyMapping,
  IMPORT_FIELDS,
  MULTI_COLUMN_FIELDS,
  type ImportSession,
  type BuildImportOptions,
  type ImportChoice,
  type ImportPreview,
  type ImportProblem,
  type ProblemGroup,
  type ImportTable,
  type ColumnMapping,
  type ImportField,
  type DayOrder,
} from './io';
export { dayNumber, dayToIso, formatDay, incidentSpan } from './dayNumber';
