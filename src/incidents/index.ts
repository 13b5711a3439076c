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
export { Selection } from './selection';
export { compareByDate } from './compareByDate';
// The import and export pipeline (papaparse, togeojson, fflate, shpjs) is loaded when first used: import it from './io'.
export { detectImportFormat, type ImportFormat } from './io/detectImportFormat';
export type { ParseXml, XmlDocument } from './io/parseXmlFile';
export { CSV_COLUMNS, type CsvColumn } from './io/csvColumns';
export { guardCsvCell, unguardCsvCell } from './io/csvFormulaGuard';
export { resolveIdCollisions, type IdRename, type ResolvedIds } from './io/resolveIdCollisions';
export type { ImportOptions, ImportResult } from './io/importIncidents';
export type { BuildImportOptions, ImportChoice, ImportPreview, ImportProblem, ProblemGroup } from './io/buildImport';
export type { ImportProgress, ImportSession, ImportStage, ReadFile } from './io/importSession';
export type { PreviewSummary, ProblemSummary, TableSummary } from './io/previewSummary';
export type { ImportTable } from './io/readImportTable';
export type { ColumnMapping, ImportField } from './io/matchColumns';
export type { DayOrder } from './io/readLooseDate';
export { dayNumber, dayToIso, formatDay, incidentSpan } from './dayNumber';
export { incidentTrack, readTimes } from './trackTimes';
export { trackAnalysisCsv, trackGeoJson } from './exportTrack';
