import type { Incident } from '../types';
import { groupProblems, type ImportPreview, type ImportProblem, type ProblemGroup } from './buildImport';
import type { ImportFormat } from './detectImportFormat';
import type { DayOrder } from './readLooseDate';
import type { ImportTable } from './readImportTable';

/** What the preview needs to know of a read file, whatever its size: small enough to pass between threads. */
export interface TableSummary {
  fileName: string;
  format: ImportFormat;
  originalFormat?: string;
  headers: string[];
  /** "row", "feature", "placemark". */
  noun: string;
  /** How many records were read. */
  records: number;
}

/** Problems of one list (errors or warnings), bounded: counts, groups with examples, the first few listed. */
export interface ProblemSummary {
  count: number;
  /** How many distinct records they concern. */
  records: number;
  groups: ProblemGroup[];
  /** The first `listLimit` messages, in file order. */
  listed: string[];
}

/** An import preview, bounded whatever the file holds. */
export interface PreviewSummary {
  /** How many of the file's records it covers: fewer than all in an early look at a large file's first records. */
  checked: number;
  /** How many incidents would be imported. */
  incidents: number;
  /** The first few of them, as they would be imported. */
  first: Incident[];
  errors: ProblemSummary;
  warnings: ProblemSummary;
  detectedDayOrder: DayOrder | 'ambiguous' | undefined;
  /** How many dates were read in each form, most first. */
  dateForms: [string, number][];
}

export interface SummaryOptions {
  /** Incidents kept in `first`; default 10. */
  rows?: number;
  /** Messages kept in each `listed`; default 200. */
  listLimit?: number;
  /** Examples per group; default 3. */
  examples?: number;
}

export function summarizeTable(table: ImportTable): TableSummary {
  const { fileName, format, originalFormat, headers, noun } = table;
  return { fileName, format, ...(originalFormat === undefined ? {} : { originalFormat }), headers, noun, records: table.records.length };
}

export function summarizeProblems(problems: readonly ImportProblem[], { listLimit = 200, examples = 3 }: SummaryOptions = {}): ProblemSummary {
  return {
    count: problems.length,
    records: new Set(problems.map((p) => p.index)).size,
    groups: groupProblems(problems, { examples }),
    listed: problems.slice(0, listLimit).map((p) => p.message),
  };
}

export function summarizePreview(preview: ImportPreview, options: SummaryOptions = {}): PreviewSummary {
  return {
    checked: preview.table.records.length,
    incidents: preview.incidents.length,
    first: preview.incidents.slice(0, options.rows ?? 10),
    errors: summarizeProblems(preview.errors, options),
    warnings: summarizeProblems(preview.warnings, options),
    detectedDayOrder: preview.detectedDayOrder,
    dateForms: [...preview.dateForms].sort((a, b) => b[1] - a[1]),
  };
}

