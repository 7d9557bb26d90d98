// Allocation inside decide: fills in what the caller left out (cluster IPs, node ports, node pod
// CIDRs, pod IPs) and rejects what collides. The result is written into the object, so it is in
// the event and replay never allocates again.
import { canonicalIP, Cidr, familyOf } from './net/cidr.js';
import { nodePodCIDRs, podIPsOf, podNetworkIPsOf } from './allocations.js';
const invalid = (field, value, detail) => ({
    type: 'FieldValueInvalid',
    field,
    message: `Invalid value: ${typeof value === 'string' ? JSON.stringify(value) : value}: ${detail}`,
});
/** The configured CIDRs, parsed once per settings object (a config event replaces it; Cidr is
 * immutable): every Service create reads them. */
const parsedCidrs = new WeakMap();
function configuredCidrs(cidrs) {
    let parsed = parsedCidrs.get(cidrs);
    if (!parsed)
        parsedCidrs.set(cidrs, (parsed = cidrs.map((c) => Cidr.parse(c))));
    return parsed;
}
/** Defaults ipFamilies/ipFamilyPolicy and allocates clusterIPs (pkg/registry/core/service/ipallocator). */
export function allocateServiceIPs(state, svc, key, old) {
    const spec = svc.spec;
    const config = state.config;
    if (spec.type === 'ExternalName') {
        delete spec.clusterIP;
        delete spec.clusterIPs;
        delete spec.ipFamilies;
        delete spec.ipFamilyPolicy;
        return [];
    }
    const errs = [];
    const ranges = configuredCidrs(config.serviceCIDRs);
    const families = ranges.map((c) => c.family);
    // Updates keep what was allocated unless the caller names it (immutability is validation's job).
    if (old?.spec && old.spec.type !== 'ExternalName') {
        if (!spec.clusterIP && !spec.clusterIPs?.length && old.spec.clusterIPs?.length) {
            spec.clusterIPs = [...old.spec.clusterIPs];
            spec.clusterIP = old.spec.clusterIP;
        }
        spec.ipFamilies ??= old.spec.ipFamilies ? [...old.spec.ipFamilies] : undefined;
        spec.ipFamilyPolicy ??= old.spec.ipFamilyPolicy;
    }
    if (spec.clusterIP && !spec.clusterIPs?.length)
        spec.clusterIPs = [spec.clusterIP];
    if (!spec.clusterIP && spec.clusterIPs?.length)
        spec.clusterIP = spec.clusterIPs[0];
    const headless = spec.clusterIP === 'None';
    // Headless and selectorless (initIPFamilyFields' special case): dual unless told otherwise,
    // both families even on a single-stack cluster (its endpoints are whatever the user writes).
    if (headless && Object.keys(spec.selector ?? {}).length === 0) {
        spec.ipFamilyPolicy ??= 'RequireDualStack';
        if (!spec.ipFamilies?.length)
            spec.ipFamilies = [families[0]];
        if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== 'SingleStack')
            spec.ipFamilies.push(spec.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4');
        spec.clusterIPs = ['None'];
        return errs;
    }
    const given = (spec.clusterIPs ?? []).filter((ip) => ip && ip !== 'None');
    const givenFamilies = given.map((ip) => familyOf(ip)).filter((f) => !!f);
    if (!spec.ipFamilies?.length) {
        const policy = spec.ipFamilyPolicy ?? (givenFamilies.length > 1 ? undefined : 'SingleStack');
        if (givenFamilies.length)
            spec.ipFamilies = [...givenFamilies];
        else
            spec.ipFamilies = [families[0]];
        if ((policy === 'PreferDualStack' || policy === 'RequireDualStack') && families.length > 1) {
            for (const f of families)
                if (!spec.ipFamilies.includes(f))
                    spec.ipFamilies.push(f);
        }
    }
    spec.ipFamilyPolicy ??= spec.ipFamilies.length > 1 ? 'RequireDualStack' : 'SingleStack';
    if (spec.ipFamilyPolicy === 'RequireDualStack' && families.length < 2) {
        errs.push(invalid('spec.ipFamilyPolicy', 'RequireDualStack', 'this cluster is not configured for dual-stack services'));
    }
    spec.ipFamilies.forEach((f, i) => {
        if (!families.includes(f))
            errs.push(invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
    });
    if (errs.length || headless) {
        if (headless)
            spec.clusterIPs = ['None'];
        return errs;
    }
    const ips = [];
    const taken = new Set();
    spec.ipFamilies.forEach((family, i) => {
        const want = given.find((ip) => familyOf(ip) === family);
        const range = ranges.find((c) => c.family === family);
        if (want) {
            const ip = canonicalIP(want);
            const holder = state.allocations.clusterIPs.get(ip);
            if (!range.contains(ip)) {
                errs.push(invalid(`spec.clusterIPs[${i}]`, want, `failed to allocate IP ${want}: the provided IP (${want}) is not in the valid range. The range of valid IPs is ${range.text}`));
            }
            else if (holder !== undefined && holder !== key) {
                errs.push(invalid(`spec.clusterIPs[${i}]`, want, `failed to allocate IP ${want}: provided IP is already allocated`));
            }
            ips.push(ip);
        }
        else {
            const ip = state.allocations.nextClusterIP(range, taken);
            if (!ip)
                errs.push(invalid(`spec.clusterIPs[${i}]`, '', `failed to allocate IP: range ${range.text} is full`));
            else
                ips.push(ip);
        }
        taken.add(ips[ips.length - 1]);
    });
    if (!errs.length) {
        spec.clusterIPs = ips;
        spec.clusterIP = ips[0];
    }
    return errs;
}
/** Node ports for NodePort/LoadBalancer services (pkg/registry/core/service/portallocator). */
export function allocateNodePorts(config, state, svc, key, old) {
    const spec = svc.spec;
    const wantsNodePorts = spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
    const errs = [];
    const ports = spec.ports ?? [];
    if (!wantsNodePorts) {
        if (spec.type !== 'LoadBalancer')
            for (const p of ports)
                delete p.nodePort;
    }
    else {
        const claimed = new Set();
        ports.forEach((p, i) => {
            if (!p.nodePort && old?.spec?.ports) {
                const prev = old.spec.ports.find((q) => q.port === p.port && (q.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
                if (prev?.nodePort)
                    p.nodePort = prev.nodePort;
            }
            if (p.nodePort) {
                const holder = state.allocations.nodePorts.get(p.nodePort);
                const { min, max } = config.nodePortRange;
                if (p.nodePort < min || p.nodePort > max) {
                    errs.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${min}-${max}`));
                }
                else if (holder !== undefined && holder !== key) {
                    errs.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated'));
                }
                claimed.add(p.nodePort);
            }
        });
        for (const [i, p] of ports.entries()) {
            if (p.nodePort)
                continue;
            // One service exposing the same port over two protocols shares the node port, as upstream.
            const twin = ports.find((q) => q !== p && q.port === p.port && q.nodePort);
            const port = twin?.nodePort ?? state.allocations.nextNodePort(config.nodePortRange.min, config.nodePortRange.max, claimed);
            if (!port)
                errs.push(invalid(`spec.ports[${i}].nodePort`, 0, 'range is full'));
            else {
                p.nodePort = port;
                claimed.add(port);
            }
        }
    }
    const needsHealthCheck = spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
    if (!needsHealthCheck)
        delete spec.healthCheckNodePort;
    else if (!spec.healthCheckNodePort) {
        const taken = new Set(ports.map((p) => p.nodePort).filter((p) => !!p));
        spec.healthCheckNodePort = old?.spec?.healthCheckNodePort ?? state.allocations.nextNodePort(config.nodePortRange.min, config.nodePortRange.max, taken);
    }
    return errs;
}
/** Node IPAM: the next free block of each cluster CIDR family, unless the Node names its own. */
export function allocateNodeCIDRs(state, node, name, old) {
    const spec = (node.spec ??= {});
    if (!spec.podCIDR && !spec.podCIDRs?.length && old?.spec?.podCIDRs?.length) {
        spec.podCIDRs = [...old.spec.podCIDRs];
        spec.podCIDR = old.spec.podCIDR;
    }
    if (spec.podCIDR && !spec.podCIDRs?.length)
        spec.podCIDRs = [spec.podCIDR];
    const errs = [];
    if (spec.podCIDRs?.length) {
        spec.podCIDR = spec.podCIDRs[0];
        spec.podCIDRs.forEach((c, i) => {
            const cidr = Cidr.tryParse(c);
            if (!cidr)
                return; // validation reports the format
            const holder = state.allocations.podCIDRs.get(cidr.text);
            if (holder !== undefined && holder !== name) {
                errs.push(invalid(`spec.podCIDRs[${i}]`, c, `already allocated to node ${holder}`));
            }
        });
        return errs;
    }
    const cidrs = [];
    for (const cc of state.config.clusterCIDRs) {
        const cluster = Cidr.parse(cc);
        const mask = cluster.family === 'IPv4' ? state.config.nodeCIDRMaskSizeV4 : state.config.nodeCIDRMaskSizeV6;
        const got = state.allocations.nextPodCIDR(cluster, mask);
        if (!got)
            errs.push(invalid('spec.podCIDRs', cc, 'the cluster CIDR has no free block left'));
        else
            cidrs.push(got);
    }
    if (!errs.length) {
        spec.podCIDRs = cidrs;
        spec.podCIDR = cidrs[0];
    }
    return errs;
}
/** Pod IPs from the node's pod CIDR(s), as host-local IPAM would; existing ones must be free. */
export function allocatePodIPs(state, pod, key, old) {
    const status = (pod.status ??= {});
    if (!status.podIPs?.length && !status.podIP && old?.status) {
        if (old.status.podIPs)
            status.podIPs = old.status.podIPs.map((p) => ({ ip: p.ip }));
        if (old.status.podIP)
            status.podIP = old.status.podIP;
        if (old.status.hostIP)
            status.hostIP ??= old.status.hostIP;
        if (old.status.hostIPs)
            status.hostIPs ??= old.status.hostIPs;
    }
    if (status.podIP && !status.podIPs?.length)
        status.podIPs = [{ ip: status.podIP }];
    const errs = [];
    const existing = podNetworkIPsOf(pod);
    for (const [i, ip] of existing.entries()) {
        const holder = state.allocations.podIPs.get(ip);
        if (holder !== undefined && holder !== key)
            errs.push(invalid(`status.podIPs[${i}].ip`, ip, `already allocated to pod ${holder}`));
    }
    if (podIPsOf(pod).length)
        return errs;
    const nodeName = pod.spec?.nodeName;
    const node = nodeName ? state.nodes.get(nodeName) : undefined;
    if (!node)
        return errs; // unscheduled, or its node is not known yet: no address until it is
    if (pod.spec?.hostNetwork) {
        // The kubelet reports a hostNetwork pod's IPs as its node's: the InternalIP of each family.
        const hostIPs = nodeInternalIPs(node);
        if (hostIPs.length) {
            status.podIPs = hostIPs.map((ip) => ({ ip }));
            status.podIP = hostIPs[0];
            setHostIPs(status, hostIPs);
        }
        return errs;
    }
    const ips = [];
    for (const c of nodePodCIDRs(node)) {
        const ip = state.allocations.nextPodIP(Cidr.parse(c));
        if (!ip)
            errs.push(invalid('status.podIPs', c, `no free address left in the pod CIDR of node ${nodeName}`));
        else
            ips.push(ip);
    }
    if (!errs.length && ips.length) {
        status.podIPs = ips.map((ip) => ({ ip }));
        status.podIP = ips[0];
        setHostIPs(status, nodeInternalIPs(node));
    }
    return errs;
}
/** A node's InternalIPs, the first of each family, in the order the Node lists them (as the
 * kubelet picks a pod's host IPs). */
function nodeInternalIPs(node) {
    const out = [];
    for (const a of node.status?.addresses ?? []) {
        if (a.type !== 'InternalIP' || !familyOf(a.address) || out.some((ip) => familyOf(ip) === familyOf(a.address)))
            continue;
        out.push(canonicalIP(a.address));
    }
    return out;
}
/** A pod's host IPs: its node's InternalIPs, one per family. */
function setHostIPs(status, hostIPs) {
    if (!hostIPs.length)
        return;
    status.hostIP = hostIPs[0];
    status.hostIPs = hostIPs.map((ip) => ({ ip }));
}
//# sourceMappingURL=allocate.js.map