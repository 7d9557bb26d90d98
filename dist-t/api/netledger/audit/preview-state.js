// A scratch ClusterState for previews: every map of the live state (objects, indexes,
// allocations) is replaced by a shadow that reads through to the live one and keeps its own
// writes, so decide/execute/projections run on it unchanged — ClusterState's own methods, on
// shadows — while the live state, owned by the appender, is never written. Creating one costs
// O(number of fields); each write O(what it touches) (an index set is copied when first used).
//
// Shadowing is by shape, not by name, so an index added to ClusterState later is covered without
// a change here; a field of a shape it does not know makes the constructor throw (the preview
// tests catch that) rather than silently share live data.
import { Allocations } from '../../../domain/allocations.js';
import { ZoneCapacity } from '../../../domain/controllers/topology-cache.js';
import { ClusterState } from '../../../domain/state.js';
import { ShadowMap } from './shadow-map.js';
/** A Map of Sets over a base: a Set is copied into the shadow the first time it is handed out,
 * since index code mutates the Set it gets (addTo/removeFrom). */
export class ShadowIndex extends ShadowMap {
    own = new Set();
    get(k) {
        const v = super.get(k);
        if (v === undefined || this.own.has(k))
            return v;
        const copy = new Set(v);
        super.set(k, copy);
        this.own.add(k);
        return copy;
    }
    set(k, v) {
        this.own.add(k);
        return super.set(k, v);
    }
}
/** The shadow of one field value: Map of Maps -> Map of shadows; Map of Sets (or empty) -> ShadowIndex; Map of objects -> ShadowMap. */
function shadowOf(name, value) {
    if (!(value instanceof Map))
        throw new Error(`PreviewState: do not know how to shadow ClusterState.${name}`);
    const first = value.values().next();
    if (!first.done && first.value instanceof Map) {
        return new Map([...value].map(([k, inner]) => [k, shadowOf(`${name}[${String(k)}]`, inner)]));
    }
    if (first.done || first.value instanceof Set)
        return new ShadowIndex(value);
    return new ShadowMap(value);
}
/** Allocations over the live ones: claims and releases land in shadows; the cursors are copied
 * so "next free" is what a real write would get. */
function shadowAllocations(live) {
    const a = new Allocations();
    const target = a;
    for (const [name, value] of Object.entries(live)) {
        if (!(value instanceof Map))
            throw new Error(`PreviewState: do not know how to shadow Allocations.${name}`);
        // Cursors are plain values (bigint offsets): a copy is a full snapshot.
        const first = value.values().next();
        target[name] = !first.done && typeof first.value === 'bigint' ? new Map(value) : new ShadowMap(value);
    }
    return a;
}
export class PreviewState extends ClusterState {
    constructor(live) {
        super();
        const self = this;
        for (const [name, value] of Object.entries(live)) {
            if (name === 'rv' || name === 'config')
                self[name] = value;
            else if (name === 'allocations')
                self[name] = shadowAllocations(value);
            else if (value instanceof ZoneCapacity)
                self[name] = value.clone(); // a handful of zones
            else if (name === 'objects') {
                self[name] = new Map([...value].map(([kind, objs]) => [kind, new ShadowMap(objs)]));
            }
            else
                self[name] = shadowOf(name, value);
        }
    }
}
//# sourceMappingURL=preview-state.js.map