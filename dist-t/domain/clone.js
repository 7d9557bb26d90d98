// Copies of the plain JSON-shaped data objects are made of, for code that must change a copy
// and leave what it was given alone (decide, the controllers, validation).
export function clone(v) {
    return v === undefined ? v : plainClone(v);
}
/** structuredClone for the plain JSON-shaped data objects are made of (objects, arrays,
 * primitives), several times faster; anything else (Dates, Maps, sparse arrays, functions…)
 * goes to structuredClone itself, so the result (and any DataCloneError) is the same. */
function plainClone(v) {
    if (typeof v !== 'object' || v === null)
        return typeof v === 'function' || typeof v === 'symbol' ? structuredClone(v) : v;
    if (Array.isArray(v)) {
        const n = v.length;
        const out = new Array(n);
        for (let i = 0; i < n; i++) {
            if (!(i in v))
                return structuredClone(v);
            out[i] = plainClone(v[i]);
        }
        return out;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null)
        return structuredClone(v);
    const out = {};
    for (const k of Object.keys(v)) {
        const c = plainClone(v[k]);
        // An own "__proto__" key (JSON.parse makes one) must stay a key, not become the prototype.
        if (k === '__proto__')
            Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
        else
            out[k] = c;
    }
    return out;
}
//# sourceMappingURL=clone.js.map