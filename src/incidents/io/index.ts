export { importIncidents, type ImportOptions, type ImportResult } from './importIncidents';
export {
  buildImport, groupProblems, contentKey, type BuildImportOptions, type ImportChoice, type ImportPreview, type ImportProblem, type ProblemGroup,
} from './buildImport';
export type { ImportProgress, ImportSession, ImportStage, ReadFile } from './importSession';
export {
  summarizePreview, summarizeProblems, summarizeTable, type PreviewSummary, type ProblemSummary, type SummaryOptions, type TableSummary,
} from './previewSummary';
export { readImportFile, IMPORT_MAX_BYTES, type NamedFile } from './readImportFile';
export { kmzToKml, KMZ_MAX_KML_BYTES } from './kmzToKml';
export { zippedShapefileToGeoJson, SHAPEFILE_MAX_BYTES } from './zippedShapefile';
export { readImportTable, type ImportRecord, type ImportTable, type ReadTableOptions } from './readImportTable';
export { matchColumns, emptyMapping, normaliseHeader, IMPORT_FIELDS, MULTI_COLUMN_FIELDS, type ColumnMapping, type ImportField } from './matchColumns';
export { readLooseDate, numericDayOrder, type DayOrder, type LooseDate } from './readLooseDate';
export { detectImportFormat, type ImportFormat } from './detectImportFormat';
export type { ParseXml, XmlDocument } from './parseXmlFile';
export { parseXmlWithXmldom } from './xmldomParser';
export type { FileProblem } from './fileProblem';
export { toCsv, toGeoJSON } from './exportIncidents';
export { CSV_COLUMNS, type CsvColumn } from './csvColumns';
export { guardCsvCell, needsCsvQuotes, unguardCsvCell } from './csvFormulaGuard';
export { resolveIdCollisions, type IdRename, type ResolvedIds } from './resolveIdCollisions';
