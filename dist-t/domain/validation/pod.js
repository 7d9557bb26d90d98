// Pod create-time validation: validatePodMetadataAndSpec + ValidatePodCreate, and most of
// ValidatePodSpec / validateContainers / validateContainerPorts (pkg/apis/core/validation/
// validation.go; volumes, env, resources, probes, ids, affinity and DNS config in
// pod-details.ts). Runs after defaulting.
import { validateLabelName, validateLabels, validateObjectMeta } from './meta.js';
import { inclusiveRangeError, isDNS1123Label, isValidLabelValue, isValidPortName, isValidPortNum, nameIsDNSSubdomain } from './names.js';
import { duplicate, FieldPath, forbidden, invalid, notSupported, required } from './path.js';
import { validateAffinity, validateDNSConfig, validateEnv, validateProbes, validateResources, validateSecurityContextIds, validateVolumeMounts, validateVolumes, } from './pod-details.js';
export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP']; // sets.List: sorted
const MAX_INT32 = 2147483647;
/** ValidateDNS1123Label */
export function validateDNS1123Label(value, path) {
    return isDNS1123Label(value).map((m) => invalid(path, value, m));
}
/** validateContainerPorts */
function validateContainerPorts(ports, path) {
    const errs = [];
    const names = new Set();
    (ports ?? []).forEach((port, i) => {
        const p = path.index(i);
        const name = port.name ?? '';
        if (name.length > 0) {
            const msgs = isValidPortName(name);
            if (msgs.length)
                for (const m of msgs)
                    errs.push(invalid(p.child('name'), name, m));
            else if (names.has(name))
                errs.push(duplicate(p.child('name'), name));
            else
                names.add(name);
        }
        if (!port.containerPort)
            errs.push(required(p.child('containerPort')));
        else
            for (const m of isValidPortNum(port.containerPort))
                errs.push(invalid(p.child('containerPort'), port.containerPort, m));
        if (port.hostPort)
            for (const m of isValidPortNum(port.hostPort))
                errs.push(invalid(p.child('hostPort'), port.hostPort, m));
        const protocol = port.protocol ?? '';
        if (!protocol)
            errs.push(required(p.child('protocol')));
        else if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol))
            errs.push(notSupported(p.child('protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
    });
    return errs;
}
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
/** validateContainerCommon: name, image, termination message policy, ports, env, mounts,
 * pull policy, resources, security context. */
function validateContainerCommon(c, volumes, path) {
    const errs = [];
    const name = c.name ?? '';
    if (!name)
        errs.push(required(path.child('name')));
    else
        errs.push(...validateDNS1123Label(name, path.child('name')));
    if (!c.image)
        errs.push(required(path.child('image')));
    const tmp = c.terminationMessagePolicy;
    if (tmp !== undefined) {
        if (tmp === '')
            errs.push(required(path.child('terminationMessagePolicy')));
        else if (!TERMINATION_MESSAGE_POLICIES.includes(String(tmp))) {
            errs.push(notSupported(path.child('terminationMessagePolicy'), String(tmp), TERMINATION_MESSAGE_POLICIES));
        }
    }
    errs.push(...validateContainerPorts(c.ports, path.child('ports')));
    errs.push(...validateEnv(c.env, path.child('env')));
    errs.push(...validateVolumeMounts(c.volumeMounts, volumes, path.child('volumeMounts')));
    const pull = c.imagePullPolicy;
    if (pull !== undefined) {
        if (pull === '')
            errs.push(required(path.child('imagePullPolicy')));
        else if (!PULL_POLICIES.includes(String(pull)))
            errs.push(notSupported(path.child('imagePullPolicy'), String(pull), PULL_POLICIES));
    }
    errs.push(...validateResources(c.resources, path.child('resources')));
    errs.push(...validateSecurityContextIds(c.securityContext, path.child('securityContext'), false));
    return errs;
}
/** AccumulateUniqueHostPorts: `protocol/hostIP/hostPort` must not repeat. */
function checkHostPortConflicts(containers, path, seen = new Set(), offset = 0) {
    const errs = [];
    containers.forEach((c, ci) => {
        (c.ports ?? []).forEach((p, pi) => {
            if (!p.hostPort)
                return;
            const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
            if (seen.has(key))
                errs.push(duplicate(path.index(ci + offset).child('ports').index(pi).child('hostPort'), key));
            else
                seen.add(key);
        });
    });
    return errs;
}
/** validateContainers: at least one, names unique, no restartPolicy on regular containers. */
function validateContainers(containers, volumes, path) {
    if (!containers || containers.length === 0)
        return [required(path)];
    const errs = [];
    const names = new Set();
    containers.forEach((c, i) => {
        const p = path.index(i);
        errs.push(...validateContainerCommon(c, volumes, p));
        errs.push(...validateProbes(c, p));
        if (names.has(c.name))
            errs.push(duplicate(p.child('name'), c.name));
        else
            names.add(c.name);
        if (c.restartPolicy !== undefined)
            errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
    });
    errs.push(...checkHostPortConflicts(containers, path));
    return errs;
}
/** validateInitContainers: names unique across regular and init containers; only restartPolicy Always. */
function validateInitContainers(inits, regular, volumes, path) {
    const errs = [];
    const names = new Set((regular ?? []).map((c) => c.name));
    (inits ?? []).forEach((c, i) => {
        const p = path.index(i);
        errs.push(...validateContainerCommon(c, volumes, p));
        // A sidecar (restartPolicy Always) may have probes; other init containers none.
        if (c.restartPolicy === 'Always')
            errs.push(...validateProbes(c, p));
        else
            for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'])
                if (c[probe])
                    errs.push(forbidden(p.child(probe), 'may not be set for init containers without restartPolicy=Always'));
        if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') {
            errs.push(notSupported(p.child('restartPolicy'), String(c.restartPolicy), ['Always']));
        }
        if (names.has(c.name))
            errs.push(duplicate(p.child('name'), c.name));
        else if (c.name)
            names.add(c.name);
        // Init containers run one by one, so each is checked for host port conflicts alone.
        errs.push(...checkHostPortConflicts([c], path, new Set(), i));
    });
    return errs;
}
/** validatePodHostNetworkDeps: with hostNetwork a Pod's hostPort must equal its containerPort. */
function validateHostNetworkDeps(spec, path) {
    const errs = [];
    if (!spec.hostNetwork)
        return errs;
    (spec.containers ?? []).forEach((c, ci) => {
        (c.ports ?? []).forEach((port, pi) => {
            // SetDefaults_PodSpec gives a hostNetwork port hostPort = containerPort when unset.
            const hostPort = port.hostPort || port.containerPort;
            if (hostPort !== port.containerPort) {
                errs.push(invalid(path.child('containers').index(ci).child('ports').index(pi).child('hostPort'), hostPort, 'must match `containerPort` when `hostNetwork` is true'));
            }
        });
    });
    return errs;
}
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** ValidateTolerations */
export function validateTolerations(tolerations, path) {
    const errs = [];
    tolerations.forEach((t, i) => {
        const p = path.index(i);
        const key = t.key ?? '';
        const op = t.operator ?? '';
        const effect = t.effect ?? '';
        if (key)
            errs.push(...validateLabelName(key, p.child('key')));
        if (!key && op !== 'Exists') {
            errs.push(invalid(p.child('operator'), op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
        }
        if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
            errs.push(invalid(p.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
        }
        if (op === 'Equal' || op === '') {
            const msgs = isValidLabelValue(t.value ?? '');
            if (msgs.length)
                errs.push(invalid(p.child('operator'), t.value ?? '', msgs.join(';')));
        }
        else if (op === 'Exists') {
            if (t.value)
                errs.push(invalid(p.child('operator'), t.value, "value must be empty when `operator` is 'Exists'"));
        }
        else {
            errs.push(notSupported(p.child('operator'), op, ['Equal', 'Exists']));
        }
        if (effect && !TAINT_EFFECTS.includes(effect))
            errs.push(notSupported(p.child('effect'), effect, TAINT_EFFECTS));
    });
    return errs;
}
/** ValidatePodSpec (the network-relevant subset, in upstream's order). */
export function validatePodSpec(spec, path) {
    const errs = [];
    const volumes = validateVolumes(spec.volumes, path.child('volumes'));
    errs.push(...volumes.errs);
    errs.push(...validateContainers(spec.containers, volumes.names, path.child('containers')));
    errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes.names, path.child('initContainers')));
    errs.push(...validateHostNetworkDeps(spec, path));
    const restartPolicy = spec.restartPolicy ?? 'Always';
    if (restartPolicy === '')
        errs.push(required(path.child('restartPolicy')));
    else if (!RESTART_POLICIES.includes(restartPolicy))
        errs.push(notSupported(path.child('restartPolicy'), restartPolicy, RESTART_POLICIES));
    const dnsPolicy = spec.dnsPolicy ?? 'ClusterFirst';
    if (dnsPolicy === '')
        errs.push(required(path.child('dnsPolicy')));
    else if (!DNS_POLICIES.includes(dnsPolicy))
        errs.push(notSupported(path.child('dnsPolicy'), dnsPolicy, DNS_POLICIES));
    errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
    errs.push(...validateSecurityContextIds(spec.securityContext, path.child('securityContext'), true));
    errs.push(...validateAffinity(spec.affinity, path.child('affinity')));
    errs.push(...validateDNSConfig(spec.dnsConfig, dnsPolicy, path.child('dnsConfig')));
    if (spec.serviceAccountName) {
        for (const m of nameIsDNSSubdomain(spec.serviceAccountName, false))
            errs.push(invalid(path.child('serviceAccountName'), spec.serviceAccountName, m));
    }
    if (spec.nodeName)
        for (const m of nameIsDNSSubdomain(spec.nodeName, false))
            errs.push(invalid(path.child('nodeName'), spec.nodeName, m));
    const ads = spec.activeDeadlineSeconds;
    if (ads !== undefined && ads !== null && (ads < 1 || ads > MAX_INT32)) {
        errs.push(invalid(path.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
    }
    if (spec.hostname)
        errs.push(...validateDNS1123Label(spec.hostname, path.child('hostname')));
    if (spec.subdomain)
        errs.push(...validateDNS1123Label(spec.subdomain, path.child('subdomain')));
    const tolerations = spec.tolerations;
    if (tolerations?.length)
        errs.push(...validateTolerations(tolerations, path.child('tolerations')));
    return errs;
}
/** validateContainersOnlyForPod: a Pod's (not a template's) images may not be space-padded. */
function validateContainersOnlyForPod(containers, path) {
    const errs = [];
    (containers ?? []).forEach((c, i) => {
        if (typeof c.image === 'string' && c.image.trim().length !== c.image.length) {
            errs.push(invalid(path.index(i).child('image'), c.image, 'must not have leading or trailing whitespace'));
        }
    });
    return errs;
}
/** validatePodMetadataAndSpec */
export function validatePodMetadataAndSpec(pod) {
    const spec = pod.spec ?? {};
    const specPath = FieldPath.of('spec');
    const errs = validateObjectMeta(pod.metadata ?? {}, true, nameIsDNSSubdomain, FieldPath.of('metadata'));
    errs.push(...validatePodSpec(spec, specPath));
    errs.push(...validateContainersOnlyForPod(spec.containers, specPath.child('containers')));
    errs.push(...validateContainersOnlyForPod(spec.initContainers, specPath.child('initContainers')));
    return errs;
}
/** ValidatePodCreate */
export function validatePodCreate(pod) {
    const errs = validatePodMetadataAndSpec(pod);
    const spec = pod.spec ?? {};
    const ephemeral = spec.ephemeralContainers;
    if (ephemeral?.length)
        errs.push(forbidden(FieldPath.of('spec', 'ephemeralContainers'), 'cannot be set on create'));
    const gates = spec.schedulingGates;
    if (spec.nodeName && gates?.length) {
        errs.push(forbidden(FieldPath.of('spec', 'nodeName'), 'cannot be set until all schedulingGates have been cleared'));
    }
    return errs;
}
//# sourceMappingURL=pod.js.map