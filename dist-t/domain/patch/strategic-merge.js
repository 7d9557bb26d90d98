// Strategic merge patch (application/strategic-merge-patch+json), following apimachinery's
// strategicpatch.mergeMap with the options kube-apiserver uses (MergeParallelList,
// IgnoreUnmatchedNulls): `null` deletes a key, maps merge, lists merge by patch merge key or
// are replaced, and the directives `$patch`, `$setElementOrder/<list>`, `$retainKeys` and
// `$deleteFromPrimitiveList/<list>` are honoured. Where upstream would copy a directive into the
// result verbatim (a patch list for a field the object lacks), it is processed instead.
import { clone } from '../clone.js';
import { PatchError } from './errors.js';
import { goString, isObject, jsonEqual } from './json.js';
import { jsonKind } from './merge-patch.js';
import { checkSetElementOrder, normalizeElementOrder, partition, sameElement } from './strategic-order.js';
import { strategicSchemaFor } from './strategic-schema.js';
const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';
const NO_META = {};
function sub(schema, field) {
    return (schema && Object.hasOwn(schema, field) ? schema[field] : undefined) ?? NO_META;
}
function elementKey(meta) {
    return { mergeKey: meta.mergeKey, secondaryKey: meta.secondaryKey, secondaryDefault: meta.secondaryDefault };
}
function typeTag(v) {
    return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}
/** mergeMap. `original` is not mutated. */
export function mergeMap(original, patchIn, schema) {
    if (Object.hasOwn(patchIn, DIRECTIVE)) {
        const directive = patchIn[DIRECTIVE];
        if (directive === 'delete')
            return {};
        if (directive === 'replace') {
            const { [DIRECTIVE]: _, ...rest } = patchIn;
            return mergeMap(undefined, rest, schema);
        }
        throw new PatchError(`unknown patch type: ${goString(directive)} in map: ${goString(patchIn)}`);
    }
    const out = { ...(original ?? {}) };
    const patch = { ...patchIn };
    applyRetainKeys(out, patch);
    mergeSetElementOrderLists(out, patch, schema);
    for (const [rawKey, patchV] of Object.entries(patch)) {
        const isDeleteList = rawKey.startsWith(DELETE_FROM);
        const k = isDeleteList ? rawKey.slice(DELETE_FROM.length) : rawKey;
        if (patchV === null) {
            delete out[k];
            continue;
        }
        const meta = sub(schema, k);
        if (isDeleteList) {
            if (!Object.hasOwn(out, k))
                continue;
            if (!Array.isArray(out[k]) || !Array.isArray(patchV))
                throw new PatchError(`invalid ${rawKey}: both the list and the patch must be lists`);
            out[k] = out[k].filter((v) => !patchV.some((d) => jsonEqual(d, v)));
            continue;
        }
        out[k] = mergeValue(Object.hasOwn(out, k) ? out[k] : undefined, patchV, meta);
    }
    return out;
}
/** One field: recurse into maps and merge-strategy lists, otherwise take the patch value. */
function mergeValue(original, patchV, meta) {
    const sameType = original !== undefined && typeTag(original) === typeTag(patchV);
    if (isObject(patchV))
        return mergeMap(sameType ? original : undefined, patchV, meta.fields);
    if (Array.isArray(patchV)) {
        if (meta.merge)
            return mergeList(sameType ? original : [], patchV, meta);
        return patchV.map(discardNulls);
    }
    return patchV;
}
/** IgnoreUnmatchedNulls: a null with nothing to delete is dropped, at any depth. */
function discardNulls(v) {
    if (Array.isArray(v))
        return v.map(discardNulls);
    if (isObject(v)) {
        const out = {};
        for (const [k, x] of Object.entries(v))
            if (x !== null)
                out[k] = discardNulls(x);
        return out;
    }
    return v;
}
/** applyRetainKeysDirective: drop every original field not listed; the patch may only set listed ones. */
function applyRetainKeys(out, patch) {
    if (!Object.hasOwn(patch, RETAIN_KEYS))
        return;
    const keep = patch[RETAIN_KEYS];
    delete patch[RETAIN_KEYS];
    if (!Array.isArray(keep))
        throw new PatchError(`invalid value for $retainKeys: ${goString(keep)}`);
    for (const [k, v] of Object.entries(patch)) {
        if (v === null || k.startsWith(DELETE_FROM) || k.startsWith(SET_ORDER))
            continue;
        if (!keep.includes(k))
            throw new PatchError('invalid patch format of retainKeys');
    }
    for (const k of Object.keys(out))
        if (!keep.includes(k))
            delete out[k];
}
/** mergePatchIntoOriginal: each `$setElementOrder/<list>` is merged with its list and ordered by it. */
function mergeSetElementOrderLists(out, patch, schema) {
    for (const [key, order] of Object.entries(patch)) {
        if (!key.startsWith(SET_ORDER))
            continue;
        const field = key.slice(SET_ORDER.length);
        delete patch[key];
        if (!Array.isArray(order))
            throw new PatchError(`invalid value for ${key}: ${goString(order)}: must be a list`);
        const original = out[field];
        const patchList = patch[field];
        if (original !== undefined && original !== null && !Array.isArray(original))
            throw new PatchError(`${field} is not a list in the object`);
        if (patchList !== undefined && patchList !== null && !Array.isArray(patchList))
            throw new PatchError(`json: cannot unmarshal ${jsonKind(patchList)} into a list for ${field}`);
        // `null` in the patch deletes the list; the main loop does that.
        if (patchList === null)
            continue;
        delete patch[field];
        const meta = sub(schema, field);
        const key2 = elementKey(meta);
        const originalList = original ?? [];
        const patchItems = patchList ?? [];
        if (original === undefined && patchItems.length === 0)
            continue;
        checkSetElementOrder(patchItems, order, key2, field);
        const merged = meta.merge ? mergeList(originalList, patchItems, meta) : patchItems.map(discardNulls);
        const [named, serverOnly] = partition(merged, order, key2);
        out[field] = normalizeElementOrder(named, serverOnly, order, originalList, key2);
    }
}
/** mergeSlice for a merge-strategy list. */
function mergeList(original, patch, meta) {
    if (original.length === 0 && patch.length === 0)
        return [];
    const all = [...original, ...patch];
    if (all.some(Array.isArray))
        throw new PatchError('lists of lists are not supported', 422);
    const maps = all.every(isObject);
    if (!maps && all.some(isObject))
        throw new PatchError(`mismatched element types in list: ${goString(all)}`);
    if (!maps) {
        // A set of primitives: union, first occurrence wins.
        const merged = [];
        for (const v of all)
            if (!merged.some((m) => jsonEqual(m, v)))
                merged.push(v);
        const [inPatch, serverOnly] = partition(merged, patch, {});
        return normalizeElementOrder(inPatch, serverOnly, patch, original, {});
    }
    const key = elementKey(meta);
    if (!key.mergeKey)
        throw new PatchError('cannot merge lists without merge key');
    const mergeKey = key.mergeKey;
    let base = original.map((o) => o);
    const items = [];
    let replace = false;
    for (const p of patch) {
        if (!Object.hasOwn(p, DIRECTIVE)) {
            items.push(p);
            continue;
        }
        const directive = p[DIRECTIVE];
        if (directive === 'delete') {
            if (!Object.hasOwn(p, mergeKey))
                throw new PatchError(`map: ${goString(p)} does not contain declared merge key: ${mergeKey}`);
            base = base.filter((o) => !sameElement(p, o, key));
        }
        else if (directive === 'replace') {
            replace = true;
        }
        else if (directive === 'merge') {
            throw new PatchError('merging lists cannot yet be specified in the patch');
        }
        else {
            throw new PatchError(`unknown patch type: ${goString(directive)} in map: ${goString(p)}`);
        }
    }
    // `$patch: replace` in a list: the patch's other elements are the whole new list.
    if (replace) {
        return items.map((p) => mergeMap(undefined, p, meta.fields));
    }
    const merged = [...base];
    for (const p of items) {
        if (!Object.hasOwn(p, mergeKey))
            throw new PatchError(`map: ${goString(p)} does not contain declared merge key: ${mergeKey}`);
        const at = merged.findIndex((o) => sameElement(p, o, key));
        if (at >= 0)
            merged[at] = mergeMap(merged[at], p, meta.fields);
        else
            merged.push(mergeMap(undefined, p, meta.fields));
    }
    const [inPatch, serverOnly] = partition(merged, items, key);
    return normalizeElementOrder(inPatch, serverOnly, items, base, key);
}
/**
 * Applies a strategic merge patch for `kind` without mutating `target`. Kinds without a
 * strategic schema are refused with 415, as kube-apiserver refuses it for custom resources.
 */
export function applyStrategicMergePatch(target, patch, kind) {
    const schema = strategicSchemaFor(kind);
    if (!schema) {
        throw new PatchError('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml', 415);
    }
    if (!isObject(patch))
        throw new PatchError(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
    return mergeMap(clone(target), patch, schema);
}
//# sourceMappingURL=strategic-merge.js.map