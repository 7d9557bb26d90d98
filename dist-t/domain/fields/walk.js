// The walks server-side apply makes over objects (structured-merge-diff's typed package): the
// field set an object sets, the comparison of two versions, the merge of an applied
// configuration into a live object, and the removal of items. Values are plain JSON; nothing
// passed in is changed.
import { deepEqual } from '../equal.js';
import { deduce, KEY_DEFAULTS } from './types.js';
import { fieldElement, FieldSet, keyElement, pathString, valueElement } from './set.js';
const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isEmptyContainer = (v) => v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : isMap(v) && Object.keys(v).length === 0);
/** Scalars, and maps and lists owned and replaced whole. */
function isAtomic(t) {
    return t.kind === 'scalar' || (t.kind === 'map' ? t.atomic : t.listType === 'atomic');
}
/** Whether the walk stops here and treats the value as one leaf: atomic values, and containers
 * that are empty on both sides (SMD's emptyPromoteToLeaf). */
function isLeaf(t, a, b) {
    if (isAtomic(t))
        return true;
    if (isEmptyContainer(a) && isEmptyContainer(b))
        return true;
    // A value of the wrong shape for its type cannot be descended into.
    const fits = (v) => v === undefined || v === null || (t.kind === 'map' ? isMap(v) : Array.isArray(v));
    return !fits(a) || !fits(b);
}
/** A list item's path element: its key fields (with their defaults), or its value in a set. */
function itemElement(t, item, index) {
    if (t.listType === 'set')
        return valueElement(item);
    if (t.listType === 'map' && isMap(item)) {
        const keys = {};
        for (const k of t.keys) {
            if (item[k] !== undefined && item[k] !== null)
                keys[k] = item[k];
            else if (Object.hasOwn(KEY_DEFAULTS, k))
                keys[k] = KEY_DEFAULTS[k];
        }
        return keyElement(keys);
    }
    return `i:${index}`;
}
/** Items by path element, in list order; later duplicates are ignored. */
function indexItems(t, list) {
    const out = new Map();
    if (!Array.isArray(list))
        return out;
    list.forEach((item, i) => {
        const pe = itemElement(t, item, i);
        if (!out.has(pe))
            out.set(pe, item);
    });
    return out;
}
/** typed.ToFieldSet: scalars, atomic values and list items are members; a struct's empty
 * value is not (empty containers count as leaves only when two versions are compared), while a
 * map key that is not a declared field is a member as well as what is under it. */
export function toFieldSet(value, type) {
    const set = new FieldSet();
    const path = [];
    const visit = (v, t0) => {
        const t = deduce(t0, v);
        if (isAtomic(t) || v === null) {
            set.insert(path);
            return;
        }
        if (t.kind === 'map') {
            if (!isMap(v))
                return set.insert(path);
            for (const k in v) {
                const child = v[k];
                if (child === undefined)
                    continue;
                path.push(fieldElement(k));
                visit(child, t.field(k));
                if (!isDeclaredField(t, k))
                    set.insert(path);
                path.pop();
            }
            return;
        }
        if (t.kind !== 'list' || !Array.isArray(v))
            return set.insert(path);
        for (const [pe, item] of indexItems(t, v)) {
            path.push(pe);
            set.insert(path);
            if (t.listType === 'map' && isMap(item))
                visit(item, t.elem);
            path.pop();
        }
    };
    visit(value, type);
    return set;
}
/** Keyed or set items that repeat a key in an applied configuration, as SMD's typed conversion
 * reports them (`.spec.containers[name="c"].env: duplicate entries for key [name="FOO"]`). */
export function duplicateItems(value, type) {
    const path = [];
    const visit = (v, t0) => {
        const t = deduce(t0, v);
        if (isAtomic(t))
            return undefined;
        if (t.kind === 'map') {
            if (!isMap(v))
                return undefined;
            for (const k in v) {
                path.push(fieldElement(k));
                const found = visit(v[k], t.field(k));
                path.pop();
                if (found)
                    return found;
            }
            return undefined;
        }
        if (t.kind !== 'list' || !Array.isArray(v))
            return undefined;
        const seen = new Set();
        for (const [i, item] of v.entries()) {
            const pe = itemElement(t, item, i);
            if (seen.has(pe))
                return `${pathString(path)}: duplicate entries for key ${pathString([pe])}`;
            seen.add(pe);
            if (t.listType !== 'map')
                continue;
            path.push(pe);
            const found = visit(item, t.elem);
            path.pop();
            if (found)
                return found;
        }
        return undefined;
    };
    return visit(value, type);
}
/** typed.Compare: what `b` added, changed and removed relative to `a`. */
export function compare(a, b, type) {
    const c = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
    const path = [];
    const visit = (l, r, t0) => {
        const t = deduce(t0, r !== undefined ? r : l);
        if (isLeaf(t, l, r)) {
            if (l === undefined)
                c.added.insert(path);
            else if (r === undefined)
                c.removed.insert(path);
            else if (!deepEqual(l, r))
                c.modified.insert(path);
            return;
        }
        if (t.kind === 'map') {
            const lm = isMap(l) ? l : EMPTY;
            const rm = isMap(r) ? r : EMPTY;
            for (const k in lm) {
                if (lm[k] === undefined && rm[k] === undefined)
                    continue;
                path.push(fieldElement(k));
                visit(lm[k], rm[k], t.field(k));
                path.pop();
            }
            for (const k in rm) {
                if (Object.hasOwn(lm, k) || rm[k] === undefined)
                    continue;
                path.push(fieldElement(k));
                visit(undefined, rm[k], t.field(k));
                path.pop();
            }
        }
        else if (t.kind === 'list') {
            const li = indexItems(t, l);
            const ri = indexItems(t, r);
            for (const [pe, item] of li) {
                path.push(pe);
                visit(item, ri.get(pe), t.elem);
                path.pop();
            }
            for (const [pe, item] of ri) {
                if (li.has(pe))
                    continue;
                path.push(pe);
                visit(undefined, item, t.elem);
                path.pop();
            }
        }
        if (l === undefined)
            c.added.insert(path);
        else if (r === undefined)
            c.removed.insert(path);
    };
    visit(a, b, type);
    return c;
}
const EMPTY = Object.freeze({});
/** typed.Merge with ruleKeepRHS: the applied configuration `rhs` over the live `lhs`. Keyed and
 * set lists merge item by item, in SMD's order (live order, moved to the applied order where the
 * applied configuration lists shared items). A null merged value leaves the field out, as it
 * does once decoded into the typed object upstream. */
export function merge(lhs, rhs, type) {
    const t = deduce(type, rhs !== undefined ? rhs : lhs);
    if (isLeaf(t, lhs, rhs))
        return rhs !== undefined ? rhs : lhs;
    if (t.kind === 'map') {
        const lm = isMap(lhs) ? lhs : {};
        const rm = isMap(rhs) ? rhs : {};
        const out = {};
        for (const k of new Set([...Object.keys(lm), ...Object.keys(rm)])) {
            const v = merge(lm[k], rm[k], t.field(k));
            if (v !== undefined && v !== null)
                out[k] = v;
        }
        return out;
    }
    if (t.kind !== 'list')
        return rhs;
    return mergeItems(t, lhs, rhs);
}
function mergeItems(t, lhs, rhs) {
    const left = indexItems(t, lhs);
    const right = indexItems(t, rhs);
    const lOrder = [...left.keys()];
    const rOrder = [...right.keys()];
    const shared = rOrder.filter((pe) => left.has(pe));
    let nextShared = 0;
    const out = [];
    const take = (pe) => out.push(merge(left.get(pe), right.get(pe), t.elem));
    let l = 0;
    let r = 0;
    while (l < lOrder.length || r < rOrder.length) {
        if (l < lOrder.length && r < rOrder.length) {
            const pe = lOrder[l];
            if (pe === rOrder[r]) {
                take(pe);
                l++;
                r++;
                if (shared[nextShared] === pe)
                    nextShared++;
                continue;
            }
            // A shared item whose turn in the applied order has not come: it is taken from there.
            if (right.has(pe) && nextShared < shared.length && shared[nextShared] !== pe) {
                l++;
                continue;
            }
        }
        if (l < lOrder.length && !right.has(lOrder[l])) {
            take(lOrder[l]);
            l++;
            continue;
        }
        if (r < rOrder.length) {
            const pe = rOrder[r];
            take(pe);
            r++;
            if (shared[nextShared] === pe)
                nextShared++;
            continue;
        }
        l++;
    }
    return out;
}
/** typed.RemoveItems: the value without each member of `set` (a member takes its subtree). */
export function removeItems(value, set, type) {
    const t = deduce(type, value);
    if (set.isEmpty() || t.kind === 'scalar' || isLeaf(t, value, value))
        return value;
    if (t.kind === 'map') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            const pe = fieldElement(k);
            if (set.members.has(pe))
                continue;
            const sub = set.children.get(pe);
            out[k] = sub ? removeItems(v, sub, t.field(k)) : v;
        }
        return out;
    }
    const out = [];
    value.forEach((item, i) => {
        const pe = itemElement(t, item, i);
        if (set.members.has(pe))
            return;
        const sub = set.children.get(pe);
        out.push(sub ? removeItems(item, sub, t.elem) : item);
    });
    return out;
}
/** fieldpath.Set.EnsureNamedFieldsAreMembers: also the declared struct fields on the way to each
 * member (not map keys or list items), so that pruning can take an emptied struct away. */
export function withNamedFields(set, type) {
    const out = new FieldSet();
    const visit = (s, t, path) => {
        for (const m of s.members)
            out.insert([...path, m]);
        for (const [pe, c] of s.children) {
            const at = [...path, pe];
            if (t.kind === 'map' && pe.startsWith('f:') && isDeclaredField(t, pe.slice(2)))
                out.insert(at);
            const childType = t.kind === 'map' && pe.startsWith('f:') ? t.field(pe.slice(2)) : t.kind === 'list' ? t.elem : t;
            visit(c, childType, at);
        }
    };
    visit(set, type, []);
    return out;
}
/** A struct's own field (not a key of a map of values, nor a field no schema declares). */
function isDeclaredField(t, name) {
    return t.declares?.(name) ?? false;
}
//# sourceMappingURL=walk.js.map