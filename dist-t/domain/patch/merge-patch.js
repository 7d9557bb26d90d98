// RFC 7386 JSON merge patch (application/merge-patch+json): objects merge key by key, `null`
// deletes a key, anything else — arrays included — replaces the target value wholesale.
import { clone } from '../clone.js';
import { PatchError } from './errors.js';
import { isObject } from './json.js';
function mergePatch(target, patch) {
    if (!isObject(patch))
        return clone(patch);
    const out = isObject(target) ? { ...target } : {};
    for (const [k, v] of Object.entries(patch)) {
        if (v === null)
            delete out[k];
        else
            out[k] = mergePatch(out[k], v);
    }
    return out;
}
/** Applies `patch` to `target` without mutating either. The document stays an object. */
export function applyMergePatch(target, patch) {
    if (!isObject(patch))
        throw new PatchError(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
    return mergePatch(clone(target), patch);
}
export function jsonKind(v) {
    if (Array.isArray(v))
        return 'array';
    if (v === null)
        return 'null';
    return typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v;
}
//# sourceMappingURL=merge-patch.js.map