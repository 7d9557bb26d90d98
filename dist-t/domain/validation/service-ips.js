// clusterIPs / ipFamilies / ipFamilyPolicy: ValidateServiceClusterIPsRelatedFields,
// validateUpgradeDowngradeClusterIPs and validateUpgradeDowngradeIPFamilies (validation.go), and
// the checks the service REST allocator makes before it allocates (pkg/registry/core/service/
// storage/alloc.go initIPFamilyFields, ipallocator / portallocator range errors).
import { goSlice, goStrings } from './gorepr.js';
import { familyOf, inAllocatableRange, isDualStack, isValidIP, parseCIDR, parseIP } from './ip.js';
import { duplicate, FieldPath, invalid, notSupported, required } from './path.js';
const SUPPORTED_IP_FAMILIES = ['IPv4', 'IPv6'];
const SUPPORTED_IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack']; // sets.List: sorted
const clusterIPsPath = FieldPath.of('spec', 'clusterIPs');
const ipFamiliesPath = FieldPath.of('spec', 'ipFamilies');
const ipFamilyPolicyPath = FieldPath.of('spec', 'ipFamilyPolicy');
export const isHeadless = (s) => s.clusterIPs?.length === 1 && s.clusterIPs[0] === 'None';
const families = (fs) => goSlice('[]core.IPFamily', fs ?? []);
/** ValidateServiceClusterIPsRelatedFields */
export function validateClusterIPsRelatedFields(spec) {
    if (spec.type === 'ExternalName')
        return [];
    const errs = [];
    let hasInvalidIPs = false;
    const ips = spec.clusterIPs ?? [];
    if (spec.clusterIP) {
        if (ips.length === 0)
            errs.push(required(clusterIPsPath));
        else if (ips[0] !== spec.clusterIP)
            errs.push(invalid(clusterIPsPath, goStrings(ips), 'first value must match `clusterIP`'));
    }
    else if (ips.length) {
        errs.push(invalid(clusterIPsPath, goStrings(ips), 'must be empty when `clusterIP` is not specified'));
    }
    const seen = new Set();
    (spec.ipFamilies ?? []).forEach((f, i) => {
        if (!SUPPORTED_IP_FAMILIES.includes(f))
            errs.push(notSupported(ipFamiliesPath.index(i), f, SUPPORTED_IP_FAMILIES));
        if (seen.has(f))
            errs.push(duplicate(ipFamiliesPath.index(i), f));
        seen.add(f);
    });
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null && !SUPPORTED_IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
        errs.push(notSupported(ipFamilyPolicyPath, spec.ipFamilyPolicy, SUPPORTED_IP_FAMILY_POLICIES));
    }
    ips.forEach((ip, i) => {
        if (i === 0 && ip === 'None') {
            if (ips.length > 1) {
                hasInvalidIPs = true;
                errs.push(invalid(clusterIPsPath, goStrings(ips), "'None' must be the first and only value"));
            }
            return;
        }
        const e = isValidIP(clusterIPsPath.index(i), ip);
        if (e.length)
            hasInvalidIPs = true;
        errs.push(...e);
    });
    if (ips.length > 2)
        errs.push(invalid(clusterIPsPath, goStrings(ips), 'may only hold up to 2 values'));
    if (hasInvalidIPs)
        return errs;
    if (ips.length > 1 && !isDualStack(ips.map(familyOf))) {
        errs.push(invalid(clusterIPsPath, goStrings(ips), 'may specify no more than one IP for each IP family'));
    }
    const fams = spec.ipFamilies ?? [];
    if (!isHeadless(spec) && ips.length && fams.length) {
        ips.forEach((ip, i) => {
            if (i > fams.length - 1)
                return;
            const v6 = familyOf(ip) === 'IPv6';
            if (fams[i] === 'IPv4' && v6)
                errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
            if (fams[i] === 'IPv6' && !v6)
                errs.push(invalid(clusterIPsPath.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
        });
    }
    return errs;
}
/** validateUpgradeDowngradeClusterIPs: clusterIPs[0] never changes; a secondary may be added or released. */
export function validateUpgradeDowngradeClusterIPs(old, spec) {
    if (spec.type === 'ExternalName' || old.type === 'ExternalName')
        return [];
    if (isHeadless(old) && isHeadless(spec))
        return [];
    const errs = [];
    const o = old.clusterIPs ?? [];
    const n = spec.clusterIPs ?? [];
    const changed = invalid(clusterIPsPath.index(0), goStrings(n), 'may not change once set');
    if (o.length === n.length) {
        o.forEach((ip, i) => {
            if (ip !== n[i])
                errs.push(invalid(clusterIPsPath.index(i), goStrings(n), 'may not change once set'));
        });
    }
    else if (o.length > n.length) {
        if (n.length === 0)
            errs.push(invalid(clusterIPsPath.index(0), goStrings(n), 'primary clusterIP can not be unset'));
        if (o.length > 0 && n.length > 0 && n[0] !== o[0])
            errs.push(changed);
        if (n.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
            errs.push(invalid(ipFamilyPolicyPath, spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
        }
    }
    else if (o.length > 0 && n[0] !== o[0]) {
        errs.push(changed);
    }
    return errs;
}
/** validateUpgradeDowngradeIPFamilies (upstream reports the clusterIPs as the value in two places). */
export function validateUpgradeDowngradeIPFamilies(old, spec) {
    if (spec.type === 'ExternalName' || old.type === 'ExternalName')
        return [];
    if (isHeadless(old) !== isHeadless(spec) || isHeadless(spec))
        return [];
    const errs = [];
    const o = old.ipFamilies ?? [];
    const n = spec.ipFamilies ?? [];
    if (o.length === n.length) {
        o.forEach((f, i) => {
            if (f !== n[i])
                errs.push(invalid(ipFamiliesPath.index(0), families(n), 'may not change once set'));
        });
    }
    else if (o.length > n.length) {
        if (!spec.clusterIPs?.length)
            errs.push(invalid(ipFamiliesPath.index(0), families(n), 'primary ipFamily can not be unset'));
        if (n.length > 0 && n[0] !== o[0])
            errs.push(invalid(ipFamiliesPath.index(0), goStrings(spec.clusterIPs), 'may not change once set'));
        if (n.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
            errs.push(invalid(ipFamilyPolicyPath, spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary ipFamily"));
        }
    }
    else if (o.length > 0 && n.length > 0 && n[0] !== o[0]) {
        errs.push(invalid(ipFamiliesPath.index(0), goStrings(spec.clusterIPs), 'may not change once set'));
    }
    return errs;
}
function configuredFamilies(ctx) {
    const out = new Map();
    for (const c of ctx.serviceCIDRs) {
        const p = parseCIDR(c);
        if (p && !out.has(p.ip.family))
            out.set(p.ip.family, c);
    }
    return out;
}
/**
 * What the allocator rejects before it allocates (alloc.go initIPFamilyFields + allocIPs +
 * allocNodePort): the policy against the given IPs/families, families the cluster lacks, and
 * user-given cluster IPs and node ports outside the configured ranges. Collisions are the
 * allocator's. On update only newly given IPs/ports are range-checked.
 */
export function allocationChecks(svc, old, ctx) {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName')
        return [];
    const errs = [];
    const configured = configuredFamilies(ctx);
    const ips = spec.clusterIPs ?? [];
    const oldSpec = old?.spec;
    const headlessSelectorless = spec.clusterIP === 'None' && Object.keys(spec.selector ?? {}).length === 0;
    const policy = spec.ipFamilyPolicy ?? (oldSpec?.ipFamilyPolicy || (headlessSelectorless ? 'RequireDualStack' : 'SingleStack'));
    if (policy === 'SingleStack') {
        if (ips.length === 2)
            errs.push(invalid(ipFamilyPolicyPath, policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
        if ((spec.ipFamilies?.length ?? 0) === 2) {
            errs.push(invalid(ipFamilyPolicyPath, policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
        }
    }
    const fams = [...(spec.ipFamilies ?? [])];
    for (let i = 0; i < ips.length; i++) {
        if (ips[i] === 'None')
            break;
        const fam = familyOf(ips[i]);
        if (!fam || i < fams.length)
            continue;
        if (!configured.has(fam))
            errs.push(invalid(clusterIPsPath.index(i), goStrings(ips), `${fam} is not configured on this cluster`));
        else
            fams.push(fam);
    }
    if (errs.length)
        return errs;
    if (headlessSelectorless)
        return [];
    if (policy === 'RequireDualStack' && configured.size < 2) {
        errs.push(invalid(ipFamilyPolicyPath, policy, 'this cluster is not configured for dual-stack services'));
    }
    fams.forEach((f, i) => {
        if (!configured.has(f))
            errs.push(invalid(ipFamiliesPath.index(i), f, 'not configured on this cluster'));
    });
    if (errs.length)
        return errs;
    if (!isHeadless(spec)) {
        const before = new Set(oldSpec?.clusterIPs ?? []);
        for (const ip of ips) {
            if (!ip || before.has(ip))
                continue;
            const parsed = parseIP(ip);
            const range = parsed && configured.get(parsed.family);
            const cidr = range && parseCIDR(range);
            if (!parsed || !range || !cidr)
                continue;
            if (!inAllocatableRange(parsed, cidr)) {
                const shown = canonical(ip);
                errs.push(invalid(clusterIPsPath, goStrings(ips), `failed to allocate IP ${ip}: the provided IP (${shown}) is not in the valid range. The range of valid IPs is ${range}`));
                return errs;
            }
        }
    }
    const { min, max } = ctx.nodePortRange;
    const oldNodePorts = new Set((oldSpec?.ports ?? []).map((p) => p.nodePort ?? 0));
    (spec.ports ?? []).forEach((p, i) => {
        const np = p.nodePort ?? 0;
        if (!np || oldNodePorts.has(np) || (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer'))
            return;
        if (np < min || np > max) {
            errs.push(invalid(FieldPath.of('spec', 'ports').index(i).child('nodePort'), np, `provided port is not in the valid range. The range of valid ports is ${min}-${max}`));
        }
    });
    return errs.slice(0, 1);
}
/** net.IP.String() of a parsed address: dotted quad, or RFC 5952 for IPv6. */
function canonical(ip) {
    const p = parseIP(ip);
    if (p.family === 'IPv4')
        return p.bytes.join('.');
    const groups = [];
    for (let i = 0; i < 16; i += 2)
        groups.push(((p.bytes[i] << 8) | p.bytes[i + 1]).toString(16));
    let best = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
        if (groups[i] !== '0') {
            i++;
            continue;
        }
        let j = i;
        while (j < 8 && groups[j] === '0')
            j++;
        if (j - i > bestLen) {
            best = i;
            bestLen = j - i;
        }
        i = j;
    }
    if (best < 0)
        return groups.join(':');
    return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLen).join(':')}`;
}
//# sourceMappingURL=service-ips.js.map