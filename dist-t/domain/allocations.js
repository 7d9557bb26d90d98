// What the allocators have handed out, derived from the objects themselves (a Service's
// clusterIPs and nodePorts, a Node's podCIDRs, a Pod's podIPs), so a loaded or replayed state
// knows them without extra records. Allocation happens in decide and is written into the object,
// hence into the event: replay never re-allocates.
import { canonicalIP, Cidr, familyOf } from './net/cidr.js';
export class Allocations {
    /** canonical IP -> ns/name of the Service holding it. */
    clusterIPs = new Map();
    /** node port -> ns/name of the Service holding it (one service may use it for TCP and UDP). */
    nodePorts = new Map();
    /** pod CIDR text -> node name. */
    podCIDRs = new Map();
    /** canonical IP -> ns/name of the Pod holding it. */
    podIPs = new Map();
    /** Where the next search starts; only a speed-up, never part of an object. */
    cursors = new Map();
    claim(kind, key, obj) {
        if (kind === 'Service') {
            for (const ip of serviceIPs(obj))
                this.clusterIPs.set(ip, key);
            for (const port of serviceNodePorts(obj))
                this.nodePorts.set(port, key);
        }
        else if (kind === 'Node') {
            for (const cidr of nodePodCIDRs(obj))
                this.podCIDRs.set(cidr, key);
        }
        else if (kind === 'Pod') {
            for (const ip of podNetworkIPsOf(obj))
                this.podIPs.set(ip, key);
        }
    }
    release(kind, key, obj) {
        const drop = (map, k) => {
            if (map.get(k) === key)
                map.delete(k);
        };
        if (kind === 'Service') {
            for (const ip of serviceIPs(obj))
                drop(this.clusterIPs, ip);
            for (const port of serviceNodePorts(obj))
                drop(this.nodePorts, port);
        }
        else if (kind === 'Node') {
            for (const cidr of nodePodCIDRs(obj)) {
                drop(this.podCIDRs, cidr);
                // Node IPAM hands out the first free block: restart the search from the beginning.
                this.cursors.delete(`podCIDR/${familyOf(cidr.split('/')[0])}`);
            }
        }
        else if (kind === 'Pod') {
            for (const ip of podNetworkIPsOf(obj))
                drop(this.podIPs, ip);
        }
    }
    /** Next free cluster IP of the range, or undefined when it is full. */
    nextClusterIP(range, taken = new Set()) {
        // kube-apiserver keeps the lowest block of the range for static IPs (min(max(16, size/16), 256)
        // addresses) and allocates dynamically above it first; we walk upward from there.
        const size = range.size;
        const usable = range.family === 'IPv4' ? size - 2n : size - 1n;
        let band = size / 16n;
        if (band < 16n)
            band = 16n;
        if (band > 256n)
            band = 256n;
        if (band >= usable)
            band = 0n;
        return this.walk(`clusterIP/${range.text}`, 1n, usable, band, (off) => {
            const ip = range.addressAt(off);
            return this.clusterIPs.has(ip) || taken.has(ip) ? undefined : ip;
        });
    }
    nextNodePort(min, max, taken = new Set()) {
        // The port allocator keeps the lowest block of the range for static ports
        // (calculateRangeOffset: min(max(16, size/32), 128), none for a range of 16 or less) and
        // allocates dynamically above it first: 30086 and up for the default 30000-32767.
        const size = max - min + 1;
        const band = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
        const found = this.walk('nodePort', BigInt(min), BigInt(max), BigInt(min + band), (n) => {
            const port = Number(n);
            return this.nodePorts.has(port) || taken.has(port) ? undefined : String(port);
        });
        return found === undefined ? undefined : Number(found);
    }
    /** First free /maskSize block of the cluster CIDR (kube-controller-manager's node IPAM). */
    nextPodCIDR(clusterCidr, maskSize) {
        // A /16 cut into /24s has 2^(24-16) = 256 blocks; a /12 into /24s, 4,096.
        const count = 1n << BigInt(maskSize - clusterCidr.prefix);
        const cursorKey = `podCIDR/${clusterCidr.family}`;
        const start = this.cursors.get(cursorKey) ?? 0n;
        for (let i = start; i < count; i++) {
            const cidr = clusterCidr.subnet(maskSize, i).text;
            if (!this.podCIDRs.has(cidr)) {
                this.cursors.set(cursorKey, i + 1n);
                return cidr;
            }
        }
        for (let i = 0n; i < start && i < count; i++) {
            const cidr = clusterCidr.subnet(maskSize, i).text;
            if (!this.podCIDRs.has(cidr)) {
                this.cursors.set(cursorKey, i + 1n);
                return cidr;
            }
        }
        return undefined;
    }
    /** Next free pod address of a node's pod CIDR: from the second address (the first is cni0's),
     * never the network or (IPv4) broadcast address. */
    nextPodIP(nodeCidr, taken = new Set()) {
        const last = nodeCidr.family === 'IPv4' ? nodeCidr.size - 2n : nodeCidr.size - 1n;
        return this.walk(`podIP/${nodeCidr.text}`, 2n, last, 2n, (off) => {
            const ip = nodeCidr.addressAt(off);
            return this.podIPs.has(ip) || taken.has(ip) ? undefined : ip;
        });
    }
    /**
     * The dynamic part [first, last] from the cursor round to it again, then the static band
     * [lowest, first) only when the dynamic part is full: the allocators' static bands (cluster IPs,
     * node ports) stay for values chosen by hand for as long as they can.
     */
    walk(cursorKey, lowest, last, first, tryAt) {
        let start = this.cursors.get(cursorKey) ?? first;
        if (start < first || start > last)
            start = first;
        const spans = [
            [start, last],
            [first, start - 1n],
            [lowest, first - 1n],
        ];
        for (const [from, to] of spans) {
            for (let n = from; n <= to; n++) {
                const got = tryAt(n);
                if (got !== undefined) {
                    this.cursors.set(cursorKey, n + 1n);
                    return got;
                }
            }
        }
        return undefined;
    }
}
export function serviceIPs(svc) {
    const ips = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
    return ips.filter((ip) => ip && ip !== 'None' && familyOf(ip)).map(canonicalIP);
}
export function serviceNodePorts(svc) {
    const ports = (svc.spec?.ports ?? []).map((p) => p.nodePort).filter((p) => typeof p === 'number' && p > 0);
    if (typeof svc.spec?.healthCheckNodePort === 'number' && svc.spec.healthCheckNodePort > 0)
        ports.push(svc.spec.healthCheckNodePort);
    return ports;
}
export function nodePodCIDRs(node) {
    const cidrs = node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : []);
    return cidrs.map((c) => Cidr.tryParse(c)?.text).filter((c) => !!c);
}
/** The addresses a pod holds in the pod network: none for a hostNetwork pod, whose addresses are
 * its node's (every hostNetwork pod of a node shares them). */
export function podNetworkIPsOf(pod) {
    return pod.spec?.hostNetwork ? [] : podIPsOf(pod);
}
export function podIPsOf(pod) {
    const ips = pod.status?.podIPs?.map((p) => p.ip) ?? (pod.status?.podIP ? [pod.status.podIP] : []);
    return ips.filter((ip) => familyOf(ip)).map(canonicalIP);
}
export function familyOfCidr(cidr) {
    return Cidr.tryParse(cidr)?.family;
}
//# sourceMappingURL=allocations.js.map