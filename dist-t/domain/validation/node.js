// Node validation: ValidateNode, validateNodeTaints, ValidateNodeUpdate (validation.go). The v1
// conversion turns spec.podCIDR into podCIDRs when only the former is given; when both are given
// they must agree (the internal type keeps podCIDRs only, podCIDR is always podCIDRs[0]).
import { goStrings, goStruct } from './gorepr.js';
import { isDualStack, isValidCIDR, parseCIDR } from './ip.js';
import { validateLabelName, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isValidLabelValue, nameIsDNSSubdomain } from './names.js';
import { duplicate, FieldPath, forbidden, invalid, notSupported, required } from './path.js';
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** The internal podCIDRs: the list, or the lone podCIDR. */
export function podCIDRsOf(node) {
    const s = node.spec ?? {};
    if (s.podCIDRs?.length)
        return s.podCIDRs;
    return s.podCIDR ? [s.podCIDR] : [];
}
/** validateNodeTaints; upstream hands it the metadata path, hence `metadata.taints[i]`. */
function validateNodeTaints(taints, path) {
    const errs = [];
    const unique = new Map();
    taints.forEach((t, i) => {
        const p = path.index(i);
        const key = t.key ?? '';
        const effect = t.effect ?? '';
        errs.push(...validateLabelName(key, p.child('key')));
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length)
            errs.push(invalid(p.child('value'), t.value ?? '', msgs.join(';')));
        if (!effect)
            errs.push(required(p.child('effect')));
        else if (!TAINT_EFFECTS.includes(effect))
            errs.push(notSupported(p.child('effect'), effect, TAINT_EFFECTS));
        const keys = unique.get(effect) ?? new Set();
        if (keys.has(key)) {
            const go = goStruct('core.Taint', [
                ['Key', key],
                ['Value', t.value ?? ''],
                ['Effect', effect],
                ['TimeAdded', t.timeAdded ? { goSyntax: '(*v1.Time)(<set>)' } : { nilPointer: '*v1.Time' }],
            ]);
            errs.push(duplicate(p, go, 'taints must be unique by key and effect pair'));
            return;
        }
        keys.add(key);
        unique.set(effect, keys);
    });
    return errs;
}
/** ValidateNode */
export function validateNode(node) {
    const meta = FieldPath.of('metadata');
    const errs = validateObjectMeta(node.metadata ?? {}, false, nameIsDNSSubdomain, meta);
    const spec = node.spec ?? {};
    if (spec.taints?.length)
        errs.push(...validateNodeTaints(spec.taints, meta.child('taints')));
    const cidrs = podCIDRsOf(node);
    const path = FieldPath.of('spec', 'podCIDRs');
    if (spec.podCIDR && spec.podCIDRs?.length && spec.podCIDRs[0] !== spec.podCIDR) {
        errs.push(invalid(path.index(0), spec.podCIDRs[0], 'must be equal to `podCIDR`'));
    }
    cidrs.forEach((c, i) => errs.push(...isValidCIDR(path.index(i), c)));
    if (cidrs.length > 1) {
        const fams = cidrs.map((c) => parseCIDR(c)?.ip.family ?? null);
        if (!isDualStack(fams) || cidrs.length > 2) {
            errs.push(invalid(path, goStrings(cidrs), 'may specify no more than one CIDR for each IP family'));
        }
        const seen = new Set();
        cidrs.forEach((c, i) => {
            if (seen.has(c))
                errs.push(duplicate(path.index(i), c));
            seen.add(c);
        });
    }
    return errs;
}
/** ValidateNodeUpdate: status addresses unique; podCIDRs and providerID fixed once set. */
export function validateNodeUpdate(node, old) {
    const meta = FieldPath.of('metadata');
    const errs = validateObjectMetaUpdate(node.metadata ?? {}, old.metadata ?? {}, meta);
    const seen = new Set();
    (node.status?.addresses ?? []).forEach((a, i) => {
        const k = `${a.type}\u0000${a.address}`;
        if (seen.has(k)) {
            errs.push(duplicate(FieldPath.of('status', 'addresses').index(i), goStruct('core.NodeAddress', [['Type', a.type ?? ''], ['Address', a.address ?? '']])));
        }
        seen.add(k);
    });
    const oldCIDRs = podCIDRsOf(old);
    const cidrs = podCIDRsOf(node);
    const cidrPath = FieldPath.of('spec', 'podCIDRs');
    const msg = 'node updates may not change podCIDR except from "" to valid';
    if (oldCIDRs.length) {
        if (oldCIDRs.length !== cidrs.length)
            errs.push(forbidden(cidrPath, msg));
        else
            oldCIDRs.forEach((c, i) => c !== cidrs[i] && errs.push(forbidden(cidrPath, msg)));
    }
    const oldProvider = old.spec?.providerID ?? '';
    if (oldProvider && oldProvider !== (node.spec?.providerID ?? '')) {
        errs.push(forbidden(FieldPath.of('spec', 'providerID'), 'node updates may not change providerID except from "" to valid'));
    }
    if (node.spec?.taints?.length)
        errs.push(...validateNodeTaints(node.spec.taints, meta.child('taints')));
    return errs;
}
//# sourceMappingURL=node.js.map