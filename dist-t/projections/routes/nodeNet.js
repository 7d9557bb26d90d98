// What flannel's lease holds for one node (pkg/lease LeaseAttrs), read from a Node object:
// per address family the pod CIDR, the underlay IP (the Node's InternalIP of that family) and
// the VTEP MAC, plus the underlay MTU. Everything else in the routes table derives from this.
import { hash } from 'node:crypto';
import { canonicalIp, familyOfIp, parseCidr } from './addr.js';
/** flannel's kube annotations (pkg/subnet/kube/annotations.go, default prefix). */
export const BACKEND_DATA_ANNOTATION = 'flannel.alpha.coreos.com/backend-data';
export const BACKEND_V6_DATA_ANNOTATION = 'flannel.alpha.coreos.com/backend-v6-data';
/**
 * netledger's own: the MTU of the node's underlay interface, decimal. flannel reads it from the
 * interface; a control plane cannot, so the node (or whoever registers it) states it here.
 * Absent or unusable (not an integer in [1280, 65535]) means 1500.
 */
export const UNDERLAY_MTU_ANNOTATION = 'netledger.io/underlay-mtu';
export const DEFAULT_UNDERLAY_MTU = 1500;
/** flannel's VXLAN defaults: VNI 1, the kernel's port 8472, devices flannel.<VNI> / flannel-v6.<VNI>. */
export const FLANNEL_VNI = 1;
export const FLANNEL_PORT = 8472;
export const VXLAN_DEVICE = { 4: `flannel.${FLANNEL_VNI}`, 6: `flannel-v6.${FLANNEL_VNI}` };
/**
 * Encapsulation overhead: outer IP + UDP 8 + VXLAN 8 + inner Ethernet 14. flannel subtracts 50
 * for both devices, but the kernel caps a vxlan device with an IPv6 `local` at lower MTU − 70
 * (VXLAN6_HEADROOM): `mtu 1450` on a 1500 underlay is EINVAL there. So v6 uses 70.
 */
export const VXLAN_OVERHEAD = { 4: 50, 6: 70 };
export const BRIDGE_DEVICE = 'cni0';
/** Symbolic device name for the underlay; the agent substitutes the interface holding the InternalIP. */
export const UNDERLAY_DEVICE = '@underlay';
export function nodeNetOf(node, config) {
    const name = node.metadata.name ?? '';
    const enabled = new Set(config.clusterCIDRs.map((c) => parseCidr(c)?.family));
    const families = [];
    for (const family of [4, 6]) {
        if (!enabled.has(family))
            continue;
        const pod = podCidrsOf(node).find((c) => c.family === family);
        if (!pod)
            continue;
        families.push({ family, pod, nodeIP: internalIpOf(node, family), vtepMac: vtepMacFor(node, family) });
    }
    return { name, underlayMtu: underlayMtuOf(node), families };
}
function podCidrsOf(node) {
    const texts = node.spec?.podCIDRs?.length ? node.spec.podCIDRs : node.spec?.podCIDR ? [node.spec.podCIDR] : [];
    return texts.map(parseCidr).filter((c) => c !== undefined);
}
function internalIpOf(node, family) {
    for (const a of node.status?.addresses ?? []) {
        if (a.type === 'InternalIP' && familyOfIp(a.address) === family)
            return canonicalIp(a.address);
    }
    return undefined;
}
function underlayMtuOf(node) {
    const text = node.metadata.annotations?.[UNDERLAY_MTU_ANNOTATION];
    if (text === undefined || !/^\d+$/.test(text))
        return DEFAULT_UNDERLAY_MTU;
    const mtu = Number(text);
    return mtu >= 1280 && mtu <= 65535 ? mtu : DEFAULT_UNDERLAY_MTU;
}
const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
/**
 * The node's VTEP MAC for a family: the one flannel published in the backend-data annotation
 * (`{"VNI":1,"VtepMAC":"12:c6:65:89:b4:e3"}`) when it is a usable unicast MAC, otherwise one the
 * control plane derives from the node name: the first six bytes of sha256(name) (sha256(name +
 * "/v6") for IPv6, so the two devices differ as flannel's random ones do), made locally
 * administered and unicast exactly as flannel's NewHardwareAddr does.
 */
export function vtepMacFor(node, family = 4) {
    const annotation = node.metadata.annotations?.[family === 4 ? BACKEND_DATA_ANNOTATION : BACKEND_V6_DATA_ANNOTATION];
    const published = annotation === undefined ? undefined : publishedMac(annotation);
    return published ?? deterministicVtepMac(node.metadata.name ?? '', family);
}
export function deterministicVtepMac(nodeName, family = 4) {
    const hw = [...hash('sha256', family === 4 ? nodeName : `${nodeName}/v6`, 'buffer').subarray(0, 6)];
    hw[0] = (hw[0] & 0xfe) | 0x02;
    return hw.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
function publishedMac(annotation) {
    let data;
    try {
        data = JSON.parse(annotation);
    }
    catch {
        return undefined;
    }
    const mac = data?.VtepMAC;
    if (typeof mac !== 'string')
        return undefined;
    const lower = mac.toLowerCase();
    if (!MAC_RE.test(lower))
        return undefined;
    const first = parseInt(lower.slice(0, 2), 16);
    // A multicast or all-zero address cannot be a device address; the kernel would refuse it.
    if (first & 0x01 || lower === '00:00:00:00:00:00')
        return undefined;
    return lower;
}
//# sourceMappingURL=nodeNet.js.map