import {
  resolveIdCollisions, type BuildImportOptions, type ImportChoice, type ImportProblem, type ImportSession, type Incident, type LonLat,
} from '../incidents';
import type { ImportedStore, RejectedRecord, RemovedRecord } from '../store';
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

/** The readers, mapping and preview (papaparse, togeojson, fflate, shpjs): loaded with the first import. */
type Pipeline = typeof import('../incidents/io');

/** Problems summed up by kind ("3 rows: date not understood"), each with a few examples: bounded, whatever the file. */
function problemLines(io: Pipeline, problems: readonly ImportProblem[], noun: string): string[] {
  return io.groupProblems(problems, { examples: EXAMPLES }).flatMap((g) => [
    `${g.count} ${noun}${g.count === 1 ? '' : 's'}: ${g.kind}`,
    ...g.examples.map((e) => `  e.g. ${e}`),
  ]);
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
      const read = await store.read();
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
    let io: Pipeline;
    try {
      io = await import('../incidents/io');
    } catch (err) {
      report(`${file.name}: nothing imported, the import code could not be loaded`, [String(err)], 'error');
      return [];
    }
    const { buildImport, contentKey, kmzToKml, matchColumns, readImportTable, zippedShapefileToGeoJson } = io;
    let text: string;
    const shapefile = /\.zip$/i.test(file.name);
    try {
      // A KMZ is a zip around a KML: its KML is read as if it had been picked. A zipped shapefile is read as GeoJSON.
      const unpacked = /\.kmz$/i.test(file.name) ? kmzToKml(new Uint8Array(await file.arrayBuffer()), file.name)
        : shapefile ? await zippedShapefileToGeoJson(new Uint8Array(await file.arrayBuffer()), file.name)
          : await file.text();
      if (typeof unpacked !== 'string') {
        report(`${file.name}: nothing imported`, [unpacked.fileError], 'error');
        return [];
      }
      text = unpacked;
    } catch (err) {
      report(`${file.name} could not be read`, [String(err)], 'error');
      return [];
    }
    const table = readImportTable(text, file.name, shapefile ? { originalFormat: 'Zipped shapefile' } : {});
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
      ...problemLines(io, preview.errors, noun),
      ...problemLines(io, preview.warnings, noun),
    ];
    if (fresh.length === 0) {
      report(`${file.name}: nothing imported`, lines, already > 0 && preview.errors.length === 0 ? 'info' : 'error');
      return [];
    }
    const taken = new Set([...committedIds, ...this.incidents.map((i) => i.id), ...this.rejected.map((r) => r.key)]);
    let resolved: ReturnType<typeof resolveIdCollisions>;
    try {
      // The store also checks the ids it holds now, which another tab may have added since.
      resolved = store ? await store.addNew(fresh, taken) : resolveIdCollisions(fresh, taken);
    } catch (err) {
      report(`${file.name}: nothing imported, the browser could not store it`, [String(err)], 'error');
      return [];
    }
    const { renamed } = resolved;
    const marked = resolved.incidents.map((i) => ({ ...i, imported: true }));
    // With a store, read it back: it may hold what another tab stored unannounced.
    if (!store || !(await this.read(false))) this.incidents = [...this.incidents.filter((i) => !marked.some((m) => m.id === i.id)), ...marked];
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
