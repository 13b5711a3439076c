import type { Incident } from '../types';

/** An imported incident whose id was taken, and the id it was given instead. */
export interface IdRename {
  from: string;
  to: string;
}

export interface ResolvedIds {
  /** The incoming incidents, in order, each with an id no other incident has. */
  incidents: Incident[];
  /** One entry per incident whose id was changed. */
  renamed: IdRename[];
}

/**
 * Gives imported incidents ids that collide neither with the ids already shown (committed data
 * and earlier imports) nor with each other. The committed data keeps its ids: a taken id becomes
 * `imported-<id>`, and if that is taken too `imported-<id>-2`, `-3`, …; each change is reported.
 */
export function resolveIdCollisions(incoming: readonly Incident[], existingIds: ReadonlySet<string>): ResolvedIds {
  const taken = new Set(existingIds);
  const renamed: IdRename[] = [];
  const incidents = incoming.map((incident) => {
    let id = incident.id;
    if (taken.has(id)) {
      const base = `imported-${incident.id}`;
      id = base;
      for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
      renamed.push({ from: incident.id, to: id });
    }
    taken.add(id);
    return id === incident.id ? incident : { ...incident, id };
  });
  return { incidents, renamed };
}
