// "Would writing this change anything?" — comparisons over what the controllers own only, so the
// caller can skip no-op events. As upstream: nil and empty lists/maps are equal (semantic
// equality), a targetRef's resourceVersion is ignored, and the time-based trigger annotation is
// not content.
import { LAST_CHANGE_TRIGGER_TIME_ANNOTATION } from './endpointsController.js';
/** Nothing there: undefined, null, an empty list or an empty map (Go's nil and empty alike). */
function isEmpty(v) {
    if (v === undefined || v === null)
        return true;
    if (Array.isArray(v))
        return v.length === 0;
    if (typeof v !== 'object')
        return false;
    for (const k in v)
        if (!isEmpty(v[k]))
            return false;
    return true;
}
/** Semantic deep equality: empty equals absent at every depth, key order is irrelevant. Walks
 * both values without building copies (this runs on every pod event's reconcile). */
function same(a, b) {
    if (a === b)
        return true;
    if (isEmpty(a) || isEmpty(b))
        return isEmpty(a) && isEmpty(b);
    if (typeof a !== 'object' || typeof b !== 'object')
        return false;
    if (Array.isArray(a) || Array.isArray(b)) {
        if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!same(a[i], b[i]))
                return false;
        return true;
    }
    const x = a;
    const y = b;
    for (const k in x)
        if (!same(x[k], y[k]))
            return false;
    for (const k in y)
        if (!(k in x) && !isEmpty(y[k]))
            return false;
    return true;
}
function withoutTrigger(annotations) {
    const out = { ...(annotations ?? {}) };
    delete out[LAST_CHANGE_TRIGGER_TIME_ANNOTATION];
    return out;
}
function stripRefVersions(items) {
    // The controllers write no targetRef versions: then there is nothing to copy.
    if (!items?.some((i) => i.targetRef?.resourceVersion !== undefined))
        return items;
    return items.map((i) => {
        if (!i.targetRef)
            return i;
        const { resourceVersion: _ignored, ...ref } = i.targetRef;
        return { ...i, targetRef: ref };
    });
}
function endpointsContent(e) {
    return {
        name: e.metadata.name,
        namespace: e.metadata.namespace,
        labels: e.metadata.labels,
        annotations: withoutTrigger(e.metadata.annotations),
        subsets: (e.subsets ?? []).map((s) => ({
            addresses: stripRefVersions(s.addresses),
            notReadyAddresses: stripRefVersions(s.notReadyAddresses),
            ports: s.ports,
        })),
    };
}
/** Same controller-owned content (name, labels, annotations but the trigger time, subsets). */
export function sameEndpoints(a, b) {
    if (a === undefined || b === undefined)
        return a === b;
    return same(endpointsContent(a), endpointsContent(b));
}
function sliceContent(s) {
    return {
        name: s.metadata.name,
        namespace: s.metadata.namespace,
        labels: s.metadata.labels,
        annotations: withoutTrigger(s.metadata.annotations),
        ownerReferences: s.metadata.ownerReferences,
        addressType: s.addressType,
        endpoints: stripRefVersions(s.endpoints),
        ports: s.ports,
    };
}
export function sameSlice(a, b) {
    if (a === undefined || b === undefined)
        return a === b;
    return same(sliceContent(a), sliceContent(b));
}
export function sameSlices(a, b) {
    if (!Array.isArray(a) || !Array.isArray(b)) {
        if (Array.isArray(a) || Array.isArray(b))
            return false;
        return sameSlice(a, b);
    }
    if (a.length !== b.length)
        return false;
    const byName = new Map(b.map((s) => [s.metadata.name ?? '', s]));
    if (byName.size !== b.length)
        return false;
    return a.every((s) => sameSlice(s, byName.get(s.metadata.name ?? '')));
}
//# sourceMappingURL=equality.js.map