// One entry point for the four PATCH content types kube-apiserver accepts.
import { errors } from './errors.js';
import { applyApplyPatch, applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch/index.js';
/** `apply` (server-side apply) records `apply.fieldManager` in metadata.managedFields. */
export function applyPatch(type, target, patch, kind, apply = {}) {
    try {
        switch (type) {
            case 'json':
                if (!Array.isArray(patch))
                    throw errors.badRequest('json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp');
                return applyJsonPatch(target, patch);
            case 'merge':
                return applyMergePatch(target, patch);
            case 'strategic':
                return applyStrategicMergePatch(target, patch, kind);
            case 'apply':
                return applyApplyPatch(target, patch, kind, apply);
        }
    }
    catch (e) {
        if (e instanceof Error && e.name === 'StatusError')
            throw e;
        if (e.status)
            throw e;
        throw errors.badRequest(e instanceof Error ? e.message : String(e));
    }
}
//# sourceMappingURL=patch-dispatch.js.map