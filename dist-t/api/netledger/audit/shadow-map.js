// A Map that reads through to a base map and keeps its own writes: the base is never touched.
// Iteration order is what the same writes would give on a copy of the base (an overwritten key
// keeps its place, a deleted and re-added key moves to the end), so code whose output follows
// map order behaves exactly as it would on the real thing.
export class ShadowMap extends Map {
    base;
    /** Base keys still in place, with a new value. */
    over = new Map();
    /** Base keys no longer in place (deleted, or deleted and re-added into `extra`). */
    tombs = new Set();
    /** Keys after the base's, in insertion order. */
    extra = new Map();
    constructor(base) {
        super();
        this.base = base;
    }
    get(k) {
        if (this.extra.has(k))
            return this.extra.get(k);
        if (this.tombs.has(k))
            return undefined;
        if (this.over.has(k))
            return this.over.get(k);
        return this.base.get(k);
    }
    has(k) {
        return this.extra.has(k) || (!this.tombs.has(k) && (this.over.has(k) || this.base.has(k)));
    }
    set(k, v) {
        if (this.extra.has(k) || this.tombs.has(k) || !this.base.has(k))
            this.extra.set(k, v);
        else
            this.over.set(k, v);
        return this;
    }
    delete(k) {
        if (this.extra.delete(k))
            return true;
        if (this.tombs.has(k) || !this.base.has(k))
            return false;
        this.tombs.add(k);
        this.over.delete(k);
        return true;
    }
    clear() {
        for (const k of this.base.keys())
            this.tombs.add(k);
        this.over.clear();
        this.extra.clear();
    }
    get size() {
        return this.base.size - this.tombs.size + this.extra.size;
    }
    *entries() {
        for (const [k, v] of this.base) {
            if (this.tombs.has(k))
                continue;
            yield [k, this.over.has(k) ? this.over.get(k) : v];
        }
        yield* this.extra.entries();
    }
    *keys() {
        for (const [k] of this.entries())
            yield k;
    }
    *values() {
        for (const [, v] of this.entries())
            yield v;
    }
    [Symbol.iterator]() {
        return this.entries();
    }
    forEach(fn, thisArg) {
        for (const [k, v] of this.entries())
            fn.call(thisArg, v, k, this);
    }
}
//# sourceMappingURL=shadow-map.js.map