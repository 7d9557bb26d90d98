// pkg/api/v1/endpoints RepackSubsets + SortSubsets: expand subsets to (address, port) pairs and
// regroup them so each subset is one maximal set of addresses sharing one set of ports — the
// canonical layout the Endpoints controller writes and the mirroring controller reads.
import { dumpCoreEndpointPort, dumpCoreEndpointSubset, md5Hex } from './goHash.js';
// Addresses are de-duplicated on IP + target UID (two pods may share a host-network IP).
const addressKey = (a) => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
// Go keys its map on the EndpointPort struct; by value here (Go compares AppProtocol by pointer,
// which only matters for hand-written Endpoints repeating one port with an appProtocol).
const portKey = (p) => JSON.stringify([p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? null]);
/** The port that stands for "no ports" so port-less (headless) subsets survive the regrouping. */
const NO_PORTS = { port: -1 };
/** LessEndpointAddress: by IP bytes, then by target UID (no targetRef first). */
export function compareEndpointAddress(a, b) {
    if (a.ip !== b.ip)
        return a.ip < b.ip ? -1 : 1;
    if (b.targetRef === undefined)
        return a.targetRef === undefined ? 0 : 1;
    if (a.targetRef === undefined)
        return -1;
    const ua = a.targetRef.uid ?? '';
    const ub = b.targetRef.uid ?? '';
    return ua < ub ? -1 : ua > ub ? 1 : 0;
}
function byHash(items, dump) {
    // One item (one subset, one port: the common case) is in order without hashing it.
    if (items.length < 2)
        return items;
    return items
        .map((t) => ({ t, h: md5Hex(dump(t)) }))
        .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
        .map((x) => x.t);
}
export function sortSubsets(subsets) {
    const sorted = subsets.map((s) => {
        const out = {};
        if (s.addresses !== undefined)
            out.addresses = [...s.addresses].sort(compareEndpointAddress);
        if (s.notReadyAddresses !== undefined)
            out.notReadyAddresses = [...s.notReadyAddresses].sort(compareEndpointAddress);
        if (s.ports !== undefined)
            out.ports = byHash([...s.ports], dumpCoreEndpointPort);
        return out;
    });
    return byHash(sorted, dumpCoreEndpointSubset);
}
export function repackSubsets(subsets) {
    const allAddrs = new Map();
    // port key -> (port, address key -> ready)
    const portToAddrReady = new Map();
    const mapAddress = (addr, port, ready) => {
        const key = addressKey(addr);
        // Shared, not copied: stored objects are never changed in place, so the Endpoints built
        // here may hold the very address objects it was given.
        if (!allAddrs.has(key))
            allAddrs.set(key, addr);
        const pk = portKey(port);
        let entry = portToAddrReady.get(pk);
        if (!entry)
            portToAddrReady.set(pk, (entry = { port, addrs: new Map() }));
        // Not ready always trumps ready.
        const was = entry.addrs.get(key);
        if (was === undefined || was)
            entry.addrs.set(key, ready);
    };
    for (const s of subsets) {
        const ports = s.ports && s.ports.length > 0 ? s.ports : [NO_PORTS];
        for (const port of ports) {
            for (const a of s.addresses ?? [])
                mapAddress(a, port, true);
            for (const a of s.notReadyAddresses ?? [])
                mapAddress(a, port, false);
        }
    }
    // Group ports by the exact (address, readiness) set they are offered on.
    const groups = new Map();
    for (const { port, addrs } of portToAddrReady.values()) {
        const key = [...addrs.entries()]
            .sort(([a], [b]) => compareEndpointAddress(allAddrs.get(a), allAddrs.get(b)))
            .map(([k, ready]) => `${k}\u0000${ready}`)
            .join('\u0001');
        let g = groups.get(key);
        if (!g)
            groups.set(key, (g = { addrs, ports: undefined }));
        if (port.port > 0)
            (g.ports ??= []).push(port);
    }
    const final = [];
    for (const { addrs, ports } of groups.values()) {
        const s = {};
        for (const [k, ready] of addrs) {
            const a = allAddrs.get(k);
            if (ready)
                (s.addresses ??= []).push(a);
            else
                (s.notReadyAddresses ??= []).push(a);
        }
        if (ports)
            s.ports = ports;
        final.push(s);
    }
    return sortSubsets(final);
}
//# sourceMappingURL=repackSubsets.js.map