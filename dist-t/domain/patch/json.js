// JSON values as the patch functions see them. Patches never mutate their inputs: every
// function works on copies (domain/clone.ts).
export function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
/** Go's reflect.DeepEqual over decoded JSON. */
export function jsonEqual(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a))
        return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
    if (isObject(a) && isObject(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
    }
    return false;
}
/** How Go's %v prints a decoded JSON value: enough to mirror upstream error texts. */
export function goString(v) {
    if (Array.isArray(v))
        return `[${v.map(goString).join(' ')}]`;
    if (isObject(v)) {
        const keys = Object.keys(v).sort();
        return `map[${keys.map((k) => `${k}:${goString(v[k])}`).join(' ')}]`;
    }
    if (v === null || v === undefined)
        return '<nil>';
    return String(v);
}
//# sourceMappingURL=json.js.map