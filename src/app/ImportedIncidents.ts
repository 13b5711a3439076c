import { resolveIdCollisions, type ImportSession, type Incident, type ProblemSummary } from '../incidents';
import type { ImportedStore, RejectedRecord, RemovedRecord } from '../store';
import type { NoticeAction } from '../ui/notices';
import { FileImport, type OpenImportChannel } from './FileImport';
import { readStoredImports } from './readStoredImports';

/** How this module tells the user what happened; actions become buttons. */
export type ImportReport = (title: string, lines: readonly string[], kind: 'info' | 'warning' | 'error', actions?: readonly NoticeAction[]) => void;

export interface ImportedIncidentsOptions {
  /** Where imports persist; null keeps them for this page only. */
  store: ImportedStore | null;
  report: ImportReport;
  /** Ids of the committed incidents: they always win a collision. */
  committedIds: ReadonlySet<string>;
  /** Called after the set of imported incidents changed; an import waits for what it returns. */
  onChange: () => void | Promise<void>;
  /** Shows a file's preview, where the user commits or cancels; resolves when that is settled. Default: commit the proposed choice, unseen. */
  confirm?: (session: ImportSession) => Promise<void>;
  /** The border's GeoJSON, to compute on_border from the distance to it; default none (on_border false). */
  border?: unknown;
  /** Where the import's work runs; default the import worker (this thread where workers cannot start). */
  openChannel?: OpenImportChannel;
}

/** At most this many examples per kind of problem in a report. */
const EXAMPLES = 3;

/** Problems summed up by kind ("3 rows: date not understood"), each with a few examples: bounded, whatever the file. */
function problemLines(problems: ProblemSummary, noun: string): string[] {
  return problems.groups.flatMap((g) => [
    `${g.count.toLocaleString('en')} ${noun}${g.count === 1 ? '' : 's'}: ${g.kind}`,
    ...g.examples.slice(0, EXAMPLES).map((e) => `  e.g. ${e}`),
  ]);
}

/** Without a preview: the file is stored with the mapping proposed for it. */
async function commitAsProposed(session: ImportSession): Promise<void> {
  const read = await session.read();
  if (read !== null && !('fileError' in read)) await session.commit(read.proposed);
}

/** What clear() removed, for undo. */
export interface ClearedImports {
  incidents: readonly Incident[];
  /** The stored records as they were, set-aside ones included; null without a store. */
  records: readonly RemovedRecord[] | null;
}

/** The analyst's imported incidents: read from the browser's store, added from files, removed. */
export class ImportedIncidents {
  private readonly options: ImportedIncidentsOptions;
  private incidents: Incident[] = [];
  private rejected: RejectedRecord[] = [];
  /** Counts reads of the store, so that only the latest one is applied. */
  private reads = 0;
  private unfollow: (() => void) | undefined;

  constructor(options: ImportedIncidentsOptions) {
    this.options = options;
  }

  get all(): readonly Incident[] {
    return this.incidents;
  }

  /** How many records the store holds, shown or set aside. */
  get storedCount(): number {
    return this.incidents.length + this.rejected.length;
  }

  has(id: string): boolean {
    return this.incidents.some((i) => i.id === id);
  }

  /**
   * Reads the store: records that no longer validate are set aside and offered for removal;
   * a stored incident whose id the committed data now uses is renamed, and the user told.
   */
  async load(): Promise<void> {
    await this.read(true);
    // Another tab's import or removal shows here too.
    this.unfollow ??= this.options.store?.onOtherTabChange(() => void this.refresh());
  }

  /** Reads the store again (another tab changed it) and rebuilds, without repeating load's notices. */
  async refresh(): Promise<void> {
    if (await this.read(false)) this.options.onChange();
  }

  /** Stops following other tabs. */
  dispose(): void {
    this.unfollow?.();
    this.unfollow = undefined;
  }

  /** Applies what the store holds; false if a later read overtook this one or the read failed. */
  private async read(announce: boolean): Promise<boolean> {
    const { store, report, committedIds } = this.options;
    if (!store) return false;
    const readNumber = ++this.reads;
    try {
      // An empty store needs no worker: a first visit does not load the import pipeline.
      const read = (await store.count()) === 0 ? { incidents: [], rejected: [] } : await readStoredImports(store.name, this.options.openChannel);
      if (readNumber !== this.reads) return false;
      const newlyRejected = read.rejected.some((r) => !this.rejected.some((known) => known.key === r.key));
      const clashing = read.incidents.filter((i) => committedIds.has(i.id));
      let incidents = read.incidents;
      if (clashing.length > 0) {
        const taken = new Set([...committedIds, ...(await store.keys())]);
        const { renamed } = resolveIdCollisions(clashing, taken);
        await store.rename(renamed);
        const to = new Map(renamed.map((r) => [r.from, r.to]));
        incidents = incidents.map((i) => (to.has(i.id) ? { ...i, id: to.get(i.id) ?? i.id } : i));
        report(`${renamed.length} stored import${renamed.length === 1 ? ' was' : 's were'} renamed: the map's own data now uses the id`,
          renamed.map((r) => `'${r.from}' is now '${r.to}'`), 'info');
      }
      if (readNumber !== this.reads) return false;
      this.rejected = read.rejected;
      this.incidents = incidents;
      if (this.rejected.length > 0 && (announce || newlyRejected)) this.reportRejected();
      return true;
    } catch (err) {
      report('Imported incidents could not be read from this browser', [String(err)], 'error');
      return false;
    }
  }

  private reportRejected(): void {
    const n = this.rejected.length;
    this.options.report(
      `${n} stored import${n === 1 ? ' is' : 's are'} set aside: ${n === 1 ? 'it no longer reads' : 'they no longer read'} as incidents`,
      this.rejected.flatMap((r) => r.errors),
      'warning',
      [{ label: `Remove ${n === 1 ? 'it' : `these ${n}`} from this browser`, run: () => void this.removeRejected() }],
    );
  }

  private async removeRejected(): Promise<void> {
    const keys = this.rejected.map((r) => r.key);
    try {
      for (const key of keys) await this.options.store?.remove(key);
      this.rejected = [];
      this.options.onChange();
    } catch (err) {
      this.options.report('Could not remove the set-aside records from this browser', [String(err)], 'error');
    }
  }

  /** Imports each file in turn; a file that cannot be read or stored changes nothing. Returns what was added. */
  async importFiles(files: readonly File[]): Promise<Incident[]> {
    const added: Incident[] = [];
    for (const file of files) added.push(...(await this.importFile(file)));
    return added;
  }

  private async importFile(file: File): Promise<Incident[]> {
    const { report, store, committedIds } = this.options;
    const session = new FileImport(file, {
      border: this.options.border ?? null,
      openChannel: this.options.openChannel,
      target: () => ({
        store: store?.name ?? null,
        committedIds: [...committedIds],
        // With a store the worker reads what it holds; without, it is told what this page holds.
        existing: store ? [] : this.incidents,
      }),
    });
    const readsBefore = this.reads;
    try {
      await (this.options.confirm ?? commitAsProposed)(session);
    } catch (err) {
      report(`${file.name}: nothing imported, the preview could not be shown`, [String(err)], 'error');
    } finally {
      // Whatever the preview did, the work ends here: a write already made is seen through.
      session.cancel();
    }
    await session.ended;
    const read = await session.read();
    if (read !== null && 'fileError' in read) {
      report(`${file.name}: nothing imported`, [read.fileError], 'error');
      return [];
    }
    if (session.failure !== undefined) {
      const why = session.failure.stage === 'storing' ? 'the browser could not store it' : 'it could not be checked';
      report(`${file.name}: nothing imported, ${why}`, [session.failure.message], 'error');
      return [];
    }
    if (read === null || session.committed === undefined) return [];
    const { incidents: marked, summary } = session.committed;
    const noun = read.table.noun;
    const already = summary.already;
    const lines = [
      ...(already > 0 ? [`${already.toLocaleString('en')} already imported, skipped`] : []),
      ...problemLines(summary.errors, noun),
      ...problemLines(summary.warnings, noun),
    ];
    if (marked.length === 0) {
      report(`${file.name}: nothing imported`, lines, already > 0 && summary.errors.count === 0 ? 'info' : 'error');
      return [];
    }
    // The worker wrote through its own connection: the other tabs hear it from here.
    store?.announce();
    // A store that held other than this page knew was changed unannounced: read it again, else add what was stored.
    // So did one read from the store while the import ran: it may have been taken before the write.
    const missed = store !== null && (summary.heldBefore !== this.incidents.length || this.reads !== readsBefore);
    if (!missed || !(await this.read(false))) {
      if (this.incidents.length === 0) {
        this.incidents = marked.slice();
      } else {
        const ids = new Set(marked.map((i) => i.id));
        this.incidents = [...this.incidents.filter((i) => !ids.has(i.id)), ...marked];
      }
    }
    await this.options.onChange();
    const renames = summary.renamed.map((r) => `id '${r.from}' is taken: imported as '${r.to}'`);
    if (summary.renamedCount > summary.renamed.length) renames.push(`${summary.renamedCount - summary.renamed.length} more ids renamed the same way`);
    const skipped = summary.errors.count > 0 ? `, ${summary.errors.records.toLocaleString('en')} skipped` : '';
    const repeats = already > 0 ? `, ${already.toLocaleString('en')} already imported, skipped` : '';
    report(
      `${file.name}: ${marked.length.toLocaleString('en')} incident${marked.length === 1 ? '' : 's'} imported${skipped}${repeats}`,
      [...lines.filter((l) => !l.endsWith('already imported, skipped')), ...renames],
      summary.errors.count > 0 || summary.warnings.count > 0 ? 'warning' : 'info',
    );
    return marked;
  }

  /**
   * Renames an imported category, or merges it into another (ours or an import's) when `to` names
   * one: every imported incident of `from` takes `to`, in the store too. Returns how many changed,
   * or null (and a report) if the store refused.
   */
  async recategorize(from: string, to: string): Promise<number | null> {
    const { store, report } = this.options;
    if (from === to) return 0;
    try {
      await store?.recategorize(from, to);
    } catch (err) {
      report(`Could not rename the category '${from}' in this browser`, [String(err)], 'error');
      return null;
    }
    const changed = this.incidents.filter((i) => i.category === from).length;
    if (!store || !(await this.read(false))) this.incidents = this.incidents.map((i) => (i.category === from ? { ...i, category: to } : i));
    this.options.onChange();
    return changed;
  }

  /** Removes one imported incident; false (and a report) if the store refused. */
  async remove(id: string): Promise<boolean> {
    try {
      await this.options.store?.remove(id);
    } catch (err) {
      this.options.report('Could not remove the incident from this browser', [String(err)], 'error');
      return false;
    }
    this.incidents = this.incidents.filter((i) => i.id !== id);
    this.options.onChange();
    return true;
  }

  /** Removes every stored import, set-aside records included; gives back what restore() needs, or null (and a report) if the store refused. */
  async clear(): Promise<ClearedImports | null> {
    const incidents = this.incidents;
    let records: RemovedRecord[] | null = null;
    try {
      records = (await this.options.store?.clear()) ?? null;
    } catch (err) {
      this.options.report('Could not remove the imported incidents from this browser', [String(err)], 'error');
      return null;
    }
    this.incidents = [];
    this.rejected = [];
    this.options.onChange();
    return { incidents, records };
  }

  /** Puts back what clear() removed; a record whose id was taken since stays removed, and is named. */
  async restore(cleared: ClearedImports): Promise<void> {
    const { store, report } = this.options;
    if (!store || cleared.records === null) {
      const now = new Set(this.incidents.map((i) => i.id));
      this.incidents = [...cleared.incidents.filter((i) => !now.has(i.id)), ...this.incidents];
      this.options.onChange();
      return;
    }
    try {
      const taken = await store.restore(cleared.records);
      if (taken.length > 0) report('Some removed imports were not put back: their ids are in use again', taken.map((id) => `'${id}'`), 'warning');
    } catch (err) {
      report('Could not put the removed imports back in this browser', [String(err)], 'error');
    }
    await this.refresh();
  }
}
