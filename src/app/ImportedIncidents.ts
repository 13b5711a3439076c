import { importIncidents, resolveIdCollisions, type Incident } from '../incidents';
import type { ImportedStore, RejectedRecord } from '../store';
import type { NoticeAction } from '../ui/notices';

/** How this module tells the user what happened; actions become buttons. */
export type ImportReport = (title: string, lines: readonly string[], kind: 'info' | 'warning' | 'error', actions?: readonly NoticeAction[]) => void;

export interface ImportedIncidentsOptions {
  /** Where imports persist; null keeps them for this page only. */
  store: ImportedStore | null;
  report: ImportReport;
  /** Ids of the committed incidents: they always win a collision. */
  committedIds: ReadonlySet<string>;
  /** Called after the set of imported incidents changed. */
  onChange: () => void;
}

/** The analyst's imported incidents: read from the browser's store, added from files, removed. */
export class ImportedIncidents {
  private readonly options: ImportedIncidentsOptions;
  private incidents: Incident[] = [];
  private rejected: RejectedRecord[] = [];

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
    const { store, report, committedIds } = this.options;
    if (!store) return;
    try {
      const read = await store.read();
      this.rejected = read.rejected;
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
      this.incidents = incidents;
      if (this.rejected.length > 0) this.reportRejected();
    } catch (err) {
      report('Imported incidents could not be read from this browser', [String(err)], 'error');
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
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      report(`${file.name} could not be read`, [String(err)], 'error');
      return [];
    }
    const result = importIncidents(text, file.name);
    if (result.incidents.length === 0) {
      report(`${file.name}: nothing imported`, result.errors.map((e) => e.message), 'error');
      return [];
    }
    const taken = new Set([...committedIds, ...this.incidents.map((i) => i.id), ...this.rejected.map((r) => r.key)]);
    const { incidents, renamed } = resolveIdCollisions(result.incidents, taken);
    const marked = incidents.map((i) => ({ ...i, imported: true }));
    try {
      await store?.addAll(marked);
    } catch (err) {
      report(`${file.name}: nothing imported, the browser could not store it`, [String(err)], 'error');
      return [];
    }
    this.incidents = [...this.incidents, ...marked];
    this.options.onChange();
    const lines = [...result.errors.map((e) => e.message), ...renamed.map((r) => `id '${r.from}' is taken: imported as '${r.to}'`)];
    const skipped = result.errors.length > 0 ? `, ${new Set(result.errors.map((e) => e.index)).size} skipped` : '';
    report(`${file.name}: ${marked.length} incident${marked.length === 1 ? '' : 's'} imported${skipped}`, lines, result.errors.length > 0 ? 'warning' : 'info');
    return marked;
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

  /** Removes every stored import, set-aside records included; false (and a report) if the store refused. */
  async clear(): Promise<boolean> {
    try {
      await this.options.store?.clear();
    } catch (err) {
      this.options.report('Could not remove the imported incidents from this browser', [String(err)], 'error');
      return false;
    }
    this.incidents = [];
    this.rejected = [];
    this.options.onChange();
    return true;
  }
}
