// The rules one Service owes to one node's proxier of one family: kube-proxy's per
// service-port loop in syncProxyRules (pkg/proxy/iptables/proxier.go), steps 1-11 of
// docs reference §2.4. Output: key -> rule lines (key grammar in index.ts).
import { categorize, endpointsByPort, hintedZones, resolveForNode, slicePortKey } from './endpoints.js';
import { chainKey, fragmentKey } from './keys.js';
import { endpointChainName, probability, servicePortChains } from './names.js';
import { externallyAccessible, servicePorts, usesClusterEndpoints, usesLocalEndpoints } from './service-port.js';
import { zoneInMarker, zoneNotInMarker } from './topology.js';
/** Shared chains a Service contributes fragments to, in the table they live in. */
const FRAGMENT_CHAINS = [
    ['filter', 'KUBE-SERVICES'],
    ['filter', 'KUBE-EXTERNAL-SERVICES'],
    ['filter', 'KUBE-NODEPORTS'],
    ['filter', 'KUBE-PROXY-FIREWALL'],
    ['nat', 'KUBE-SERVICES'],
    ['nat', 'KUBE-NODEPORTS'],
];
/** Does any port of this Service make its rules depend on which node hosts its endpoints? */
export function hasNodeLocalPolicy(svc, family) {
    return servicePorts(svc, family).some(usesLocalEndpoints);
}
/** Line prefix: keep the rule only on nodes whose nodeIP lies in one of these CIDRs. */
export function nodeIPInMarker(cidrs) {
    return `{nodeIPIn:${cidrs.join(',')}} `;
}
export function serviceRules(svc, slices, ctx) {
    const out = new Map();
    const ports = servicePorts(svc, ctx.family);
    if (ports.length === 0)
        return out;
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name ?? '';
    const frag = new Map(FRAGMENT_CHAINS.map(([t, c]) => [fragmentKey(t, c, ns, name), []]));
    const f = (table, chain) => frag.get(fragmentKey(table, chain, ns, name));
    const chains = new Map();
    const chain = (c) => {
        let rules = chains.get(c);
        if (!rules)
            chains.set(c, (rules = []));
        return rules;
    };
    const eps = endpointsByPort(slices, ctx.family);
    for (const p of ports) {
        writeServicePort(p, eps.get(slicePortKey(p.portName, p.protocol)) ?? [], ctx, f, chain);
    }
    for (const [key, rules] of frag)
        if (rules.length > 0)
            out.set(key, rules);
    for (const [c, rules] of chains)
        out.set(chainKey('nat', c), rules);
    return out;
}
function writeServicePort(p, allEps, ctx, f, chain) {
    const proto = p.protocol.toLowerCase();
    const mp = `-m ${proto} -p ${proto}`;
    const spn = p.spn;
    const { svc: SVC, svl: SVL, ext: EXT, fw: FW } = servicePortChains(spn, proto);
    const resolved = resolveForNode(allEps, ctx.nodeName);
    const policy = { usesClusterEndpoints: usesClusterEndpoints(p), usesLocalEndpoints: usesLocalEndpoints(p) };
    // Nodes outside the hinted zones (topology.ts): what the flags below are computed from. The
    // zones' own variants differ only in the endpoints KUBE-SVC picks and the KUBE-SEP chains.
    const { clusterEps, localEps, allReachable, hasEndpoints } = categorize(resolved, policy);
    const zones = policy.usesClusterEndpoints ? hintedZones(resolved) : [];
    const zoned = zones.map((zone) => ({ zone, ...categorize(resolved, policy, zone) }));
    const usesClusterPolicyChain = clusterEps.length > 0 && usesClusterEndpoints(p);
    const usesLocalPolicyChain = localEps.length > 0 && usesLocalEndpoints(p);
    const internalTrafficChain = p.iTPLocal ? SVL : SVC;
    const hasInternalEndpoints = hasEndpoints && !(p.iTPLocal && localEps.length === 0);
    const externalPolicyChain = p.eTPLocal ? SVL : SVC;
    const hasExternalEndpoints = hasEndpoints && !(p.eTPLocal && localEps.length === 0);
    const usesExternalTrafficChain = hasEndpoints && externallyAccessible(p);
    const usesFWChain = hasEndpoints && p.lbVIPs.length > 0 && p.sourceRanges.length > 0;
    const lbTrafficChain = usesFWChain ? FW : EXT;
    const noEps = `"${spn} has no endpoints"`;
    const noLocal = `"${spn} has no local endpoints"`;
    const intTarget = hasEndpoints ? 'DROP' : 'REJECT';
    const intComment = hasEndpoints ? noLocal : noEps;
    const extTarget = intTarget;
    const extComment = intComment;
    const dst = (ip, port) => `-d ${ip} --dport ${port}`;
    // 1. ClusterIP
    const cipMatch = `-m comment --comment "${spn} cluster IP" ${mp} ${dst(p.clusterIP, p.port)}`;
    if (hasInternalEndpoints)
        f('nat', 'KUBE-SERVICES').push(`-A KUBE-SERVICES ${cipMatch} -j ${internalTrafficChain}`);
    else
        f('filter', 'KUBE-SERVICES').push(`-A KUBE-SERVICES -m comment --comment ${intComment} ${mp} ${dst(p.clusterIP, p.port)} -j ${intTarget}`);
    // 2. externalIPs
    for (const ip of p.externalIPs) {
        if (hasEndpoints)
            f('nat', 'KUBE-SERVICES').push(`-A KUBE-SERVICES -m comment --comment "${spn} external IP" ${mp} ${dst(ip, p.port)} -j ${EXT}`);
        if (!hasExternalEndpoints)
            f('filter', 'KUBE-EXTERNAL-SERVICES').push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment ${extComment} ${mp} ${dst(ip, p.port)} -j ${extTarget}`);
    }
    // 3. LoadBalancer ingress
    for (const ip of p.lbVIPs) {
        if (hasEndpoints)
            f('nat', 'KUBE-SERVICES').push(`-A KUBE-SERVICES -m comment --comment "${spn} loadbalancer IP" ${mp} ${dst(ip, p.port)} -j ${lbTrafficChain}`);
        if (usesFWChain)
            f('filter', 'KUBE-PROXY-FIREWALL').push(`-A KUBE-PROXY-FIREWALL -m comment --comment "${spn} traffic not accepted by ${FW}" ${mp} ${dst(ip, p.port)} -j DROP`);
    }
    if (!hasExternalEndpoints) {
        for (const ip of p.lbVIPs)
            f('filter', 'KUBE-EXTERNAL-SERVICES').push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment ${extComment} ${mp} ${dst(ip, p.port)} -j ${extTarget}`);
    }
    // 4. NodePort (not subject to loadBalancerSourceRanges, as upstream)
    if (p.nodePort !== 0) {
        if (hasEndpoints) {
            if (ctx.nfacct && ctx.family === 'ipv4' && ctx.localhostNodePorts !== false) {
                const only = ctx.localhostNodePorts === true ? '' : ctx.localhostNodePorts;
                f('nat', 'KUBE-NODEPORTS').push(`${only}-A KUBE-NODEPORTS -m comment --comment ${spn} ${mp} -d 127.0.0.0/8 --dport ${p.nodePort} -m nfacct --nfacct-name localhost_nps_accepted_pkts -j ${EXT}`);
            }
            f('nat', 'KUBE-NODEPORTS').push(`-A KUBE-NODEPORTS -m comment --comment ${spn} ${mp} --dport ${p.nodePort} -j ${EXT}`);
        }
        if (!hasExternalEndpoints) {
            f('filter', 'KUBE-EXTERNAL-SERVICES').push(`-A KUBE-EXTERNAL-SERVICES -m comment --comment ${extComment} -m addrtype --dst-type LOCAL ${mp} --dport ${p.nodePort} -j ${extTarget}`);
        }
    }
    // 5. health check node port: accepted whether or not this node has local endpoints
    if (p.healthCheckNodePort !== 0) {
        f('filter', 'KUBE-NODEPORTS').push(`-A KUBE-NODEPORTS -m comment --comment "${spn} health check node port" -m tcp -p tcp --dport ${p.healthCheckNodePort} -j ACCEPT`);
    }
    // 6. masquerade off-cluster traffic to the cluster IP (masqueradeAll is not configurable)
    if (hasInternalEndpoints && ctx.detector) {
        chain(internalTrafficChain).push(`-A ${internalTrafficChain} ${cipMatch} ${ctx.detector.ifNotLocal} -j KUBE-MARK-MASQ`);
    }
    // 7. external destinations chain
    if (usesExternalTrafficChain) {
        const ext = chain(EXT);
        if (!p.eTPLocal) {
            ext.push(`-A ${EXT} -m comment --comment "masquerade traffic for ${spn} external destinations" -j KUBE-MARK-MASQ`);
        }
        else {
            if (ctx.detector)
                ext.push(`-A ${EXT} -m comment --comment "pod traffic for ${spn} external destinations" ${ctx.detector.ifLocal} -j ${SVC}`);
            ext.push(`-A ${EXT} -m comment --comment "masquerade LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ`);
            ext.push(`-A ${EXT} -m comment --comment "route LOCAL traffic for ${spn} external destinations" -m addrtype --src-type LOCAL -j ${SVC}`);
        }
        if (hasExternalEndpoints)
            ext.push(`-A ${EXT} -j ${externalPolicyChain}`);
    }
    // 8. loadBalancerSourceRanges firewall; the allow-from-node rules depend on the node's IP,
    // so they carry a marker the renderer evaluates against the node's meta entry.
    if (usesFWChain) {
        const fw = chain(FW);
        const head = `-A ${FW} -m comment --comment "${spn} loadbalancer IP"`;
        for (const cidr of p.sourceRanges)
            fw.push(`${head} -s ${cidr} -j ${EXT}`);
        const marker = nodeIPInMarker(p.sourceRanges);
        for (const ip of p.lbVIPs)
            fw.push(`${marker}${head} -s ${ip} -j ${EXT}`);
        fw.push(`-A ${FW} -m comment --comment "other traffic to ${spn} will be dropped by KUBE-PROXY-FIREWALL"`);
    }
    // 9./10. policy chains
    const large = ctx.largeCluster;
    const sepOf = endpointChainNames(spn, proto);
    if (usesClusterPolicyChain) {
        const rules = chain(SVC);
        const variants = zoned.filter((v) => !sameEndpoints(v.clusterEps, clusterEps));
        if (variants.length === 0)
            writeServiceToEndpointRules(rules, SVC, p, clusterEps, large, sepOf);
        else {
            // One variant per hinted zone whose pick differs, one for every other node.
            const others = zoneNotInMarker(variants.map((v) => v.zone));
            for (const [mark, eps] of [[others, clusterEps], ...variants.map((v) => [zoneInMarker([v.zone]), v.clusterEps])]) {
                const variant = [];
                writeServiceToEndpointRules(variant, SVC, p, eps, large, sepOf);
                for (const r of variant)
                    rules.push(mark + r);
            }
        }
    }
    if (usesLocalPolicyChain)
        writeServiceToEndpointRules(chain(SVL), SVL, p, localEps, large, sepOf);
    // 11. endpoint chains (hairpin masquerade, affinity list, DNAT): for the endpoints reachable
    // from a node in any zone, each marked with the zones whose nodes reach it when not all do.
    const sepComment = large ? '' : ` -m comment --comment ${spn}`;
    for (const { ep, mark } of reachableByZone(allReachable, zoned)) {
        const sep = sepOf(ep);
        const affinity = p.stickySeconds > 0 ? ` -m recent --name ${sep} --set` : '';
        chain(sep).push(`${mark}-A ${sep}${sepComment} -s ${ep.ip} -j KUBE-MARK-MASQ`, `${mark}-A ${sep}${sepComment}${affinity} ${mp} -j DNAT --to-destination ${ep.text}`);
    }
}
function sameEndpoints(a, b) {
    return a.length === b.length && a.every((ep, i) => ep.text === b[i].text);
}
/**
 * The endpoints with a KUBE-SEP chain on some node, and the zone marker of that chain: none
 * when every node reaches the endpoint; `{zoneNotIn:…}` the hinted zones that do not, when
 * nodes outside them do; else `{zoneIn:…}` the zones that do.
 */
function reachableByZone(others, zoned) {
    if (zoned.length === 0)
        return others.map((ep) => ({ ep, mark: '' }));
    const byText = new Map();
    for (const ep of others)
        byText.set(ep.text, { ep, outside: true, zones: [] });
    for (const { zone, allReachable } of zoned) {
        for (const ep of allReachable) {
            let r = byText.get(ep.text);
            if (!r)
                byText.set(ep.text, (r = { ep, outside: false, zones: [] }));
            r.zones.push(zone);
        }
    }
    const all = zoned.map((z) => z.zone);
    return [...byText.values()]
        .sort((x, y) => (x.ep.text < y.ep.text ? -1 : x.ep.text > y.ep.text ? 1 : 0))
        .map(({ ep, outside, zones }) => {
        if (!outside)
            return { ep, mark: zoneInMarker(zones) };
        const missing = all.filter((z) => !zones.includes(z));
        return { ep, mark: missing.length ? zoneNotInMarker(missing) : '' };
    });
}
/**
 * Each endpoint's KUBE-SEP name, hashed once per service port: the policy chains jump to it (the
 * affinity rules twice) and its own chain is named by it. Naming it anew at each use was half of
 * a service recompute's time (one sha256 per use; scratch, a 10-endpoint service: 124 µs).
 */
function endpointChainNames(spn, proto) {
    const names = new Map();
    return (ep) => {
        let name = names.get(ep.text);
        if (name === undefined)
            names.set(ep.text, (name = endpointChainName(spn, proto, ep.text)));
        return name;
    };
}
/** appendServiceCommentLocked: the `"<spn> -> <ep>"` comment, left out in large-cluster mode. */
function writeServiceToEndpointRules(rules, chainName, p, eps, large, sep) {
    const comment = (ep) => (large ? '' : ` -m comment --comment "${p.spn} -> ${ep.text}"`);
    if (p.stickySeconds > 0) {
        for (const ep of eps) {
            rules.push(`-A ${chainName}${comment(ep)} -m recent --name ${sep(ep)} --rcheck --seconds ${p.stickySeconds} --reap -j ${sep(ep)}`);
        }
    }
    eps.forEach((ep, i) => {
        const stat = i < eps.length - 1 ? ` -m statistic --mode random --probability ${probability(eps.length - i)}` : '';
        rules.push(`-A ${chainName}${comment(ep)}${stat} -j ${sep(ep)}`);
    });
}
//# sourceMappingURL=service-rules.js.map