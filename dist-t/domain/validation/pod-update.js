// Pod updates and the pods/status subresource: ValidatePodUpdate, ValidateContainerUpdates,
// validateOnlyAddedTolerations, ValidatePodStatusUpdate, validatePodIPs, validateHostIPs.
import { clone } from '../clone.js';
import { checkTypes } from '../schemas/check-types.js';
import { deepEqual, diffLines } from './equal.js';
import { goSlice, goStruct } from './gorepr.js';
import { familyOf, isDualStack, isValidIP } from './ip.js';
import { validateObjectMetaUpdate } from './meta.js';
import { inclusiveRangeError, isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { duplicate, FIELD_IMMUTABLE, FieldPath, forbidden, invalid, required } from './path.js';
import { validatePodMetadataAndSpec, validateTolerations } from './pod.js';
const MAX_INT32 = 2147483647;
/** updatablePodSpecFields, joined with "," as upstream prints them. */
export const UPDATABLE_POD_SPEC_FIELDS = [
    '`spec.containers[*].image`',
    '`spec.initContainers[*].image`',
    '`spec.activeDeadlineSeconds`',
    '`spec.tolerations` (only additions to existing tolerations)',
    '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];
/** ValidateContainerUpdates: same count; images present and unpadded. `stop` ends the update check. */
function validateContainerUpdates(next, old, path) {
    const a = next ?? [];
    const b = old ?? [];
    if (a.length !== b.length)
        return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
    const errs = [];
    a.forEach((c, i) => {
        const image = c.image ?? '';
        if (!image)
            errs.push(required(path.index(i).child('image')));
        if (image.trim().length !== image.length)
            errs.push(invalid(path.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
    });
    return { errs, stop: false };
}
/** validateOnlyAddedTolerations: existing ones stay (their tolerationSeconds may change). */
function validateOnlyAddedTolerations(next, old, path) {
    for (const o of old) {
        const found = next.some((n) => deepEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
        if (!found)
            return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
    }
    return validateTolerations(next, path);
}
/** ValidatePodUpdate */
export function validatePodUpdate(pod, old) {
    const specPath = FieldPath.of('spec');
    const errs = validateObjectMetaUpdate(pod.metadata ?? {}, old.metadata ?? {}, FieldPath.of('metadata'));
    errs.push(...validatePodMetadataAndSpec(pod));
    const spec = pod.spec ?? {};
    const oldSpec = old.spec ?? {};
    for (const list of ['containers', 'initContainers']) {
        const r = validateContainerUpdates(spec[list], oldSpec[list], specPath.child(list));
        errs.push(...r.errs);
        if (r.stop)
            return errs;
    }
    const ads = spec.activeDeadlineSeconds;
    const oldAds = oldSpec.activeDeadlineSeconds;
    if (ads !== undefined && ads !== null) {
        if (ads < 0 || ads > MAX_INT32) {
            errs.push(invalid(specPath.child('activeDeadlineSeconds'), ads, inclusiveRangeError(0, MAX_INT32)));
            return errs;
        }
        if (oldAds !== undefined && oldAds !== null && oldAds < ads) {
            errs.push(invalid(specPath.child('activeDeadlineSeconds'), ads, 'must be less than or equal to previous value'));
            return errs;
        }
    }
    else if (oldAds !== undefined && oldAds !== null) {
        errs.push(invalid(specPath.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
    }
    const tolerations = spec.tolerations ?? [];
    errs.push(...validateOnlyAddedTolerations(tolerations, oldSpec.tolerations ?? [], specPath.child('tolerations')));
    if (deepEqual(spec, oldSpec))
        return errs;
    // Munge the updatable fields back to their old values; whatever still differs is forbidden.
    const munged = clone(spec);
    const mungeImages = (list) => {
        const cs = munged[list];
        cs?.forEach((c, i) => {
            const oldImage = oldSpec[list]?.[i]?.image;
            if (oldImage === undefined)
                delete c.image;
            else
                c.image = oldImage;
        });
    };
    mungeImages('containers');
    mungeImages('initContainers');
    setOrDelete(munged, 'activeDeadlineSeconds', oldSpec.activeDeadlineSeconds);
    setOrDelete(munged, 'schedulingGates', oldSpec.schedulingGates);
    setOrDelete(munged, 'tolerations', oldSpec.tolerations);
    const oldGrace = oldSpec.terminationGracePeriodSeconds;
    if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1)
        munged.terminationGracePeriodSeconds = oldGrace;
    // Quantities compare by value, as the internal objects do: a spec stored before quantities were
    // written canonically (`0.5`) is the same spec as the one read back and sent again (`500m`).
    const [was, now] = [withCanonicalQuantities(oldSpec), withCanonicalQuantities(munged)];
    if (!deepEqual(now, was)) {
        const diff = diffLines(was, now, 'spec').join('\n');
        errs.push(forbidden(specPath, `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${diff}`));
    }
    return errs;
}
function setOrDelete(o, k, v) {
    if (v === undefined)
        delete o[k];
    else
        o[k] = clone(v);
}
const SYSTEM_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized']);
const podIPGo = (p) => goStruct('core.PodIP', [['IP', p.ip ?? '']]);
const hostIPGo = (p) => goStruct('core.HostIP', [['IP', p.ip ?? '']]);
/**
 * validatePodIPs / validateHostIPs over the internal form. The v1 conversion fills podIPs from
 * podIP when only the latter is given; when both are given they must agree (as hostIPs[0] must
 * equal hostIP upstream).
 */
function validateIPList(single, list, name, goOf, goType) {
    const entries = list?.length ? list : single ? [{ ip: single }] : [];
    const field = FieldPath.of('status', `${name}s`);
    const errs = [];
    if (!entries.length)
        return errs;
    if (single && entries[0].ip !== single) {
        errs.push(invalid(field.index(0).child('ip'), entries[0].ip, `must be equal to \`${name}\``));
    }
    entries.forEach((e, i) => errs.push(...isValidIP(field.index(i), e.ip ?? '')));
    if (entries.length > 1) {
        const dup = () => {
            const seen = new Set();
            entries.forEach((e, i) => {
                if (seen.has(e.ip))
                    errs.push(duplicate(field.index(i), goOf(e)));
                seen.add(e.ip);
            });
        };
        // validateHostIPs checks duplicates first, validatePodIPs after the family check.
        if (name === 'hostIP')
            dup();
        if (!isDualStack(entries.map((e) => familyOf(e.ip ?? ''))) || entries.length > 2) {
            errs.push(invalid(field, goSlice(`[]${goType}`, entries.map(goOf)), 'may specify no more than one IP for each IP family'));
        }
        if (name === 'podIP')
            dup();
    }
    return errs;
}
/** ValidatePodStatusUpdate (the network-relevant subset). */
export function validatePodStatusUpdate(pod, old) {
    const meta = FieldPath.of('metadata');
    const errs = validateObjectMetaUpdate(pod.metadata ?? {}, old.metadata ?? {}, meta);
    const status = pod.status ?? {};
    // validatePodConditions is handed the metadata path upstream, hence `metadata.conditions[i].Type`.
    (status.conditions ?? []).forEach((c, i) => {
        if (SYSTEM_CONDITIONS.has(c.type))
            return;
        for (const m of isQualifiedName(c.type ?? ''))
            errs.push(invalid(meta.child('conditions').index(i).child('Type'), c.type ?? '', m));
    });
    const statusPath = FieldPath.of('status');
    if ((pod.spec?.nodeName ?? '') !== (old.spec?.nodeName ?? ''))
        errs.push(forbidden(statusPath.child('nodeName'), 'may not be changed directly'));
    const nominated = status.nominatedNodeName ?? '';
    if (nominated && nominated !== (old.status?.nominatedNodeName ?? '')) {
        for (const m of nameIsDNSSubdomain(nominated, false))
            errs.push(invalid(statusPath.child('nominatedNodeName'), nominated, m));
    }
    const qos = status.qosClass;
    const oldQos = old.status?.qosClass ?? '';
    if (qos !== undefined && qos !== oldQos)
        errs.push(invalid(statusPath.child('qosClass'), qos, FIELD_IMMUTABLE));
    errs.push(...validateIPList(status.podIP, status.podIPs, 'podIP', podIPGo, 'core.PodIP'));
    errs.push(...validateIPList(status.hostIP, status.hostIPs, 'hostIP', hostIPGo, 'core.HostIP'));
    return errs;
}
function withCanonicalQuantities(spec) {
    const pod = { spec: clone(spec) };
    checkTypes('Pod', pod).canonicalizeQuantities();
    return pod.spec;
}
//# sourceMappingURL=pod-update.js.map