// A set of field paths as structured-merge-diff keeps them, serialised as FieldsV1. Path elements
// are held in their FieldsV1 spelling: `f:<field>`, `k:<key fields as JSON, by name>` (a keyed
// list item), `v:<JSON value>` (a set item), `i:<index>`. A node is a member when the path
// ending at it is in the set; FieldsV1 writes that as `".": {}` when the node also has children.
export class FieldSet {
    members = new Set();
    children = new Map();
    insert(path) {
        if (path.length === 0)
            return;
        let node = this;
        for (let i = 0; i < path.length - 1; i++)
            node = node.child(path[i]);
        node.members.add(path[path.length - 1]);
    }
    child(pe) {
        let c = this.children.get(pe);
        if (!c)
            this.children.set(pe, (c = new FieldSet()));
        return c;
    }
    has(path) {
        let node = this;
        for (let i = 0; i < path.length - 1 && node; i++)
            node = node.children.get(path[i]);
        return !!node && path.length > 0 && node.members.has(path[path.length - 1]);
    }
    /** No node holds an empty child: insert ends every path in a member, and the set operations
     * drop children that come out empty. */
    isEmpty() {
        return this.members.size === 0 && this.children.size === 0;
    }
    /** A union that adds nothing is this set itself, so that its encoding is kept. */
    union(other) {
        if (other.isEmpty() || other.isSubsetOf(this))
            return this;
        if (this.isEmpty())
            return other;
        const out = this.copy();
        out.addAll(other);
        return out;
    }
    isSubsetOf(other) {
        for (const m of this.members)
            if (!other.members.has(m))
                return false;
        for (const [pe, c] of this.children) {
            const o = other.children.get(pe);
            if (!o || !c.isSubsetOf(o))
                return false;
        }
        return true;
    }
    /** Members of this set that are not members of other (children compared node by node). */
    difference(other) {
        if (other.isEmpty())
            return this;
        const out = new FieldSet();
        for (const m of this.members)
            if (!other.members.has(m))
                out.members.add(m);
        for (const [pe, c] of this.children) {
            const o = other.children.get(pe);
            const d = o ? c.difference(o) : c.copy();
            if (!d.isEmpty())
                out.children.set(pe, d);
        }
        return out;
    }
    intersection(other) {
        const out = new FieldSet();
        for (const m of this.members)
            if (other.members.has(m))
                out.members.add(m);
        for (const [pe, c] of this.children) {
            const o = other.children.get(pe);
            if (!o)
                continue;
            const i = c.intersection(o);
            if (!i.isEmpty())
                out.children.set(pe, i);
        }
        return out;
    }
    /** Every member path, depth first in FieldsV1 order. */
    *paths(prefix = []) {
        for (const pe of this.order()) {
            if (this.members.has(pe))
                yield [...prefix, pe];
            const c = this.children.get(pe);
            if (c)
                yield* c.paths([...prefix, pe]);
        }
    }
    /** FieldsV1: `{"f:metadata":{"f:labels":{"f:app":{}}}}`. Sets are not changed once built
     * (every operation returns a new one), so the encoding is kept. */
    toFieldsV1() {
        let json = encoded.get(this);
        if (!json)
            encoded.set(this, (json = this.encode()));
        return json;
    }
    encode(withSelf = false) {
        const out = withSelf ? { '.': {} } : {};
        for (const pe of this.order()) {
            const c = this.children.get(pe);
            const member = this.members.has(pe);
            out[pe] = c ? c.encode(member) : {};
        }
        return out;
    }
    /** The set a FieldsV1 value holds. Stored objects are never changed in place, so the set of
     * an entry read before is kept with it. */
    static fromFieldsV1(json) {
        if (json === null || typeof json !== 'object')
            return new FieldSet();
        let set = decoded.get(json);
        if (!set) {
            decoded.set(json, (set = FieldSet.decode(json)));
            encoded.set(set, json);
        }
        return set;
    }
    static decode(json) {
        const s = new FieldSet();
        if (json === null || typeof json !== 'object' || Array.isArray(json))
            return s;
        for (const [pe, sub] of Object.entries(json)) {
            if (pe === '.')
                continue;
            const inner = sub !== null && typeof sub === 'object' && !Array.isArray(sub) ? sub : {};
            const keys = Object.keys(inner);
            if (keys.length === 0 || Object.hasOwn(inner, '.'))
                s.members.add(pe);
            if (keys.some((k) => k !== '.')) {
                const c = FieldSet.decode(inner);
                if (!c.isEmpty())
                    s.children.set(pe, c);
            }
        }
        return s;
    }
    copy() {
        const out = new FieldSet();
        out.addAll(this);
        return out;
    }
    addAll(other) {
        for (const m of other.members)
            this.members.add(m);
        for (const [pe, c] of other.children)
            this.child(pe).addAll(c);
    }
    /** SMD's PathElement order: fields, then keys, then values, then indexes. */
    order() {
        const all = [...this.members];
        for (const pe of this.children.keys())
            if (!this.members.has(pe))
                all.push(pe);
        for (let i = 1; i < all.length; i++)
            if (comparePathElements(all[i - 1], all[i]) > 0)
                return all.sort(comparePathElements);
        return all;
    }
}
const encoded = new WeakMap();
const decoded = new WeakMap();
const RANK = { f: 0, k: 1, v: 2, i: 3 };
function comparePathElements(a, b) {
    const ra = RANK[a[0]] ?? 4;
    const rb = RANK[b[0]] ?? 4;
    if (ra !== rb)
        return ra - rb;
    if (ra === 3)
        return Number(a.slice(2)) - Number(b.slice(2));
    // Keys and values compare by value, numbers as numbers (port 80 before 443), as SMD's do.
    if (ra === 1)
        return compareKeys(JSON.parse(a.slice(2)), JSON.parse(b.slice(2)));
    if (ra === 2)
        return compareValues(JSON.parse(a.slice(2)), JSON.parse(b.slice(2)));
    return a < b ? -1 : a > b ? 1 : 0;
}
/** value.FieldList.Compare: field by field (names are sorted), then the shorter first. */
function compareKeys(a, b) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
        if (ka[i] !== kb[i])
            return ka[i] < kb[i] ? -1 : 1;
        const c = compareValues(a[ka[i]], b[kb[i]]);
        if (c !== 0)
            return c;
    }
    return ka.length - kb.length;
}
function compareValues(a, b) {
    if (typeof a === 'number' && typeof b === 'number')
        return a - b;
    const ta = JSON.stringify(a);
    const tb = JSON.stringify(b);
    return ta < tb ? -1 : ta > tb ? 1 : 0;
}
export const fieldElement = (name) => `f:${name}`;
/** `k:{"port":80,"protocol":"TCP"}`: the key fields sorted by name, as SMD's KeyByFields. */
export function keyElement(keys) {
    const names = Object.keys(keys).sort();
    return `k:{${names.map((n) => `${JSON.stringify(n)}:${JSON.stringify(keys[n])}`).join(',')}}`;
}
export const valueElement = (value) => `v:${JSON.stringify(value)}`;
/** fieldpath.Path.String(): `.spec.ports[port=80,protocol="TCP"].targetPort`, as conflicts print it. */
export function pathString(path) {
    return path
        .map((pe) => {
        const body = pe.slice(2);
        switch (pe[0]) {
            case 'f':
                return `.${body}`;
            case 'k': {
                const keys = JSON.parse(body);
                return `[${Object.entries(keys).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
            }
            case 'v':
                return `[=${body}]`;
            default:
                return `[${body}]`;
        }
    })
        .join('');
}
//# sourceMappingURL=set.js.map