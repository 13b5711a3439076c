/**
 * A binary min-heap of integer ids keyed by numbers, on typed arrays that grow and are reused
 * between queries (no allocation once warm). The shape of flatqueue, which flatbush uses.
 */
export class MinQueue {
  private ids: Uint32Array;
  private keys: Float64Array;
  length = 0;

  constructor(capacity = 64) {
    this.ids = new Uint32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  push(id: number, key: number): void {
    if (this.length === this.ids.length) this.grow();
    const ids = this.ids, keys = this.keys;
    let pos = this.length++;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const parentKey = keys[parent];
      if (key >= parentKey) break;
      ids[pos] = ids[parent];
      keys[pos] = parentKey;
      pos = parent;
    }
    ids[pos] = id;
    keys[pos] = key;
  }

  /** Smallest key, or Infinity when empty. */
  peekKey(): number {
    return this.length > 0 ? this.keys[0] : Infinity;
  }

  /** Removes and returns the id with the smallest key; the caller checks length first. */
  pop(): number {
    const ids = this.ids, keys = this.keys;
    const top = ids[0];
    const last = --this.length;
    if (last > 0) {
      const id = ids[last], key = keys[last];
      const half = last >> 1;
      let pos = 0;
      while (pos < half) {
        let child = 2 * pos + 1;
        if (child + 1 < last && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= key) break;
        ids[pos] = ids[child];
        keys[pos] = keys[child];
        pos = child;
      }
      ids[pos] = id;
      keys[pos] = key;
    }
    return top;
  }

  private grow(): void {
    const ids = new Uint32Array(this.ids.length * 2);
    const keys = new Float64Array(this.keys.length * 2);
    ids.set(this.ids);
    keys.set(this.keys);
    this.ids = ids;
    this.keys = keys;
  }
}
