// The parts of ValidatePodSpec (pkg/apis/core/validation/validation.go) that concern what runs
// rather than how it is reached: volumes and their mounts, environment variables, resource
// requirements, probes, security contexts' user and group ids, node affinity and the DNS config.
// A control plane that accepted what kube-apiserver refuses would let a manifest "work" here and
// fail on a real cluster.
import { canonicalQuantity, NANOS_PER_UNIT, quantityNanos } from '../quantity.js';
import { validateLabelName } from './meta.js';
import { inclusiveRangeError, isDNS1123Label, isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { duplicate, forbidden, invalid, notFound, required } from './path.js';
import { goQuote } from './gorepr.js';
import { isValidIP } from './ip.js';
/** %#v of a []string, as a field error prints the list it refuses. */
const goStrings = (list) => ({ goSyntax: `[]string{${list.map((s) => goQuote(String(s))).join(', ')}}` });
const asObject = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? v : undefined);
const asList = (v) => (Array.isArray(v) ? v : []);
/** Every VolumeSource member, of which a volume names exactly one, in the order
 * validateVolumeSource checks them (the first is the volume's, the others are forbidden). */
const VOLUME_SOURCES = [
    'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
    'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
    'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected', 'scaleIO',
    'csi', 'ephemeral', 'image',
];
/** ValidateVolumes (names and the one-source rule): the names, for the mounts to refer to. */
export function validateVolumes(volumes, path) {
    const errs = [];
    const names = new Set();
    asList(volumes).forEach((v, i) => {
        const p = path.index(i);
        const vol = asObject(v) ?? {};
        const name = typeof vol.name === 'string' ? vol.name : '';
        // The source first, then the name; a volume with any error is no volume a mount may name.
        const own = [];
        const sources = VOLUME_SOURCES.filter((s) => vol[s] !== undefined && vol[s] !== null);
        if (sources.length === 0)
            own.push(required(p, 'must specify a volume type'));
        for (const extra of sources.slice(1))
            own.push(forbidden(p.child(extra), 'may not specify more than 1 volume type'));
        if (!name)
            own.push(required(p.child('name')));
        else
            for (const m of isDNS1123Label(name))
                own.push(invalid(p.child('name'), name, m));
        if (names.has(name))
            own.push(duplicate(p.child('name'), name));
        if (own.length === 0)
            names.add(name);
        errs.push(...own);
    });
    return { errs, names };
}
/** ValidateVolumeMounts: a mount names a volume of the pod, at a path of its own. */
export function validateVolumeMounts(mounts, volumes, path) {
    const errs = [];
    const paths = new Set();
    asList(mounts).forEach((m, i) => {
        const p = path.index(i);
        const mount = asObject(m) ?? {};
        const name = typeof mount.name === 'string' ? mount.name : '';
        if (!name)
            errs.push(required(p.child('name')));
        else if (!volumes.has(name))
            errs.push(notFound(p.child('name'), name));
        const at = typeof mount.mountPath === 'string' ? mount.mountPath : '';
        if (!at)
            errs.push(required(p.child('mountPath')));
        else if (paths.has(at))
            errs.push(invalid(p.child('mountPath'), at, 'must be unique'));
        else
            paths.add(at);
    });
    return errs;
}
const ENV_SOURCES = ['configMapKeyRef', 'fieldRef', 'resourceFieldRef', 'secretKeyRef'];
/** ValidateEnv, with RelaxedEnvironmentVariableValidation (beta, on in v1.32): any printable
 * ASCII name but `=`; a valueFrom names exactly one source and no value beside it. */
export function validateEnv(env, path) {
    const errs = [];
    asList(env).forEach((e, i) => {
        const p = path.index(i);
        const ev = asObject(e) ?? {};
        const name = typeof ev.name === 'string' ? ev.name : '';
        if (!name)
            errs.push(required(p.child('name')));
        else if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(name)) {
            errs.push(invalid(p.child('name'), name, "a valid environment variable name must consist only of printable ASCII characters other than '='"));
        }
        const from = asObject(ev.valueFrom);
        if (!from)
            return;
        const named = ENV_SOURCES.filter((s) => from[s] !== undefined && from[s] !== null);
        if (named.length === 0) {
            errs.push(invalid(p.child('valueFrom'), '', 'must specify one of: `configMapKeyRef`, `fieldRef`, `resourceFieldRef` or `secretKeyRef`'));
        }
        else if (typeof ev.value === 'string' && ev.value !== '') {
            errs.push(invalid(p.child('valueFrom'), '', 'may not be specified when `value` is not empty'));
        }
        else if (named.length > 1) {
            errs.push(invalid(p.child('valueFrom'), '', 'may not have more than one field specified at a time'));
        }
    });
    return errs;
}
const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
/** IsNativeResource: no domain, or kubernetes.io's. */
const isNative = (name) => !name.includes('/') || name.includes('kubernetes.io/');
/** IsExtendedResourceName: another domain's (not `requests.`-prefixed), a qualified name. */
const isExtended = (name) => !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;
/** IsOvercommitAllowed: native resources but huge pages; an extended resource's request must
 * equal its limit. */
const isOvercommitAllowed = (name) => isNative(name) && !name.startsWith('hugepages-');
/** validateContainerResourceName: a standard container resource or a huge page size, a native
 * (kubernetes.io) one, or an extended one. */
function validateResourceName(name, path) {
    const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
    if (errs.length)
        return errs;
    if (!name.includes('/'))
        return STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-') ? [] : [invalid(path, name, 'must be a standard resource for containers')];
    if (!isNative(name) && !isExtended(name))
        return [invalid(path, name, "doesn't follow extended resource name standard")];
    return [];
}
/** ValidateResourceRequirements: known names, no negative amounts, requests within limits. */
export function validateResources(resources, path) {
    const errs = [];
    const req = asObject(resources) ?? {};
    const limits = asObject(req.limits) ?? {};
    const requests = asObject(req.requests) ?? {};
    const shown = (q) => canonicalQuantity(q) ?? String(q);
    const checkAmount = (name, q, p) => {
        errs.push(...validateResourceName(name, p));
        const nanos = quantityNanos(q);
        if (nanos !== undefined && nanos < 0n)
            errs.push(invalid(p, shown(q), 'must be greater than or equal to 0'));
        // ValidateResourceQuantityValue: an extended resource counts whole devices.
        if (nanos !== undefined && isExtended(name) && nanos % NANOS_PER_UNIT !== 0n)
            errs.push(invalid(p, shown(q), 'must be an integer'));
    };
    for (const name of Object.keys(limits).sort())
        checkAmount(name, limits[name], path.child('limits').key(name));
    for (const name of Object.keys(requests).sort()) {
        const q = requests[name];
        checkAmount(name, q, path.child('requests').key(name));
        const limit = limits[name];
        if (limit === undefined) {
            if (!isOvercommitAllowed(name))
                errs.push(required(path.child('limits'), 'Limit must be set for non overcommitable resources'));
            continue;
        }
        const [r, l] = [quantityNanos(q), quantityNanos(limit)];
        if (r === undefined || l === undefined)
            continue;
        if (r !== l && !isOvercommitAllowed(name))
            errs.push(invalid(path.child('requests'), shown(q), `must be equal to ${name} limit of ${shown(limit)}`));
        else if (r > l)
            errs.push(invalid(path.child('requests'), shown(q), `must be less than or equal to ${name} limit of ${shown(limit)}`));
    }
    return errs;
}
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
/** validateProbe (+ validateLivenessProbe / validateStartupProbe's successThreshold of 1). */
function validateProbe(probe, path, successMustBeOne) {
    const p = asObject(probe);
    if (!p)
        return [];
    const errs = [];
    const handlers = HANDLERS.filter((h) => p[h] !== undefined && p[h] !== null);
    if (handlers.length === 0)
        errs.push(required(path, 'must specify a handler type'));
    for (const extra of handlers.slice(1))
        errs.push(forbidden(path.child(extra), 'may not specify more than 1 handler type'));
    for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
        const v = p[field];
        if (typeof v === 'number' && v < 0)
            errs.push(invalid(path.child(field), v, 'must be greater than or equal to 0'));
    }
    const grace = p.terminationGracePeriodSeconds;
    if (typeof grace === 'number' && grace <= 0)
        errs.push(invalid(path.child('terminationGracePeriodSeconds'), grace, 'must be greater than 0'));
    if (successMustBeOne && typeof p.successThreshold === 'number' && p.successThreshold !== 1) {
        errs.push(invalid(path.child('successThreshold'), p.successThreshold, 'must be 1'));
    }
    return errs;
}
/** A regular container's probes (init containers other than sidecars may have none). */
export function validateProbes(c, path) {
    return [
        ...validateProbe(c.livenessProbe, path.child('livenessProbe'), true),
        ...validateProbe(c.readinessProbe, path.child('readinessProbe'), false),
        ...validateProbe(c.startupProbe, path.child('startupProbe'), true),
    ];
}
const MAX_ID = 2147483647;
/** IsValidUserID / IsValidGroupID on a security context's ids. */
export function validateSecurityContextIds(context, path, podLevel) {
    const sc = asObject(context);
    if (!sc)
        return [];
    const errs = [];
    const check = (v, p) => {
        if (typeof v === 'number' && (v < 0 || v > MAX_ID))
            errs.push(invalid(p, v, inclusiveRangeError(0, MAX_ID)));
    };
    check(sc.runAsUser, path.child('runAsUser'));
    check(sc.runAsGroup, path.child('runAsGroup'));
    if (podLevel) {
        check(sc.fsGroup, path.child('fsGroup'));
        asList(sc.supplementalGroups).forEach((g, i) => check(g, path.child('supplementalGroups').index(i)));
    }
    return errs;
}
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];
/** ValidateNodeSelectorRequirement */
function validateNodeSelectorRequirement(r, path) {
    const rq = asObject(r) ?? {};
    const errs = [];
    const op = typeof rq.operator === 'string' ? rq.operator : '';
    const values = asList(rq.values);
    switch (op) {
        case 'In':
        case 'NotIn':
            if (values.length === 0)
                errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
            break;
        case 'Exists':
        case 'DoesNotExist':
            if (values.length > 0)
                errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
            break;
        case 'Gt':
        case 'Lt':
            if (values.length !== 1)
                errs.push(required(path.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
            break;
        default:
            errs.push(invalid(path.child('operator'), op, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(typeof rq.key === 'string' ? rq.key : '', path.child('key')));
    return errs;
}
/** ValidateNodeSelectorTerm: its expressions (matchFields only on metadata.name). */
function validateNodeSelectorTerm(term, path) {
    const t = asObject(term) ?? {};
    const errs = [];
    asList(t.matchExpressions).forEach((r, i) => errs.push(...validateNodeSelectorRequirement(r, path.child('matchExpressions').index(i))));
    // validateNodeFieldSelectorRequirement: one node name, In or NotIn.
    asList(t.matchFields).forEach((r, i) => {
        const p = path.child('matchFields').index(i);
        const rq = asObject(r) ?? {};
        const values = asList(rq.values);
        if (rq.operator === 'In' || rq.operator === 'NotIn') {
            if (values.length !== 1)
                errs.push(required(p.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
        }
        else
            errs.push(invalid(p.child('operator'), String(rq.operator ?? ''), 'not a valid selector operator'));
        if (rq.key !== 'metadata.name')
            errs.push(invalid(p.child('key'), String(rq.key ?? ''), 'not a valid field selector key'));
        else
            values.forEach((v, j) => {
                for (const m of nameIsDNSSubdomain(String(v), false))
                    errs.push(invalid(p.child('values').index(j), String(v), m));
            });
    });
    return errs;
}
/** validateAffinity, the node affinity part. */
export function validateAffinity(affinity, path) {
    const node = asObject(asObject(affinity)?.nodeAffinity);
    if (!node)
        return [];
    const errs = [];
    const napath = path.child('nodeAffinity');
    const requiredTerms = asObject(node.requiredDuringSchedulingIgnoredDuringExecution);
    if (requiredTerms) {
        const p = napath.child('requiredDuringSchedulingIgnoredDuringExecution');
        const terms = asList(requiredTerms.nodeSelectorTerms);
        if (terms.length === 0)
            errs.push(required(p.child('nodeSelectorTerms'), 'must have at least one node selector term'));
        terms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, p.child('nodeSelectorTerms').index(i))));
    }
    asList(node.preferredDuringSchedulingIgnoredDuringExecution).forEach((term, i) => {
        const p = napath.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
        const weight = asObject(term)?.weight;
        if (typeof weight !== 'number' || weight < 1 || weight > 100)
            errs.push(invalid(p.child('weight'), typeof weight === 'number' ? weight : 0, 'must be in the range 1-100'));
        errs.push(...validateNodeSelectorTerm(asObject(term)?.preference, p.child('preference')));
    });
    return errs;
}
/** validatePodDNSConfig: `dnsPolicy: None` needs a config with a nameserver; at most 3
 * nameservers (IPs) and 32 searches (subdomains). */
export function validateDNSConfig(config, dnsPolicy, path) {
    const cfg = asObject(config);
    const errs = [];
    if (dnsPolicy === 'None') {
        if (!cfg)
            return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
        if (asList(cfg.nameservers).length === 0)
            return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
    if (!cfg)
        return errs;
    const nameservers = asList(cfg.nameservers);
    if (nameservers.length > 3)
        errs.push(invalid(path.child('nameservers'), goStrings(nameservers), 'must not have more than 3 nameservers'));
    nameservers.forEach((ns, i) => errs.push(...isValidIP(path.child('nameservers').index(i), String(ns))));
    const searches = asList(cfg.searches);
    if (searches.length > 32)
        errs.push(invalid(path.child('searches'), goStrings(searches), 'must not have more than 32 search paths'));
    if (searches.map(String).join(' ').length > 2048) {
        errs.push(invalid(path.child('searches'), goStrings(searches), 'must not have more than 2048 characters (including spaces) in the search list'));
    }
    searches.forEach((s, i) => {
        // A trailing dot is fine, and not part of the name checked (or shown).
        const name = String(s).replace(/\.$/, '');
        for (const m of nameIsDNSSubdomain(name, false))
            errs.push(invalid(path.child('searches').index(i), name, m));
    });
    asList(cfg.options).forEach((o, i) => {
        if (!asObject(o)?.name)
            errs.push(required(path.child('options').index(i), 'Option.Name must not be empty'));
    });
    return errs;
}
//# sourceMappingURL=pod-details.js.map