// The Node's InternalIP, which names the underlay interface (API.md "The node the agent manages").
// The routes table's VXLAN link carries it (`local`); host-gw and iptables-only agents ask the API.
import { parseRoutesKey } from '../projections/routes/index.js';
export function internalIpFromRoutes(routes) {
    if (!routes)
        return undefined;
    let v6;
    for (const [key, value] of routes) {
        if (parseRoutesKey(key)?.kind !== 'link' || value.kind !== 'vxlan')
            continue;
        const local = value.local;
        if (!local.includes(':'))
            return local;
        v6 ??= local;
    }
    return v6;
}
export async function fetchInternalIp(server, node) {
    const res = await fetch(`${server}/api/v1/nodes/${encodeURIComponent(node)}`, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok)
        throw new Error(`GET node ${node}: HTTP ${res.status}`);
    const obj = (await res.json());
    const ips = (obj.status?.addresses ?? []).filter((a) => a.type === 'InternalIP').map((a) => a.address);
    return ips.find((ip) => !ip.includes(':')) ?? ips[0];
}
//# sourceMappingURL=node-info.js.map