// core/v1 Event validation: legacyValidateEvent (validation/events.go), the only event rules a
// v1 request meets upstream, then the generic ObjectMeta checks the registry runs after the
// strategy (rest.BeforeCreate / BeforeUpdate) with path-segment names.
import { validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isDNS1123Subdomain, isQualifiedName, nameIsPathSegment } from './names.js';
import { FieldPath, invalid, required } from './path.js';
const REPORTING_INSTANCE_LIMIT = 128;
const ACTION_LIMIT = 128;
const REASON_LIMIT = 128;
const NOTE_LIMIT = 1024;
/** Go's len(): UTF-8 bytes. */
const bytes = (s) => Buffer.byteLength(s ?? '');
function legacyValidateEvent(ev) {
    const errs = [];
    const namespace = ev.metadata.namespace ?? '';
    const involvedNs = ev.involvedObject?.namespace ?? '';
    const mismatch = () => invalid(FieldPath.of('involvedObject', 'namespace'), involvedNs, 'does not match event.namespace');
    if (!ev.eventTime) {
        // An event about a cluster-scoped object lives in `default` (or nowhere, for old clients).
        if (involvedNs === '' ? namespace !== '' && namespace !== 'default' : namespace !== involvedNs)
            errs.push(mismatch());
    }
    else {
        // "New" events (eventTime set) name who reported them and what was done.
        if (involvedNs === '' && namespace !== 'default' && namespace !== 'kube-system')
            errs.push(mismatch());
        const controller = ev.reportingComponent ?? '';
        const controllerPath = FieldPath.of('reportingComponent');
        if (!controller)
            errs.push(required(controllerPath));
        for (const m of isQualifiedName(controller))
            errs.push(invalid(controllerPath, controller, m));
        const limited = (field, limit) => {
            if (!ev[field])
                errs.push(required(FieldPath.of(field)));
            if (bytes(ev[field]) > limit)
                errs.push(invalid(FieldPath.of(field), '', `can have at most ${limit} characters`));
        };
        limited('reportingInstance', REPORTING_INSTANCE_LIMIT);
        limited('action', ACTION_LIMIT);
        limited('reason', REASON_LIMIT);
        if (bytes(ev.message) > NOTE_LIMIT)
            errs.push(invalid(FieldPath.of('message'), '', `can have at most ${NOTE_LIMIT} characters`));
    }
    for (const m of isDNS1123Subdomain(namespace))
        errs.push(invalid(FieldPath.of('namespace'), namespace, m));
    return errs;
}
/** The strategy's Validate; only when it passes, ValidateObjectMetaAccessor (its own 422). */
export function validateEvent(ev) {
    const errs = legacyValidateEvent(ev);
    return errs.length ? errs : validateObjectMeta(ev.metadata, true, nameIsPathSegment, FieldPath.of('metadata'));
}
/** validateCommonFields (the metadata update rules), then the strategy's ValidateUpdate. */
export function validateEventUpdate(ev, old) {
    return [...validateObjectMetaUpdate(ev.metadata, old.metadata, FieldPath.of('metadata')), ...legacyValidateEvent(ev)];
}
//# sourceMappingURL=event.js.map