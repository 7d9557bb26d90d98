// Endpoint selection as kube-proxy's EndpointSliceCache + CategorizeEndpoints
// (pkg/proxy/endpointslicecache.go, pkg/proxy/topology.go), for one IP family.
import { joinHostPort, parseIP } from './ip.js';
/** `${portName}/${PROTOCOL}` — the part of a ServicePortName that a slice port carries. */
export function slicePortKey(portName, protocol) {
    return `${portName}/${protocol}`;
}
/** Every endpoint address kube-proxy's EndpointSliceCache reads for one family, with the slice
 * port it is reached on (`key` = slicePortKey, and its number): slices of the family's address
 * type, ports with a number, the first address of each endpoint, of the family. */
function forEachEndpoint(slices, family, visit) {
    const wantType = family === 'ipv4' ? 'IPv4' : 'IPv6';
    for (const slice of slices) {
        if (slice.addressType !== wantType)
            continue;
        for (const port of slice.ports ?? []) {
            if (port.port === undefined || port.port === 0)
                continue;
            const key = slicePortKey(port.name ?? '', port.protocol ?? 'TCP');
            for (const ep of slice.endpoints ?? []) {
                if (!ep.addresses || ep.addresses.length === 0)
                    continue;
                const addr = parseIP(ep.addresses[0]);
                if (!addr || addr.family !== family)
                    continue;
                visit(key, addr.ip, port.port, ep);
            }
        }
    }
}
const NO_HINTS = [];
function zoneHintsOf(hints) {
    const forZones = hints?.forZones;
    if (!Array.isArray(forZones) || forZones.length === 0)
        return NO_HINTS;
    return forZones.map((z) => z?.name).filter((n) => typeof n === 'string');
}
/** Endpoints per slice port, sorted by their "IP:port" string (byte-wise, as upstream). */
export function endpointsByPort(slices, family) {
    const byPort = new Map();
    forEachEndpoint(slices, family, (key, ip, port, ep) => {
        const text = joinHostPort(ip, port);
        let set = byPort.get(key);
        if (!set)
            byPort.set(key, (set = new Map()));
        const c = ep.conditions ?? {};
        const info = {
            ip,
            port,
            text,
            nodeName: ep.nodeName ?? null,
            ready: c.ready ?? true,
            serving: c.serving ?? true,
            terminating: c.terminating ?? false,
            zoneHints: zoneHintsOf(ep.hints),
        };
        const existing = set.get(text);
        if (existing)
            existing.copies.push(info);
        else
            set.set(text, { text, copies: [info] });
    });
    const out = new Map();
    for (const [key, set] of byPort) {
        out.set(key, [...set.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)));
    }
    return out;
}
/** How many distinct endpoints endpointsByPort keeps per slice port (kube-proxy's
 * len(endpointsMap[svcPortName])), without building or sorting them. */
export function endpointCountsByPort(slices, family) {
    // key -> port number -> IPs: distinct IP:port without building its text.
    const seen = new Map();
    forEachEndpoint(slices, family, (key, ip, port) => {
        let ports = seen.get(key);
        if (!ports)
            seen.set(key, (ports = new Map()));
        let ips = ports.get(port);
        if (!ips)
            ports.set(port, (ips = new Set()));
        ips.add(ip);
    });
    const out = new Map();
    for (const [key, ports] of seen) {
        let n = 0;
        for (const ips of ports.values())
            n += ips.size;
        out.set(key, n);
    }
    return out;
}
/** Resolve duplicates for one node: the last copy on this node, else the first copy. */
export function resolveForNode(eps, nodeName) {
    return eps.map(({ copies }) => {
        if (nodeName !== null) {
            for (let i = copies.length - 1; i >= 0; i--) {
                if (copies[i].nodeName === nodeName)
                    return { ep: copies[i], local: true };
            }
        }
        return { ep: copies[0], local: false };
    });
}
/**
 * topologyModeFromHints (pkg/proxy/topology.go), for every zone at once: the zones whose nodes
 * use PreferSameZone (every ready endpoint has zone hints, and one at least names the zone), in
 * order; empty when the hints do not apply (an endpoint without them, or none ready). Nodes in
 * another zone, or with no zone label, use every ready endpoint. Node hints (PreferSameNode) are
 * behind an alpha gate in v1.33 and not in v1.32.
 */
export function hintedZones(eps) {
    const zones = new Set();
    let ready = false;
    for (const { ep } of eps) {
        if (!ep.ready)
            continue;
        ready = true;
        if (ep.zoneHints.length === 0)
            return [];
        for (const z of ep.zoneHints)
            zones.add(z);
    }
    return ready ? [...zones].sort() : [];
}
/**
 * CategorizeEndpoints for a node in `zone`: one of hintedZones (its cluster endpoints are those
 * hinted for it), or null for every other node (no topology: all ready endpoints).
 */
export function categorize(eps, policy, zone = null) {
    let clusterEps = [];
    let localEps = [];
    let hasEndpoints = false;
    if (policy.usesClusterEndpoints) {
        clusterEps = eps.filter((e) => e.ep.ready && (zone === null || e.ep.zoneHints.includes(zone))).map((e) => e.ep);
        // No ready endpoint anywhere: fall back to serving-terminating ones (graceful termination).
        if (clusterEps.length === 0)
            clusterEps = eps.filter((e) => e.ep.serving && e.ep.terminating).map((e) => e.ep);
        if (clusterEps.length > 0)
            hasEndpoints = true;
    }
    if (!policy.usesLocalEndpoints)
        return { clusterEps, localEps, allReachable: clusterEps, hasEndpoints };
    let localReady = false;
    let localServingTerminating = false;
    for (const { ep, local } of eps) {
        if (ep.ready) {
            hasEndpoints = true;
            if (local)
                localReady = true;
        }
        else if (ep.serving && ep.terminating) {
            hasEndpoints = true;
            if (local)
                localServingTerminating = true;
        }
    }
    let usesServingTerminating = false;
    if (localReady)
        localEps = eps.filter((e) => e.local && e.ep.ready).map((e) => e.ep);
    else if (localServingTerminating) {
        usesServingTerminating = true;
        localEps = eps.filter((e) => e.local && e.ep.serving && e.ep.terminating).map((e) => e.ep);
    }
    if (!policy.usesClusterEndpoints)
        return { clusterEps, localEps, allReachable: localEps, hasEndpoints };
    // Without topology and with ready local endpoints, the cluster set holds every local one.
    if (!usesServingTerminating && zone === null)
        return { clusterEps, localEps, allReachable: clusterEps, hasEndpoints };
    const merged = new Map();
    for (const ep of clusterEps)
        merged.set(ep.text, ep);
    for (const ep of localEps)
        merged.set(ep.text, ep);
    const allReachable = [...merged.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    return { clusterEps, localEps, allReachable, hasEndpoints };
}
//# sourceMappingURL=endpoints.js.map