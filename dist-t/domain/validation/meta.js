// ObjectMeta rules: apimachinery/pkg/api/validation/objectmeta.go (ValidateObjectMetaAccessor,
// ValidateObjectMetaAccessorUpdate), metav1 validation's ValidateLabels, plus the core group's
// validateKubeFinalizerName (pkg/apis/core/validation ValidateObjectMeta).
import { goQuote, goStrings } from './gorepr.js';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel } from './names.js';
import { FIELD_IMMUTABLE, forbidden, immutable, invalid, required, tooLong } from './path.js';
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);
/** metav1validation.ValidateLabelName */
export function validateLabelName(name, path) {
    return isQualifiedName(name).map((m) => invalid(path, name, m));
}
/** metav1validation.ValidateLabels: every error is reported on the map's path, not per key. */
export function validateLabels(labels, path) {
    const errs = [];
    for (const [k, v] of Object.entries(labels ?? {})) {
        errs.push(...validateLabelName(k, path));
        for (const m of isValidLabelValue(String(v)))
            errs.push(invalid(path, String(v), m));
    }
    return errs;
}
/** ValidateAnnotations: keys are qualified names (case-insensitively), total size ≤ 256 KiB. */
export function validateAnnotations(annotations, path) {
    const errs = [];
    let total = 0;
    for (const [k, v] of Object.entries(annotations ?? {})) {
        for (const m of isQualifiedName(k.toLowerCase()))
            errs.push(invalid(path, k, m));
        total += Buffer.byteLength(k) + Buffer.byteLength(String(v));
    }
    if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B)
        errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
    return errs;
}
/** validateOwnerReference / ValidateOwnerReferences */
function validateOwnerReferences(refs, path) {
    const errs = [];
    let firstController = '';
    for (const ref of refs ?? []) {
        const apiVersion = ref.apiVersion ?? '';
        const parts = apiVersion.split('/');
        const version = parts.length === 1 ? parts[0] : parts.length === 2 ? parts[1] : '';
        if (!version)
            errs.push(invalid(path.child('apiVersion'), apiVersion, 'version must not be empty'));
        if (!ref.kind)
            errs.push(invalid(path.child('kind'), ref.kind ?? '', 'kind must not be empty'));
        if (!ref.name)
            errs.push(invalid(path.child('name'), ref.name ?? '', 'name must not be empty'));
        if (!ref.uid)
            errs.push(invalid(path.child('uid'), ref.uid ?? '', 'uid must not be empty'));
        if (version === 'v1' && parts.length === 1 && ref.kind === 'Event') {
            errs.push(invalid(path, { goSyntax: ownerRefGoSyntax(ref) }, '/v1, Kind=Event is disallowed from being an owner'));
        }
        if (ref.controller) {
            const cur = `${ref.kind}/${ref.name}`;
            if (firstController) {
                errs.push(invalid(path, { goSyntax: `[]v1.OwnerReference{${(refs ?? []).map(ownerRefGoSyntax).join(', ')}}` }, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
            }
            else
                firstController = cur;
        }
    }
    return errs;
}
function ownerRefGoSyntax(r) {
    const ptrBool = (b) => (b === undefined ? '(*bool)(nil)' : `(*bool)(${b})`);
    return `v1.OwnerReference{APIVersion:${goQuote(r.apiVersion ?? '')}, Kind:${goQuote(r.kind ?? '')}, Name:${goQuote(r.name ?? '')}, UID:${goQuote(r.uid ?? '')}, Controller:${ptrBool(r.controller)}, BlockOwnerDeletion:${ptrBool(r.blockOwnerDeletion)}}`;
}
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);
/** ValidateFinalizers + the core group's validateKubeFinalizerName. */
function validateFinalizers(finalizers, path) {
    const errs = [];
    const list = finalizers ?? [];
    for (const f of list)
        for (const m of isQualifiedName(f))
            errs.push(invalid(path, f, m));
    if (list.includes('orphan') && list.includes('foregroundDeletion')) {
        errs.push(invalid(path, goStrings(list), 'finalizer orphan and foregroundDeletion cannot be both set'));
    }
    list.forEach((f, i) => {
        if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
            errs.push(invalid(path.index(i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
        }
    });
    return errs;
}
/**
 * generateName's stand-in for the name the server will derive: SimpleNameGenerator keeps at
 * most 58 characters and appends 5 from a lower-case consonant/digit alphabet.
 */
export const generatedNameFor = (generateName) => `${generateName.slice(0, 58)}bbbbb`;
/** ValidateObjectMeta (create) */
export function validateObjectMeta(meta, namespaced, nameFn, path) {
    const errs = [];
    const generateName = meta.generateName ?? '';
    if (generateName)
        for (const m of nameFn(generateName, true))
            errs.push(invalid(path.child('generateName'), generateName, m));
    // Upstream generates the name before validating; if the caller has not, validate what it will be.
    const name = meta.name || (generateName ? generatedNameFor(generateName) : '');
    if (!name)
        errs.push(required(path.child('name'), 'name or generateName is required'));
    else
        for (const m of nameFn(name, false))
            errs.push(invalid(path.child('name'), name, m));
    errs.push(...validateMetaCommon(meta, namespaced, path));
    return errs;
}
function validateMetaCommon(meta, namespaced, path) {
    const errs = [];
    const ns = meta.namespace ?? '';
    if (namespaced) {
        if (!ns)
            errs.push(required(path.child('namespace')));
        else
            for (const m of nameIsDNSLabel(ns, false))
                errs.push(invalid(path.child('namespace'), ns, m));
    }
    else if (ns) {
        errs.push(forbidden(path.child('namespace'), 'not allowed on this type'));
    }
    if (meta.generation !== undefined && meta.generation < 0) {
        errs.push(invalid(path.child('generation'), meta.generation, 'must be greater than or equal to 0'));
    }
    errs.push(...validateLabels(meta.labels, path.child('labels')));
    errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
    errs.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')));
    errs.push(...validateFinalizers(meta.finalizers, path.child('finalizers')));
    return errs;
}
/** ValidateObjectMetaUpdate */
export function validateObjectMetaUpdate(meta, old, path) {
    const errs = [];
    if (old.deletionTimestamp) {
        const oldSet = new Set(old.finalizers ?? []);
        const extra = [...new Set((meta.finalizers ?? []).filter((f) => !oldSet.has(f)))].sort();
        if (extra.length) {
            errs.push(forbidden(path.child('finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers ${goStrings(extra).goSyntax}`));
        }
    }
    // An unconditional update gets the stored resourceVersion before validation (store.Update).
    const rv = meta.resourceVersion ?? old.resourceVersion ?? '';
    if (!rv)
        errs.push(invalid(path.child('resourceVersion'), rv, 'must be specified for an update'));
    if ((meta.generation ?? 0) < (old.generation ?? 0)) {
        errs.push(invalid(path.child('generation'), meta.generation ?? 0, 'must not be decremented'));
    }
    errs.push(...immutable(meta.name ?? '', old.name ?? '', path.child('name')));
    errs.push(...immutable(meta.namespace ?? '', old.namespace ?? '', path.child('namespace')));
    // BeforeUpdate copies the stored uid when the request leaves it out.
    errs.push(...immutable(meta.uid || old.uid || '', old.uid ?? '', path.child('uid')));
    if ((meta.deletionTimestamp ?? null) !== (old.deletionTimestamp ?? null)) {
        errs.push(invalid(path.child('deletionTimestamp'), meta.deletionTimestamp ? { goSyntax: goTimeString(meta.deletionTimestamp) } : null, FIELD_IMMUTABLE));
    }
    if ((meta.deletionGracePeriodSeconds ?? null) !== (old.deletionGracePeriodSeconds ?? null)) {
        errs.push(invalid(path.child('deletionGracePeriodSeconds'), meta.deletionGracePeriodSeconds ?? null, FIELD_IMMUTABLE));
    }
    errs.push(...validateLabels(meta.labels, path.child('labels')));
    errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
    errs.push(...validateOwnerReferences(meta.ownerReferences, path.child('ownerReferences')));
    (meta.finalizers ?? []).forEach((f, i) => {
        if (!f.includes('/') && !STANDARD_FINALIZERS.has(f)) {
            errs.push(invalid(path.child('finalizers').index(i), f, 'name is neither a standard finalizer name nor is it fully qualified'));
        }
    });
    return errs;
}
/** A metav1.Time as field errors print it (time.Time's String): `2024-01-02 03:04:05 +0000 UTC`.
 * Stored times are UTC, whole seconds (schemas/times.ts). */
function goTimeString(rfc3339) {
    const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})Z$/.exec(rfc3339);
    return m ? `${m[1]} ${m[2]} +0000 UTC` : rfc3339;
}
export { FIELD_IMMUTABLE };
//# sourceMappingURL=meta.js.map