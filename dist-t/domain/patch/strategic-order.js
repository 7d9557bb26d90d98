// Element order after a strategic list merge, as apimachinery's strategicpatch keeps it
// (design: "preserve order in strategic merge patch"): `$setElementOrder` > order in the patch
// list > order in the live list. Items only the server has are interleaved by their live
// position; the relative order of each group is never broken.
import { PatchError } from './errors.js';
import { goString, isObject, jsonEqual } from './json.js';
/**
 * Whether `probe` (a patch or order entry) names the same element as `item`. Maps compare
 * their merge key; the secondary key only when `probe` carries it (see FieldPatchMeta).
 */
export function sameElement(probe, item, key) {
    if (!key.mergeKey)
        return jsonEqual(probe, item);
    if (!isObject(probe) || !isObject(item))
        return false;
    if (!jsonEqual(probe[key.mergeKey], item[key.mergeKey]))
        return false;
    const sk = key.secondaryKey;
    // A null there is a directive to delete the field (kubectl apply sends `protocol: null` when
    // the last-applied manifest had it and the new one has not), not a key.
    if (!sk || probe[sk] === undefined || probe[sk] === null)
        return true;
    return jsonEqual(probe[sk], item[sk] ?? key.secondaryDefault);
}
export function indexOf(list, item, key) {
    return list.findIndex((entry) => sameElement(entry, item, key));
}
export function requireMergeKey(items, mergeKey) {
    for (const it of items) {
        if (!isObject(it) || !Object.hasOwn(it, mergeKey))
            throw new PatchError(`map: ${goString(it)} does not contain declared merge key: ${mergeKey}`);
    }
}
/** Split `merged` into the items `patch` names and the items only the server has. */
export function partition(merged, patch, key) {
    const inPatch = [];
    const serverOnly = [];
    for (const m of merged)
        (indexOf(patch, m, key) >= 0 ? inPatch : serverOnly).push(m);
    return [inPatch, serverOnly];
}
/** normalizeSliceOrder: stable sort of `toSort` by position in `order`; `$patch: delete` entries of `order` drop items. */
function sortByOrder(toSort, order, key) {
    if (key.mergeKey) {
        requireMergeKey(toSort, key.mergeKey);
        requireMergeKey(order, key.mergeKey);
    }
    const deleted = key.mergeKey ? order.filter((o) => isObject(o) && o['$patch'] === 'delete') : [];
    const ranked = toSort.map((item, i) => ({ item, i, rank: indexOf(order, item, key) }));
    // Items missing from `order` keep their place after the ranked ones (upstream leaves it undefined).
    ranked.sort((a, b) => (a.rank >= 0 && b.rank >= 0 ? a.rank - b.rank : a.rank >= 0 ? -1 : b.rank >= 0 ? 1 : a.i - b.i) || a.i - b.i);
    return ranked.map((r) => r.item).filter((item) => indexOf(deleted, item, key) < 0);
}
/** mergeSortedSlice: insert server-only items into the patch items by live position. */
function interleave(serverOnly, patchItems, serverOrder, key) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < serverOnly.length || j < patchItems.length) {
        if (i >= serverOnly.length)
            out.push(patchItems[j++]);
        else if (j >= patchItems.length)
            out.push(serverOnly[i++]);
        else {
            const li = indexOf(serverOrder, serverOnly[i], key);
            const ri = indexOf(serverOrder, patchItems[j], key);
            if (li >= 0 && ri >= 0 && li < ri)
                out.push(serverOnly[i++]);
            else
                out.push(patchItems[j++]);
        }
    }
    return out;
}
export function normalizeElementOrder(patchItems, serverOnly, patchOrder, serverOrder, key) {
    return interleave(sortByOrder(serverOnly, serverOrder, key), sortByOrder(patchItems, patchOrder, key), serverOrder, key);
}
/** validatePatchWithSetOrderList: the patch list must follow `$setElementOrder`'s relative order. */
export function checkSetElementOrder(patchList, order, key, field) {
    if (order.length === 0 || patchList.length === 0)
        return;
    const items = patchList.filter((p) => !(isObject(p) && Object.hasOwn(p, '$patch')));
    let p = 0;
    let o = 0;
    while (p < items.length && o < order.length) {
        if (sameElement(order[o], items[p], key))
            p++;
        o++;
    }
    if (p < items.length) {
        throw new PatchError(`The order in patch list:\n${goString(patchList)}\n doesn't match $setElementOrder/${field} list:\n${goString(order)}\n`);
    }
}
//# sourceMappingURL=strategic-order.js.map