// Namespace validation: ValidateNamespace (name is a DNS-1123 label; spec.finalizers qualified or
// standard), ValidateNamespaceUpdate and ValidateNamespaceStatusUpdate (validation.go).
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isQualifiedName, nameIsDNSLabel } from './names.js';
import { FieldPath, invalid } from './path.js';
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
export function validateNamespace(ns) {
    const errs = validateObjectMeta(ns.metadata ?? {}, false, nameIsDNSLabel, FieldPath.of('metadata'));
    const path = FieldPath.of('spec', 'finalizers');
    for (const f of ns.spec?.finalizers ?? [])
        errs.push(...finalizerNameErrors(f, path));
    return errs;
}
/** validateFinalizerName: a qualified name, and either a standard one or domain-qualified. */
function finalizerNameErrors(f, path) {
    const errs = isQualifiedName(f).map((m) => invalid(path, f, m));
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f))
        errs.push(invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    return errs;
}
/** ValidateNamespaceFinalizeUpdate: namespaces/finalize may change spec.finalizers, each checked
 * (at its index, unlike create's). */
export function validateNamespaceFinalizeUpdate(ns, old) {
    const errs = validateNamespaceUpdate(ns, old);
    (ns.spec?.finalizers ?? []).forEach((f, i) => errs.push(...finalizerNameErrors(f, FieldPath.of('spec', 'finalizers').index(i))));
    return errs;
}
export function validateNamespaceUpdate(ns, old) {
    return validateObjectMetaUpdate(ns.metadata ?? {}, old.metadata ?? {}, FieldPath.of('metadata'));
}
export function validateNamespaceStatusUpdate(ns, old) {
    const errs = validateNamespaceUpdate(ns, old);
    const phase = ns.status?.phase ?? '';
    // Upstream's path really is `status.Phase`.
    const path = FieldPath.of('status', 'Phase');
    if (!ns.metadata?.deletionTimestamp) {
        if (phase !== 'Active')
            errs.push(invalid(path, phase, "may only be 'Active' if `deletionTimestamp` is empty"));
    }
    else if (phase !== 'Terminating') {
        errs.push(invalid(path, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"));
    }
    return errs;
}
//# sourceMappingURL=namespace.js.map