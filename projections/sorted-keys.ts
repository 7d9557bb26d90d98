// A set of keys that can hand out its members in sorted order without sorting them all on every
// read: the last sorted list is kept, and keys added or removed since are merged in (a sort of
// the few added, one linear merge) the next time someone asks. Whole-table reads, time travel
// and diffs at 100k+ entries would otherwise spend most of their time in Array.sort.

export class SortedKeys {
  private sorted: string[] = [];
  private readonly added = new Set<string>();
  private readonly removed = new Set<string>();

  add(key: string): void {
    if (this.removed.delete(key)) return;
    this.added.add(key);
  }

  /** Only for keys that are members (added earlier). */
  delete(key: string): void {
    if (this.added.delete(key)) return;
    this.removed.add(key);
  }

  /** Every member, ascending (code unit order, as Array.sort). Do not modify the result. */
  list(): readonly string[] {
    if (this.added.size === 0 && this.removed.size === 0) return this.sorted;
    const extra = [...this.added].sort();
    const out: string[] = [];
    let i = 0;
    for (const k of this.sorted) {
      if (this.removed.has(k)) continue;
      while (i < extra.length && extra[i]! < k) out.push(extra[i++]!);
      out.push(k);
    }
    while (i < extra.length) out.push(extra[i++]!);
    this.sorted = out;
    this.added.clear();
    this.removed.clear();
    return out;
  }
}

/** Merges two ascending key lists into one ascending list without duplicates. */
export function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  if (b.length * 8 < a.length) return mergeFew(a, b);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x < y)) out.push(a[i++]!);
    else if (x === undefined || y < x) out.push(b[j++]!);
    else {
      out.push(x);
      i++;
      j++;
    }
  }
  return out;
}

/**
 * mergeSorted of a few keys into many: each of `b` is placed by binary search and the runs of
 * `a` between them are copied without comparing their keys. A node's table is the cluster's
 * 100k+ keys and its few overrides; comparing every key (each a cache miss at that size) was
 * ~40 ms of a whole-table read at the scale envelope.
 */
function mergeFew(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let n = 0;
  let i = 0;
  for (const y of b) {
    const lo = firstAtOrAfter(a, y, i);
    while (i < lo) out[n++] = a[i++]!;
    out[n++] = y;
    if (a[i] === y) i++;
  }
  while (i < a.length) out[n++] = a[i++]!;
  out.length = n;
  return out;
}

/** The first index from `from` on whose key sorts after `key` (keys ascending; binary search). */
export function firstAfter(keys: readonly string[], key: string, from = 0): number {
  return search(keys, key, from, true);
}

/** The first index from `from` on whose key sorts at or after `key`. */
export function firstAtOrAfter(keys: readonly string[], key: string, from = 0): number {
  return search(keys, key, from, false);
}

function search(keys: readonly string[], key: string, from: number, strict: boolean): number {
  let lo = from;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key || (strict && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
