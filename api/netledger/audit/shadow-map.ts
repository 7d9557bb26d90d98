// A Map that reads through to a base map and keeps its own writes: the base is never touched.
// Iteration order is what the same writes would give on a copy of the base (an overwritten key
// keeps its place, a deleted and re-added key moves to the end), so code whose output follows
// map order behaves exactly as it would on the real thing.

export class ShadowMap<K, V> extends Map<K, V> {
  /** Base keys still in place, with a new value. */
  private readonly over = new Map<K, V>();
  /** Base keys no longer in place (deleted, or deleted and re-added into `extra`). */
  private readonly tombs = new Set<K>();
  /** Keys after the base's, in insertion order. */
  private readonly extra = new Map<K, V>();

  constructor(private readonly base: ReadonlyMap<K, V>) {
    super();
  }

  override get(k: K): V | undefined {
    if (this.extra.has(k)) return this.extra.get(k);
    if (this.tombs.has(k)) return undefined;
    if (this.over.has(k)) return this.over.get(k);
    return this.base.get(k);
  }

  override has(k: K): boolean {
    return this.extra.has(k) || (!this.tombs.has(k) && (this.over.has(k) || this.base.has(k)));
  }

  override set(k: K, v: V): this {
    if (this.extra.has(k) || this.tombs.has(k) || !this.base.has(k)) this.extra.set(k, v);
    else this.over.set(k, v);
    return this;
  }

  override delete(k: K): boolean {
    if (this.extra.delete(k)) return true;
    if (this.tombs.has(k) || !this.base.has(k)) return false;
    this.tombs.add(k);
    this.over.delete(k);
    return true;
  }

  override clear(): void {
    for (const k of this.base.keys()) this.tombs.add(k);
    this.over.clear();
    this.extra.clear();
  }

  override get size(): number {
    return this.base.size - this.tombs.size + this.extra.size;
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) {
      if (this.tombs.has(k)) continue;
      yield [k, this.over.has(k) ? this.over.get(k)! : v];
    }
    yield* this.extra.entries();
  }

  override *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }

  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
