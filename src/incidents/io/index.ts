export { importIncidents, type ImportOptions, type ImportResult } from './importIncidents';
export { detectImportFormat, type ImportFormat } from './detectImportFormat';
export type { ParseXml, XmlDocument } from './parseXmlFile';
export { toCsv, toGeoJSON } from './exportIncidents';
export { CSV_COLUMNS, type CsvColumn } from './csvColumns';
export { guardCsvCell, needsCsvQuotes, unguardCsvCell } from './csvFormulaGuard';
export { resolveIdCollisions, type IdRename, type ResolvedIds } from './resolveIdCollisions';
