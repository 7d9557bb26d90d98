// A Service seen by one IP family's proxier, split into kube-proxy's service ports
// (pkg/proxy/serviceport.go newBaseServiceInfo, pkg/proxy/util ShouldSkipService /
// GetClusterIPByFamily). Pure data; the rules are written in service-rules.ts.
import { parseCidr, parseIP } from './ip.js';
import { servicePortName } from './names.js';
export function externallyAccessible(p) {
    return p.nodePort !== 0 || p.lbVIPs.length > 0 || p.externalIPs.length > 0;
}
export function usesClusterEndpoints(p) {
    return !p.iTPLocal || externallyAccessible(p);
}
export function usesLocalEndpoints(p) {
    return p.iTPLocal || (p.eTPLocal && externallyAccessible(p));
}
/** ShouldSkipService: ExternalName and headless Services get no rules. */
export function skipService(svc) {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName')
        return true;
    return !spec.clusterIP || spec.clusterIP === 'None';
}
export function clusterIPByFamily(svc, family) {
    const spec = svc.spec ?? {};
    const want = family === 'ipv4' ? 'IPv4' : 'IPv6';
    if (!spec.ipFamilies || spec.ipFamilies.length === 0) {
        const ip = spec.clusterIP ? parseIP(spec.clusterIP) : null;
        return ip && ip.family === family ? ip.ip : null;
    }
    const i = spec.ipFamilies.indexOf(want);
    const raw = i >= 0 ? spec.clusterIPs?.[i] : undefined;
    const ip = raw ? parseIP(raw) : null;
    return ip && ip.family === family ? ip.ip : null;
}
/** apiservice.ExternallyAccessible: only such Services can have an external policy. */
function serviceExternallyAccessible(svc) {
    const type = svc.spec?.type ?? 'ClusterIP';
    return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && (svc.spec?.externalIPs?.length ?? 0) > 0);
}
export function servicePorts(svc, family) {
    if (skipService(svc))
        return [];
    const clusterIP = clusterIPByFamily(svc, family);
    if (!clusterIP)
        return [];
    const spec = svc.spec ?? {};
    const ns = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name ?? '';
    const eTPLocal = serviceExternallyAccessible(svc) && spec.externalTrafficPolicy === 'Local';
    const iTPLocal = spec.internalTrafficPolicy === 'Local';
    const externalIPs = familyIPs(spec.externalIPs ?? [], family);
    const lbVIPs = [];
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
        // LoadBalancerIPMode (on by default since 1.30): Proxy-mode ingress gets no VIP rules.
        if (!ing.ip || (ing.ipMode !== undefined && ing.ipMode !== 'VIP'))
            continue;
        const ip = parseIP(ing.ip);
        if (ip && ip.family === family)
            lbVIPs.push(ip.ip);
    }
    const sourceRanges = [];
    for (const r of spec.loadBalancerSourceRanges ?? []) {
        const cidr = parseCidr(r);
        if (cidr && cidr.family === family)
            sourceRanges.push(cidr.text);
    }
    const needsHealthCheck = spec.type === 'LoadBalancer' && eTPLocal;
    const stickySeconds = spec.sessionAffinity === 'ClientIP' ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800) : 0;
    return (spec.ports ?? []).map((p) => ({
        spn: servicePortName(ns, name, p.name ?? ''),
        portName: p.name ?? '',
        protocol: p.protocol ?? 'TCP',
        clusterIP,
        port: p.port,
        nodePort: p.nodePort ?? 0,
        externalIPs,
        lbVIPs,
        sourceRanges,
        healthCheckNodePort: needsHealthCheck ? (spec.healthCheckNodePort ?? 0) : 0,
        stickySeconds,
        eTPLocal,
        iTPLocal,
    }));
}
function familyIPs(ips, family) {
    const out = [];
    for (const raw of ips) {
        const ip = parseIP(raw);
        if (ip && ip.family === family)
            out.push(ip.ip);
    }
    return out;
}
//# sourceMappingURL=service-port.js.map