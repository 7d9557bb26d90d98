// Which of the cluster's routes entries a node can hold. Every node's table has every other
// node's route, neighbour and FDB entry per family (written once, cluster-wide), but an entry on
// a flannel VXLAN device exists only where that device does: a node of a dual-stack cluster
// whose Node has no InternalIP of one family gets no device of that family (no `link/…` entry:
// flannel has no underlay for it), so it cannot hold the other nodes' entries of that family.
// flanneld refuses to start on such a node; netledger keeps the family it can serve. Hiding the
// entries with per-node tombstones would make every node event write O(such nodes) rows, so,
// as iptables' zone markers do, the node's own `link/…` entries decide at render and apply time.
import { VXLAN_DEVICE } from './nodeNet.js';
import { parseRoutesKey } from './values.js';
const VXLAN_DEVICES = new Set(Object.values(VXLAN_DEVICE));
/** The VXLAN devices a node's table gives it: its own `link/<device>` entries. */
export function vxlanDevicesHeld(entries) {
    const out = new Set();
    for (const name of VXLAN_DEVICES) {
        const link = entries.get(`link/${name}`);
        if (link !== null && link !== undefined)
            out.add(name);
    }
    return out;
}
/** Whether a node with these VXLAN devices holds a route, neighbour or FDB value: not when it is
 * on a VXLAN device the node does not have. Links and anything else are held. */
export function heldOn(devices, key, value) {
    const kind = parseRoutesKey(key)?.kind;
    if (kind === undefined || kind === 'link')
        return true;
    const dev = value?.dev;
    return typeof dev !== 'string' || !VXLAN_DEVICES.has(dev) || devices.has(dev);
}
//# sourceMappingURL=held.js.map