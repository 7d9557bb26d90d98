// kube-proxy's chain names (pkg/proxy/iptables/proxier.go): a service port's chains share one
// hash of servicePortName + protocol; an endpoint chain hashes the endpoint string too. The
// hash is base32(sha256(...))[0:16] with the RFC 4648 alphabet, no separators between parts.
import { hash } from 'node:crypto';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** The first 16 characters of base32(sha256(text)): its first 80 bits, 5 at a time. Char codes
 * into one string, no Buffer view or string per character: every service recompute names all of
 * its chains, and this was the largest single allocation of an endpoint change (bench scale,
 * heap sampling: ~15 of ~280 KB). */
function hash16(text) {
    const digest = hash('sha256', text, 'buffer');
    const codes = new Array(16);
    let bits = 0;
    let value = 0;
    let n = 0;
    for (let i = 0; i < 10; i++) {
        value = ((value << 8) | digest[i]) & 0xfff; // at most 12 bits are ever pending
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            codes[n++] = B32.charCodeAt((value >>> bits) & 31);
        }
    }
    return String.fromCharCode(...codes);
}
/** `ns/name` or `ns/name:port` — proxy.ServicePortName.String(). */
export function servicePortName(namespace, name, portName) {
    return `${namespace}/${name}${portName ? `:${portName}` : ''}`;
}
/** The hash shared by KUBE-SVC-/SVL-/EXT-/FW- of one service port (`proto` lowercase). */
export function portProtoHash(spn, proto) {
    return hash16(spn + proto);
}
export function servicePortChains(spn, proto) {
    const h = portProtoHash(spn, proto);
    return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}
/** KUBE-SEP-… of one endpoint; `endpoint` is JoinHostPort(canonicalIP, port). */
export function endpointChainName(spn, proto, endpoint) {
    return `KUBE-SEP-${hash16(spn + proto + endpoint)}`;
}
/** The chain prefixes kube-proxy garbage-collects (isServiceChainName). */
export const SERVICE_CHAIN_PREFIXES = ['KUBE-SVC-', 'KUBE-SVL-', 'KUBE-EXT-', 'KUBE-FW-', 'KUBE-SEP-'];
export function isServiceChainName(chain) {
    return SERVICE_CHAIN_PREFIXES.some((p) => chain.startsWith(p));
}
/**
 * Go's fmt.Sprintf("%0.10f", 1.0/float64(n)). Both Go and JS toFixed round the exact binary
 * value of the double; they differ only on an exact tie (Go: half-to-even, JS: half-up). A tie
 * needs 1/n to be exactly representable, i.e. n a power of two (n = 2048 in kube-proxy's range),
 * and then 10^10/n is exact rational arithmetic, which BigInt does with Go's rounding.
 */
export function probability(n) {
    if ((n & (n - 1)) !== 0 || n > 2 ** 30)
        return (1 / n).toFixed(10);
    const scale = 10000000000n;
    const d = BigInt(n);
    let q = scale / d;
    const r2 = (scale % d) * 2n;
    if (r2 > d || (r2 === d && q % 2n === 1n))
        q += 1n;
    const s = q.toString().padStart(11, '0');
    return `${s.slice(0, -10)}.${s.slice(-10)}`;
}
//# sourceMappingURL=names.js.map