// The `routes` projection: flannel's per-node kernel state (reference Part A) for the cluster's
// pod network backend (`config.podNetwork`, vxlan or host-gw), as a keyed table per node.
//
// Key grammar (one key per kernel object; device names never contain '/'):
//
//   route/<dst>            <dst> = canonical CIDR, e.g. route/10.244.2.0/24, route/fd00:10:244:2::/64
//   neigh/<dev>/<ip>       e.g. neigh/flannel.1/10.244.2.0, neigh/flannel-v6.1/fd00:10:244:2::
//   fdb/<dev>/<mac>        e.g. fdb/flannel.1/6e:2f:a0:11:22:33 (MAC lowercase)
//   link/<name>            link/flannel.1, link/flannel-v6.1 (vxlan), link/cni0 (bridge)
//
// Values (JSON, keys always in this order; optional fields absent, never null):
//
//   route   {dst, via?, dev, proto?, scope?, src?, metric?, onlink?}
//           vxlan remote:   {dst:"10.244.2.0/24", via:"10.244.2.0", dev:"flannel.1", onlink:true}
//           host-gw remote: {dst:"10.244.2.0/24", via:"192.168.56.12", dev:"@underlay"}
//           own pod CIDR:   {dst:"10.244.1.0/24", dev:"cni0", proto:"kernel", scope:"link", src:"10.244.1.1"}
//                           {dst:"fd00:10:244:1::/64", dev:"cni0", proto:"kernel", metric:256}
//           (proto "kernel" = the connected route of cni0's address: audited, never installed)
//   neigh   {dst, lladdr, dev, nud:"permanent"}
//   fdb     {mac, dev, dst:<remote InternalIP>, flags:["self"], state:"permanent"}
//   link    vxlan:  {kind:"vxlan", name, vni:1, port:8472, local:<InternalIP>, dev:"@underlay",
//                    learning:false, mac, mtu, address:"10.244.1.0/32"}
//           bridge: {kind:"bridge", name:"cni0", addresses:["10.244.1.1/24", ...]}
//
// `@underlay` is symbolic: the interface holding the node's InternalIP, which only the agent
// knows (API.md, "The node the agent manages"). Renderers substitute `opts.underlay`.
//
// MTU: flannel.1 = underlay MTU − 50, flannel-v6.1 = underlay MTU − 70 (the kernel's limit for
// an IPv6 outer header). The underlay MTU is the Node annotation `netledger.io/underlay-mtu`,
// 1500 when absent or invalid. VTEP MACs: see vtepMacFor.
//
// Units: `node:<name>`, one per Node; there is no node-independent unit. A node's unit writes,
// cluster-wide, what every other node needs to reach it (vxlan: route + neigh + FDB per family;
// host-gw: route) and, in its own scope, overrides its route key with the local cni0 route,
// tombstones its own neigh/FDB keys and adds its link/* facts. So a Node event recomputes one
// unit and touches O(1) entries; a ClusterNetworkConfig event recomputes every unit.
import { nodeContributions } from './contributions.js';
import { nodeNetOf } from './nodeNet.js';
export { renderRoutesBatch, splitRoutesBatch, IP_BATCH_HEADER, BRIDGE_BATCH_HEADER } from './render.js';
export { vtepMacFor, deterministicVtepMac, nodeNetOf, BACKEND_DATA_ANNOTATION, BACKEND_V6_DATA_ANNOTATION, UNDERLAY_MTU_ANNOTATION, UNDERLAY_DEVICE, BRIDGE_DEVICE, VXLAN_DEVICE, FLANNEL_VNI, FLANNEL_PORT, } from './nodeNet.js';
export * from './values.js';
export { heldOn, vxlanDevicesHeld } from './held.js';
export * from './commands.js';
const UNIT_PREFIX = 'node:';
export const nodeUnit = (name) => `${UNIT_PREFIX}${name}`;
export const routesProjection = {
    name: 'routes',
    tables: ['routes'],
    unitsAffected(change, view) {
        if (change.kind === 'Node')
            return [nodeUnit(change.name)];
        if (change.kind === 'ClusterNetworkConfig')
            return routesProjection.allUnits(view);
        return [];
    },
    allUnits(view) {
        return [...view.nodes.keys()].sort().map(nodeUnit);
    },
    compute(unit, view) {
        if (!unit.startsWith(UNIT_PREFIX))
            return [];
        const node = view.nodes.get(unit.slice(UNIT_PREFIX.length));
        if (!node)
            return [];
        return nodeContributions(nodeNetOf(node, view.config), view.config.podNetwork);
    },
    // Two nodes claiming one key means overlapping pod CIDRs or a copied VTEP MAC, which the
    // allocator and validation should have refused. Rather than fail every write, the node whose
    // name sorts first keeps the key (values arrive ordered by unit id), so the result is still a
    // pure function of the cluster and replay agrees with the live table.
    merge(_table, _key, values) {
        return values[0];
    },
};
//# sourceMappingURL=index.js.map