import type { Incident } from '../incidents';
import type { RejectedRecord } from '../store';
import type { IdRename, ImportChoice, ImportProgress, PreviewSummary, ProblemSummary, TableSummary } from '../incidents/io';

/** What the page asks of the import worker, one file per worker. */
export type ToImportTask =
  /** Read this file; `border` is the border's GeoJSON, to compute on_border (null: not computed). */
  | { type: 'read'; file: File; border: unknown }
  /** Preview the file with this choice; the answer carries `seq` back. */
  | { type: 'preview'; seq: number; choice: ImportChoice; rows: number; listLimit: number }
  /**
   * Store the file's incidents with this choice in the IndexedDB database `store`, all or none,
   * skipping those already stored and renaming ids that are taken; without a store, only resolve
   * them against `committedIds` and `existing` (the page keeps them).
   */
  | { type: 'commit'; choice: ImportChoice; store: string | null; committedIds: string[]; existing: Incident[] }
  /** Read and check what the IndexedDB database `store` holds (no file involved). */
  | { type: 'load'; store: string };

/** What the page is told by the import worker. */
export type FromImportTask =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'table'; table: TableSummary; proposed: ImportChoice }
  | { type: 'fileError'; message: string }
  /** The store holds the file's incidents (the write has committed); what follows only reports it. */
  | { type: 'stored' }
  /** `early`: from the first records only, while the rest is checked; the whole file's follows. */
  | { type: 'preview'; seq: number; preview: PreviewSummary; early: boolean }
  /** Part of the committed or stored incidents, marked imported, in the list's order (compareByDate), in several messages so that none is large. */
  | { type: 'incidents'; incidents: Incident[] }
  | { type: 'committed'; result: CommitSummary }
  /** The store is read: its incidents came before in 'incidents' messages; these records failed the check. */
  | { type: 'loaded'; rejected: RejectedRecord[] }
  | { type: 'failed'; message: string };

/** What a commit did, bounded whatever the file held. */
export interface CommitSummary {
  /** How many incidents were stored (sent before this in 'incidents' messages). */
  stored: number;
  /** How many were already stored (same content) and skipped. */
  already: number;
  /** How many incidents the store (or the page) held before: a page that knew fewer has missed a change. */
  heldBefore: number;
  /** The first few ids that were taken and changed, and how many in all. */
  renamed: IdRename[];
  renamedCount: number;
  errors: ProblemSummary;
  warnings: ProblemSummary;
}
