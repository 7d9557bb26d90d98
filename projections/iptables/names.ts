// kube-proxy's chain names (pkg/proxy/iptables/proxier.go): a service port's chains share one
// hash of servicePortName + protocol; an endpoint chain hashes the endpoint string too. The
// hash is base32(sha256(...))[0:16] with the RFC 4648 alphabet, no separators between parts.

import { hash } from 'node:crypto';
import { IP_MEMO_SIZE, memoize } from '../../domain/memo.js';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The first 16 characters of base32(sha256(text)): its first 80 bits, 5 at a time. Char codes
 * into one string, no Buffer view or string per character: every service recompute names all of
 * its chains, and this was the largest single allocation of an endpoint change (bench scale,
 * heap sampling: ~15 of ~280 KB). */
function base32Sha256Prefix(text: string): string {
  const digest = hash('sha256', text, 'buffer');
  const codes = new Array<number>(16);
  let bits = 0;
  let value = 0;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    value = ((value << 8) | digest[i]!) & 0xfff; // at most 12 bits are ever pending
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      codes[n++] = B32.charCodeAt((value >>> bits) & 31);
    }
  }
  return String.fromCharCode(...codes);
}

/** Every recompute of a Service names its chains again and gets the same names: kept, with room
 * for one name per service port and per endpoint at the scalability envelope (110,000 at bench
 * scale's). The sha256s were ~40% of a Service's iptables recompute (CPU profile, endpoint
 * changes on bench scale's envelope). */
const hash16 = memoize(base32Sha256Prefix, IP_MEMO_SIZE);

/** `ns/name` or `ns/name:port` — proxy.ServicePortName.String(). */
export function servicePortName(namespace: string, name: string, portName: string): string {
  return `${namespace}/${name}${portName ? `:${portName}` : ''}`;
}

/** The hash shared by KUBE-SVC-/SVL-/EXT-/FW- of one service port (`proto` lowercase). */
export function portProtoHash(spn: string, proto: string): string {
  return hash16(spn + proto);
}

export interface ServicePortChains {
  svc: string;
  svl: string;
  ext: string;
  fw: string;
}

export function servicePortChains(spn: string, proto: string): ServicePortChains {
  const h = portProtoHash(spn, proto);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** KUBE-SEP-… of one endpoint; `endpoint` is JoinHostPort(canonicalIP, port). */
export function endpointChainName(spn: string, proto: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(spn + proto + endpoint)}`;
}

/** The chain prefixes kube-proxy garbage-collects (isServiceChainName). */
export const SERVICE_CHAIN_PREFIXES = ['KUBE-SVC-', 'KUBE-SVL-', 'KUBE-EXT-', 'KUBE-FW-', 'KUBE-SEP-'];

export function isServiceChainName(chain: string): boolean {
  return SERVICE_CHAIN_PREFIXES.some((p) => chain.startsWith(p));
}

/**
 * Go's fmt.Sprintf("%0.10f", 1.0/float64(n)). Both Go and JS toFixed round the exact binary
 * value of the double; they differ only on an exact tie (Go: half-to-even, JS: half-up). A tie
 * needs 1/n to be exactly representable, i.e. n a power of two (n = 2048 in kube-proxy's range),
 * and then 10^10/n is exact rational arithmetic, which BigInt does with Go's rounding.
 */
export function probability(n: number): string {
  let p = probabilities[n];
  if (p === undefined && n < probabilities.length) probabilities[n] = p = goProbability(n);
  return p ?? goProbability(n);
}

/** probability(n) for the endpoint counts of most service ports: a KUBE-SVC chain of N endpoints
 * prints N − 1 of them on every recompute. */
const probabilities = new Array<string | undefined>(1024);

function goProbability(n: number): string {
  if ((n & (n - 1)) !== 0 || n > 2 ** 30) return (1 / n).toFixed(10);
  const scale = 10_000_000_000n;
  const d = BigInt(n);
  let q = scale / d;
  const r2 = (scale % d) * 2n;
  if (r2 > d || (r2 === d && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(11, '0');
  return `${s.slice(0, -10)}.${s.slice(-10)}`;
}
