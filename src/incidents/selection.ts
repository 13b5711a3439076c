import type { Incident } from './types';

/**
 * The incidents a filter lets through, as one byte per incident of the list they were chosen from:
 * comparing two selections of the same list is a flat scan, with no sets or maps of objects.
 */
export class Selection {
  /** The list chosen from (a catalog's incidents), in its order. */
  readonly from: readonly Incident[];
  /** 1 where the incident at that index passes, else 0. */
  readonly mask: Uint8Array;
  /** How many pass. */
  readonly count: number;
  private list: Incident[] | undefined;

  constructor(from: readonly Incident[], mask: Uint8Array) {
    if (mask.length !== from.length) throw new RangeError(`Selection: a mask of ${mask.length} for ${from.length} incidents`);
    this.from = from;
    this.mask = mask;
    let count = 0;
    for (let i = 0; i < mask.length; i++) count += mask[i];
    this.count = count;
  }

  /** Every incident of `incidents`. */
  static all(incidents: readonly Incident[]): Selection {
    return new Selection(incidents, new Uint8Array(incidents.length).fill(1));
  }

  /** The incidents that pass, in the list's order (built on first use: a drag never needs it). */
  get incidents(): readonly Incident[] {
    if (this.list === undefined) {
      const out: Incident[] = [];
      for (let i = 0; i < this.mask.length; i++) if (this.mask[i] === 1) out.push(this.from[i]);
      this.list = out;
    }
    return this.list;
  }
}
