import type { Incident } from '../incidents';
import type { FileProblem, ImportChoice, ImportProgress, ImportSession, ImportStage, PreviewSummary, ReadFile } from '../incidents/io';
import type { CommitSummary, FromImportTask, ToImportTask } from './importProtocol';

/** A line to the import's work: a worker, or the same task on this thread. */
export interface ImportChannel {
  post(message: ToImportTask): void;
  /** Stops the work at once (a worker), or only stops listening (this thread). */
  terminate(): void;
  /** Whether terminate() aborts an unfinished write to the store (a worker's does; this thread's cannot). */
  readonly abortsWrites: boolean;
}

export type OpenImportChannel = (onMessage: (message: FromImportTask) => void) => ImportChannel;

/** Where a commit stores, decided when the user commits (the page's incidents may have changed since the file was picked). */
export interface CommitTarget {
  /** The IndexedDB database's name; null keeps the incidents on the page only. */
  store: string | null;
  committedIds: string[];
  /** Without a store: the incidents already imported, for skipping repeats and taken ids. */
  existing: Incident[];
}

export interface FileImportOptions {
  /** The border's GeoJSON, to compute on_border; null to leave it uncomputed. */
  border: unknown;
  target: () => CommitTarget;
  /** Default: a module worker (importWorker.ts), else this thread. */
  openChannel?: OpenImportChannel;
  /** Incidents shown in a preview; default 10. */
  previewRows?: number;
  /** Problems listed one by one in a preview; default 200. */
  listLimit?: number;
}

/** What a finished commit stored. */
export interface CommittedFile {
  /** As stored, with their final ids, marked imported. */
  incidents: Incident[];
  summary: CommitSummary;
}

/** The import worker, or, where workers cannot start, the same task on this thread. */
export const openImportChannel: OpenImportChannel = (onMessage) => {
  if (typeof Worker === 'function') {
    try {
      const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module', name: 'import' });
      worker.addEventListener('message', (event: MessageEvent<FromImportTask>) => onMessage(event.data));
      worker.addEventListener('error', (event) => onMessage({ type: 'failed', message: `the import worker stopped (${event.message || 'no reason given'})` }));
      return { post: (message) => worker.postMessage(message), terminate: () => worker.terminate(), abortsWrites: true };
    } catch {
      // A browser or policy without module workers: the work runs here instead.
    }
  }
  return inThreadImportChannel(onMessage);
};

/** The import task on this thread, answering asynchronously as a worker would. */
export const inThreadImportChannel: OpenImportChannel = (onMessage) => {
  let open = true;
  const ready = (async () => {
    const [{ createImportTask }, { parseXmlWithXmldom }] = await Promise.all([import('./importTask'), import('../incidents/io/xmldomParser')]);
    return createImportTask((message) => {
      if (open) onMessage(message);
    }, { parseXml: typeof DOMParser === 'function' ? undefined : parseXmlWithXmldom });
  })();
  return {
    post: (message) => void ready.then((handle) => (open ? handle(message) : undefined)),
    terminate: () => {
      open = false;
    },
    abortsWrites: false,
  };
};

/**
 * One picked file's import, driven by the preview (ImportSession): the reading, checking and
 * storing run in the import worker; this side keeps the promises, the progress listeners and,
 * after a commit, what was stored. Cancel terminates the worker: nothing is stored.
 */
export class FileImport implements ImportSession {
  readonly fileName: string;
  /** Set once a commit succeeded. */
  committed: CommittedFile | undefined;
  /** Why the work failed and at which step, if it did (not set by a cancel). */
  failure: { stage: ImportStage; message: string } | undefined;
  private readonly options: FileImportOptions;
  private readonly channel: ImportChannel;
  private readonly listeners = new Set<(progress: ImportProgress) => void>();
  private readonly reading: Promise<ReadFile | FileProblem | null>;
  private settleRead: (read: ReadFile | FileProblem | null) => void = () => undefined;
  private readonly previews = new Map<number, { settle: (preview: PreviewSummary | null) => void; onEarly?: (early: PreviewSummary) => void }>();
  private seq = 0;
  private settleCommit: ((ok: boolean) => void) | undefined;
  private received: Incident[] = [];
  /** Set once the store holds the file: from then on the import completes, whatever happens to the dialog. */
  private written = false;
  private over = false;
  readonly ended: Promise<void>;
  private settleEnded: () => void = () => undefined;

  constructor(file: File, options: FileImportOptions) {
    this.fileName = file.name;
    this.options = options;
    this.reading = new Promise((resolve) => {
      this.settleRead = resolve;
    });
    this.ended = new Promise((resolve) => {
      this.settleEnded = resolve;
    });
    this.channel = (options.openChannel ?? openImportChannel)((message) => this.receive(message));
    this.channel.post({ type: 'read', file, border: options.border });
  }

  onProgress(listener: (progress: ImportProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  read(): Promise<ReadFile | FileProblem | null> {
    return this.reading;
  }

  preview(choice: ImportChoice, onEarly?: (early: PreviewSummary) => void): Promise<PreviewSummary | null> {
    if (this.over) return Promise.resolve(null);
    const seq = ++this.seq;
    // Only the latest preview matters: earlier ones still waiting resolve to null.
    for (const [, { settle }] of this.previews) settle(null);
    this.previews.clear();
    return new Promise((resolve) => {
      this.previews.set(seq, { settle: resolve, onEarly });
      this.channel.post({ type: 'preview', seq, choice, rows: this.options.previewRows ?? 10, listLimit: this.options.listLimit ?? 200 });
    });
  }

  commit(choice: ImportChoice): Promise<boolean> {
    if (this.over || this.settleCommit) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.settleCommit = resolve;
      this.channel.post({ type: 'commit', choice, ...this.options.target() });
    });
  }

  cancel(): void {
    // A write that has finished, or one this thread cannot abort, is seen through: the store will hold it.
    if (this.written || (this.settleCommit && !this.channel.abortsWrites)) return;
    this.end();
  }

  private receive(message: FromImportTask): void {
    if (this.over) return;
    switch (message.type) {
      case 'progress':
        for (const listener of this.listeners) listener(message.progress);
        return;
      case 'table':
        this.settleRead({ table: message.table, proposed: message.proposed });
        return;
      case 'fileError':
        this.settleRead({ fileError: message.message });
        return this.end();
      case 'preview': {
        const waiting = this.previews.get(message.seq);
        if (message.early) return waiting?.onEarly?.(message.preview);
        waiting?.settle(message.preview);
        this.previews.delete(message.seq);
        return;
      }
      case 'stored':
        this.written = true;
        return;
      case 'incidents':
        this.received.push(...message.incidents);
        return;
      case 'committed':
        this.committed = { incidents: this.received, summary: message.result };
        this.settleCommit?.(true);
        return this.end();
      case 'failed':
        this.failure = { stage: this.settleCommit ? 'storing' : this.previews.size > 0 ? 'checking' : 'reading', message: message.message };
        this.settleRead({ fileError: `${this.fileName} could not be read (${message.message})` });
        return this.end();
    }
  }

  /** Stops the worker and settles whatever still waits: no answer will come. */
  private end(): void {
    if (this.over) return;
    this.over = true;
    this.channel.terminate();
    this.settleRead(null);
    for (const [, { settle }] of this.previews) settle(null);
    this.previews.clear();
    this.settleCommit?.(false);
    this.listeners.clear();
    this.settleEnded();
  }
}
