import type { ImportChoice } from './buildImport';
import type { FileProblem } from './fileProblem';
import type { PreviewSummary, TableSummary } from './previewSummary';

/** The steps of an import: the file read into records, the records checked, the incidents stored. */
export type ImportStage = 'reading' | 'checking' | 'storing';

/** How far a stage has got: `done` of `total` (characters read, records checked, incidents stored). */
export interface ImportProgress {
  stage: ImportStage;
  done: number;
  total: number;
}

/** A file read into a table, with the mapping proposed for it. */
export interface ReadFile {
  table: TableSummary;
  proposed: ImportChoice;
}

/**
 * One file on its way in, as the preview drives it: the work runs elsewhere (a worker), so every
 * step answers later, reports its progress, and can be cancelled; nothing is stored before commit.
 */
export interface ImportSession {
  readonly fileName: string;
  /** Hears every progress report; returns a function that stops listening. */
  onProgress(listener: (progress: ImportProgress) => void): () => void;
  /** The file's table, or why it could not be read; null once cancelled. */
  read(): Promise<ReadFile | FileProblem | null>;
  /**
   * What importing with this choice would do; null if a later preview or a cancel overtook it. A
   * large file is first previewed from its first records (`onEarly`, `checked` below the file's
   * count) while the rest is checked.
   */
  preview(choice: ImportChoice, onEarly?: (early: PreviewSummary) => void): Promise<PreviewSummary | null>;
  /** Stores the incidents of this choice, all or none; resolves true once stored, false if it failed or was cancelled. */
  commit(choice: ImportChoice): Promise<boolean>;
  /** Stops the work; nothing is stored unless the write has already finished (then the import completes). */
  cancel(): void;
  /** Resolves once the work is over: committed, failed, cancelled or the file unreadable. */
  readonly ended: Promise<void>;
}
