// Structural equality and a small path diff for JSON-shaped values (apiequality.Semantic.DeepEqual
// over decoded objects; key order never matters).
export { deepEqual } from '../equal.js';
import { deepEqual } from '../equal.js';
/**
 * `- path: old` / `+ path: new` lines for every leaf that differs. Upstream appends go-cmp's
 * cmp.Diff of the internal structs, which has no stable format; this keeps its spirit.
 */
export function diffLines(before, after, path) {
    if (deepEqual(before, after))
        return [];
    const bothObjects = typeof before === 'object' && before !== null && typeof after === 'object' && after !== null && Array.isArray(before) === Array.isArray(after);
    if (!bothObjects) {
        const out = [];
        if (before !== undefined)
            out.push(`- ${path}: ${JSON.stringify(before)}`);
        if (after !== undefined)
            out.push(`+ ${path}: ${JSON.stringify(after)}`);
        return out;
    }
    const out = [];
    if (Array.isArray(before)) {
        const a = after;
        for (let i = 0; i < Math.max(before.length, a.length); i++)
            out.push(...diffLines(before[i], a[i], `${path}[${i}]`));
        return out;
    }
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) {
        out.push(...diffLines(before[k], after[k], `${path}.${k}`));
    }
    return out;
}
//# sourceMappingURL=equal.js.map