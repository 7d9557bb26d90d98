// Server-side apply (application/apply-patch+yaml): creates the object when it is absent and
// otherwise merges the applied configuration into it, with field ownership as kube-apiserver
// keeps it (domain/fields/managers.ts): fields the manager stopped applying are removed unless
// another manager owns them, and fields other managers own are conflicts unless forced.
import { errors } from '../errors.js';
import { serverSideApply } from '../fields/managers.js';
import { typeOfKind } from '../fields/types.js';
import { duplicateItems } from '../fields/walk.js';
import { KIND_INFO } from '../kinds.js';
import { PatchError } from './errors.js';
import { isObject } from './json.js';
/** schema.GroupVersionKind.String(): `/v1, Kind=Service`, `apps/v1, Kind=Deployment`. */
function gvkString(apiVersion, kind) {
    const av = typeof apiVersion === 'string' ? apiVersion : '';
    const slash = av.indexOf('/');
    const [group, version] = slash < 0 ? ['', av] : [av.slice(0, slash), av.slice(slash + 1)];
    return `${group}/${version}, Kind=${typeof kind === 'string' ? kind : ''}`;
}
export function applyApplyPatch(existing, applied, kind, opts = {}) {
    if (!isObject(applied))
        throw new PatchError('error decoding YAML: the applied configuration must be an object');
    const meta = applied.metadata;
    // structuredmerge.go: any list, even an empty one, is not nil.
    if (isObject(meta) && Array.isArray(meta.managedFields))
        throw new PatchError('metadata.managedFields must be nil');
    // versionCheckManager: the configuration must be of the resource's own group, version and kind.
    const gvk = gvkString(applied.apiVersion, applied.kind);
    if (gvk !== gvkString(KIND_INFO[kind].apiVersion, kind))
        throw errors.badRequest(`invalid object type: ${gvk}`);
    // The typed conversion of the configuration refuses a keyed list that repeats a key, and
    // kube-apiserver answers that as an internal error.
    const duplicate = duplicateItems(applied, typeOfKind(kind));
    if (duplicate) {
        const where = `${isObject(meta) ? String(meta.namespace ?? '') : ''}/${isObject(meta) ? String(meta.name ?? '') : ''}; ${gvk}`;
        throw errors.internal(`Internal error occurred: failed to create typed patch object (${where}): ${duplicate}`);
    }
    const req = { manager: opts.fieldManager ?? '', time: opts.time ?? '', force: opts.force ?? false, ...(opts.subresource ? { subresource: opts.subresource } : {}) };
    return serverSideApply(kind, existing, applied, req);
}
//# sourceMappingURL=apply.js.map