import {
  buildImport, contentKey, groupProblems, kmzToKml, matchColumns, readImportTable, resolveIdCollisions,
  type BuildImportOptions, type ImportChoice, type ImportProblem, type ImportSession, type Incident, type LonLat,
} from '../incidents';
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
  /** Shows a file's preview and resolves to the user's choice, or null to store nothing; default: the proposed choice, unseen. */
  confirm?: (session: ImportSession) => Promise<ImportChoice | null>;
  /** Distance from a point to the border in km, to compute on_border; default none (on_border false). */
  distanceToBorderKm?: (at: LonLat) => number;
}

/** At most this many examples per kind of problem in a report. */
const EXAMPLES = 3;

/** Problems summed up by kind ("3 rows: date not understood"), each with a few examples: bounded, whatever the file. */
function problemLines(problems: readonly ImportProblem[], noun: string): string[] {
  return groupProblems(problems, { examples: EXAMPLES }).flatMap((g) => [
    `${g.count} ${noun}${g.count === 1 ? '' : 's'}: ${g.kind}`,
    ...g.examples.map((e) => `  e.g. ${e}`),
  ]);
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
      // A KMZ is a zip around a KML: its KML is read as if it had been picked.
      const unpacked = /\.kmz$/i.test(file.name) ? kmzToKml(new Uint8Array(await file.arrayBuffer()), file.name) : await file.text();
      if (typeof unpacked !== 'string') {
        report(`${file.name}: nothing imported`, [unpacked.fileError], 'error');
        return [];
      }
      text = unpacked;
    } catch (err) {
      report(`${file.name} could not be read`, [String(err)], 'error');
      return [];
    }
    const table = readImportTable(text, file.name);
    if ('fileError' in table) {
      report(`${file.name}: nothing imported`, [table.fileError], 'error');
      return [];
    }
    const build: BuildImportOptions = { distanceToBorderKm: this.options.distanceToBorderKm };
    const session: ImportSession = { table, proposed: { mapping: matchColumns(table.headers) }, preview: (choice) => buildImport(table, choice, build) };
    const choice = this.options.confirm ? await this.options.confirm(session) : session.proposed;
    if (choice === null) return [];
    const preview = session.preview(choice);
    const noun = table.noun;
    // The same content already stored (a file imported twice) is not stored again.
    const stored = new Set(this.incidents.map(contentKey));
    const fresh = preview.incidents.filter((i) => !stored.has(contentKey(i)));
    const already = preview.incidents.length - fresh.length;
    const lines = [
      ...(already > 0 ? [`${already} already imported, skipped`] : []),
      ...problemLines(preview.errors, noun),
      ...problemLines(preview.warnings, noun),
    ];
    if (fresh.length === 0) {
      report(`${file.name}: nothing imported`, lines, already > 0 && preview.errors.length === 0 ? 'info' : 'error');
      return [];
    }
    const taken = new Set([...committedIds, ...this.incidents.map((i) => i.id), ...this.rejected.map((r) => r.key)]);
    const { incidents, renamed } = resolveIdCollisions(fresh, taken);
    const marked = incidents.map((i) => ({ ...i, imported: true }));
    try {
      await store?.addAll(marked);
    } catch (err) {
      report(`${file.name}: nothing imported, the browser could not store it`, [String(err)], 'error');
      return [];
    }
    this.incidents = [...this.incidents, ...marked];
    this.options.onChange();
    const renames = renamed.slice(0, EXAMPLES).map((r) => `id '${r.from}' is taken: imported as '${r.to}'`);
    if (renamed.length > EXAMPLES) renames.push(`${renamed.length - EXAMPLES} more ids renamed the same way`);
    const skipped = preview.errors.length > 0 ? `, ${new Set(preview.errors.map((e) => e.index)).size} skipped` : '';
    const repeats = already > 0 ? `, ${already} already imported, skipped` : '';
    report(
      `${file.name}: ${marked.length} incident${marked.length === 1 ? '' : 's'} imported${skipped}${repeats}`,
      [...lines.filter((l) => !l.endsWith('already imported, skipped')), ...renames],
      preview.errors.length > 0 || preview.warnings.length > 0 ? 'warning' : 'info',
    );
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
