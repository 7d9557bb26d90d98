// The ready endpoint addresses of a Service as CoreDNS sees them: EndpointSlices only
// (discovery/v1), `conditions.ready` nil = ready, one candidate per address, each carrying its
// slice's ports (a port-less slice gets CoreDNS's sentinel port -1: address records, no SRV).
import { canonicalIP, dashedEndpointLabel, ipFamily, isValidLabel } from './names.js';
export const NO_PORT = -1;
/** CoreDNS endpointHostname: hostname ▸ pod name (endpoint_pod_names, < 64 chars) ▸ dashed IP. */
export function endpointName(ip, hostname, targetName, podNames) {
    if (hostname)
        return hostname.toLowerCase();
    if (podNames && targetName && targetName.length < 64)
        return targetName.toLowerCase();
    return dashedEndpointLabel(ip);
}
function slicePorts(slice) {
    const ports = (slice.ports ?? []).map((p) => ({
        name: (p.name ?? '').toLowerCase(),
        protocol: (p.protocol ?? 'TCP').toLowerCase(),
        port: p.port ?? NO_PORT,
    }));
    return ports.length > 0 ? ports : [{ name: '', protocol: 'tcp', port: NO_PORT }];
}
export function readyAddresses(slices, config) {
    const out = [];
    for (const slice of slices) {
        if (slice.addressType !== 'IPv4' && slice.addressType !== 'IPv6')
            continue;
        const ports = slicePorts(slice);
        for (const ep of slice.endpoints ?? []) {
            if (ep.conditions?.ready === false)
                continue;
            for (const raw of ep.addresses ?? []) {
                const family = ipFamily(raw);
                if (!family)
                    continue;
                const ip = canonicalIP(raw);
                const name = endpointName(ip, ep.hostname, ep.targetRef?.name, config.dnsEndpointPodNames);
                if (!isValidLabel(name))
                    continue;
                out.push({ ip, family, endpointName: name, ports });
            }
        }
    }
    return out;
}
//# sourceMappingURL=endpoints.js.map