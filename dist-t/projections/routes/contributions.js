// One node's unit: what the node gives every other node (cluster scope) and what it holds
// itself (node scope). A remote node's route, neighbour and FDB entry are identical on every
// node, so they are written once, cluster-wide; the node itself overrides its own route key
// with the local cni0 route and tombstones its own neighbour and FDB keys. A node change
// therefore rewrites a handful of entries whatever the cluster size.
import { CLUSTER } from '../model.js';
import { BRIDGE_DEVICE, FLANNEL_PORT, FLANNEL_VNI, UNDERLAY_DEVICE, VXLAN_DEVICE, VXLAN_OVERHEAD, } from './nodeNet.js';
import { fdbKey, linkKey, neighKey, routeKey, } from './values.js';
export function nodeContributions(net, backend) {
    const out = [];
    const add = (scope, key, value) => out.push({ table: 'routes', scope, key, value });
    const own = net.name;
    for (const f of net.families) {
        const dst = f.pod.cidr;
        // Without an underlay IP a peer cannot reach this node: flannel has no lease for it.
        if (f.nodeIP !== undefined) {
            if (backend === 'vxlan') {
                const dev = VXLAN_DEVICE[f.family];
                add(CLUSTER, neighKey(dev, f.pod.network), neighValue(f, dev));
                add(CLUSTER, fdbKey(dev, f.vtepMac), fdbValue(f, dev, f.nodeIP));
                add(CLUSTER, routeKey(dst), { dst, via: f.pod.network, dev, onlink: true });
                add(own, neighKey(dev, f.pod.network), null);
                add(own, fdbKey(dev, f.vtepMac), null);
                add(own, linkKey(dev), vxlanLink(f, dev, f.nodeIP, net.underlayMtu));
            }
            else {
                add(CLUSTER, routeKey(dst), { dst, via: f.nodeIP, dev: UNDERLAY_DEVICE });
            }
        }
        add(own, routeKey(dst), localRoute(f));
    }
    if (net.families.length > 0) {
        const bridge = {
            kind: 'bridge',
            name: BRIDGE_DEVICE,
            addresses: net.families.map((f) => `${f.pod.gateway}/${f.pod.prefix}`),
        };
        add(own, linkKey(BRIDGE_DEVICE), bridge);
    }
    return out;
}
function neighValue(f, dev) {
    return { dst: f.pod.network, lladdr: f.vtepMac, dev, nud: 'permanent' };
}
function fdbValue(f, dev, nodeIP) {
    return { mac: f.vtepMac, dev, dst: nodeIP, flags: ['self'], state: 'permanent' };
}
/**
 * The connected route cni0's gateway address gives, as `ip route` shows it:
 * `10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1`, and for IPv6
 * `fd00:10:244:1::/64 dev cni0 proto kernel metric 256`.
 */
function localRoute(f) {
    return f.family === 4
        ? { dst: f.pod.cidr, dev: BRIDGE_DEVICE, proto: 'kernel', scope: 'link', src: f.pod.gateway }
        : { dst: f.pod.cidr, dev: BRIDGE_DEVICE, proto: 'kernel', metric: 256 };
}
function vxlanLink(f, name, local, underlayMtu) {
    return {
        kind: 'vxlan',
        name,
        vni: FLANNEL_VNI,
        port: FLANNEL_PORT,
        local,
        dev: UNDERLAY_DEVICE,
        learning: false,
        mac: f.vtepMac,
        mtu: underlayMtu - VXLAN_OVERHEAD[f.family],
        address: `${f.pod.network}/${f.family === 4 ? 32 : 128}`,
    };
}
//# sourceMappingURL=contributions.js.map