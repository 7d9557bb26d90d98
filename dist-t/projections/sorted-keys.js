// A set of keys that can hand out its members in sorted order without sorting them all on every
// read: the last sorted list is kept, and keys added or removed since are merged in (a sort of
// the few added, one linear merge) the next time someone asks. Whole-table reads, time travel
// and diffs at 100k+ entries would otherwise spend most of their time in Array.sort.
export class SortedKeys {
    sorted = [];
    added = new Set();
    removed = new Set();
    add(key) {
        if (this.removed.delete(key))
            return;
        this.added.add(key);
    }
    /** Only for keys that are members (added earlier). */
    delete(key) {
        if (this.added.delete(key))
            return;
        this.removed.add(key);
    }
    /** Every member, ascending (code unit order, as Array.sort). Do not modify the result. */
    list() {
        if (this.added.size === 0 && this.removed.size === 0)
            return this.sorted;
        const extra = [...this.added].sort();
        const out = [];
        let i = 0;
        for (const k of this.sorted) {
            if (this.removed.has(k))
                continue;
            while (i < extra.length && extra[i] < k)
                out.push(extra[i++]);
            out.push(k);
        }
        while (i < extra.length)
            out.push(extra[i++]);
        this.sorted = out;
        this.added.clear();
        this.removed.clear();
        return out;
    }
}
/** Merges two ascending key lists into one ascending list without duplicates. */
export function mergeSorted(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
        const x = a[i];
        const y = b[j];
        if (y === undefined || (x !== undefined && x < y))
            out.push(a[i++]);
        else if (x === undefined || y < x)
            out.push(b[j++]);
        else {
            out.push(x);
            i++;
            j++;
        }
    }
    return out;
}
//# sourceMappingURL=sorted-keys.js.map