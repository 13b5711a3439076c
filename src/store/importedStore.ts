import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  incidentsToFeatureCollection,
  validateIncident,
  type Incident,
  type IncidentProperties,
  type ParseResult,
} from '../incidents';
import type { Feature, Point } from 'geojson';

/** An incident as stored: its GeoJSON Feature (the committed file's form), keyed by id. */
type StoredFeature = Feature<Point, IncidentProperties> & { id: string };

interface ImportedDB extends DBSchema {
  incidents: { key: string; value: StoredFeature };
}

const STORE = 'incidents';
const VERSION = 1;

/** A stored record that no longer validates: set aside, not shown, removable by its key. */
export interface RejectedRecord {
  key: string;
  errors: string[];
}

export interface StoredRead extends ParseResult {
  /** One entry per stored record that failed validation, with its key. */
  rejected: RejectedRecord[];
}

/** Incidents the analyst imported, kept in this browser across visits. */
export interface ImportedStore {
  /** The stored incidents that still validate, by id order, each with `imported: true`. */
  all(): Promise<Incident[]>;
  /** Like all(), with an error for each stored record that no longer validates (it is skipped) and its key. */
  read(): Promise<StoredRead>;
  /** Every stored key, valid or not: an import must not reuse one. */
  keys(): Promise<string[]>;
  /** Gives stored incidents new ids, all in one transaction (e.g. when the committed data took their ids). */
  rename(renames: readonly { from: string; to: string }[]): Promise<void>;
  /**
   * Stores the incidents in one transaction: if any is invalid, repeats an id of the batch or
   * has an id already stored, nothing is written and the promise rejects. Resolve ids against
   * the committed and stored ones first (resolveIdCollisions). The `imported` mark is not stored.
   */
  addAll(incidents: readonly Incident[]): Promise<void>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

function toStored(incidents: readonly Incident[]): StoredFeature[] {
  const plain = incidents.map(({ imported: _imported, ...incident }) => incident);
  return incidentsToFeatureCollection(plain).features.map((feature) => ({ ...feature, id: feature.properties.id }));
}

/** Refuses the batch before any write: what goes into storage is as valid as what comes out. */
function checkBatch(features: readonly StoredFeature[], source: string): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  features.forEach((feature, i) => {
    problems.push(...validateIncident(feature, i, { source, imported: true }).errors.map((e) => e.message));
    if (seen.has(feature.id)) problems.push(`${source} feature ${i}: id '${feature.id}' repeats an earlier incident of the batch`);
    seen.add(feature.id);
  });
  if (problems.length > 0) throw new Error(`nothing stored: ${problems.join('; ')}`);
}

class IndexedDbImportedStore implements ImportedStore {
  constructor(
    private readonly db: IDBPDatabase<ImportedDB>,
    private readonly source: string,
  ) {}

  async read(): Promise<StoredRead> {
    // Anything in browser storage may have been edited by hand or by other code: validate it.
    const tx = this.db.transaction(STORE, 'readonly');
    const [keys, records] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll() as Promise<unknown[]>, tx.done]);
    const result: StoredRead = { incidents: [], errors: [], rejected: [] };
    records.forEach((record, i) => {
      const { incident, errors } = validateIncident(record, i, { source: this.source, imported: true });
      result.errors.push(...errors);
      if (incident !== undefined) result.incidents.push({ ...incident, imported: true });
      else result.rejected.push({ key: String(keys[i]), errors: errors.map((e) => e.message) });
    });
    return result;
  }

  async keys(): Promise<string[]> {
    return (await this.db.getAllKeys(STORE)).map(String);
  }

  async rename(renames: readonly { from: string; to: string }[]): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const records = await Promise.all(renames.map(({ from }) => tx.store.get(from)));
    const missing = renames.find((_, i) => records[i] === undefined);
    if (missing) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error(`${this.source}: no stored incident '${missing.from}' to rename`);
    }
    const writes = renames.flatMap(({ from, to }, i) => {
      const record = records[i] as StoredFeature;
      return [tx.store.delete(from), tx.store.add({ ...record, id: to, properties: { ...record.properties, id: to } })];
    });
    await Promise.all([...writes, tx.done]);
  }

  async all(): Promise<Incident[]> {
    return (await this.read()).incidents;
  }

  async addAll(incidents: readonly Incident[]): Promise<void> {
    const features = toStored(incidents);
    checkBatch(features, `import batch for ${this.source}`);
    const tx = this.db.transaction(STORE, 'readwrite');
    try {
      // A failed add aborts the whole transaction, so either all are written or none.
      await Promise.all([...features.map((feature) => tx.store.add(feature)), tx.done]);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new Error(`nothing stored in ${this.source}: ${reason} (is one of the ids already stored?)`, { cause: error });
    }
  }

  async remove(id: string): Promise<void> {
    await this.db.delete(STORE, id);
  }

  async clear(): Promise<void> {
    await this.db.clear(STORE);
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Opens (creating if needed) the IndexedDB database that keeps imported incidents. Rejects when
 * the browser refuses storage (private mode, disabled storage); the caller then goes without.
 */
export async function openImportedStore(name = 'border-incidents'): Promise<ImportedStore> {
  const db = await openDB<ImportedDB>(name, VERSION, {
    upgrade(database) {
      database.createObjectStore(STORE, { keyPath: 'id' });
    },
    blocking() {
      // Another tab wants a newer version: let it, rather than hang it.
      db.close();
    },
  });
  return new IndexedDbImportedStore(db, `stored imports (IndexedDB '${name}')`);
}
