// The little address arithmetic flannel's model needs: a pod CIDR's network address (the VTEP
// address, `10.244.1.0`), its first address (cni0's gateway, `10.244.1.1`), and a stable sort.
// Kept local to the projection so it depends on nothing but ipaddr.js.
import ipaddr from 'ipaddr.js';
export function familyOfIp(ip) {
    if (ipaddr.IPv4.isValidFourPartDecimal(ip))
        return 4;
    if (ipaddr.IPv6.isValid(ip) && !ip.includes('%'))
        return 6;
    return undefined;
}
export function canonicalIp(ip) {
    return ipaddr.parse(ip).toString();
}
export function parseCidr(text) {
    let parsed;
    try {
        parsed = ipaddr.parseCIDR(text);
    }
    catch {
        return undefined;
    }
    const [addr, prefix] = parsed;
    const family = addr.kind() === 'ipv4' ? 4 : 6;
    if (family === 4 && !ipaddr.IPv4.isValidFourPartDecimal(text.split('/')[0]))
        return undefined;
    const bytes = maskBytes(addr.toByteArray(), prefix);
    const network = ipaddr.fromByteArray(bytes).toString();
    return { family, cidr: `${network}/${prefix}`, network, prefix, gateway: ipaddr.fromByteArray(increment(bytes)).toString() };
}
function maskBytes(bytes, prefix) {
    return bytes.map((b, i) => {
        const bits = Math.max(0, Math.min(8, prefix - i * 8));
        return b & ((0xff << (8 - bits)) & 0xff);
    });
}
function increment(bytes) {
    const out = bytes.slice();
    for (let i = out.length - 1; i >= 0; i--) {
        if (out[i] < 0xff) {
            out[i] += 1;
            return out;
        }
        out[i] = 0;
    }
    return out;
}
/** Orders addresses and CIDRs IPv4 first, then numerically, then by prefix length. */
export function compareAddresses(a, b) {
    const [ia, pa] = splitPrefix(a);
    const [ib, pb] = splitPrefix(b);
    const ba = safeBytes(ia);
    const bb = safeBytes(ib);
    if (!ba || !bb)
        return a < b ? -1 : a > b ? 1 : 0;
    if (ba.length !== bb.length)
        return ba.length - bb.length;
    for (let i = 0; i < ba.length; i++)
        if (ba[i] !== bb[i])
            return ba[i] - bb[i];
    return pa - pb;
}
function splitPrefix(text) {
    const slash = text.indexOf('/');
    return slash < 0 ? [text, -1] : [text.slice(0, slash), Number(text.slice(slash + 1))];
}
function safeBytes(ip) {
    try {
        return ipaddr.parse(ip).toByteArray();
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=addr.js.map