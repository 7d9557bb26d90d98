// The little address arithmetic flannel's model needs: a pod CIDR's network address (the VTEP
// address, `10.244.1.0`), its first address (cni0's gateway, `10.244.1.1`), and a stable sort.
// Kept local to the projection so it depends on nothing but ipaddr.js.

import ipaddr from 'ipaddr.js';

export type IpFamily = 4 | 6;

export interface ParsedCidr {
  family: IpFamily;
  /** Canonical `network/prefix` text (IPv6 compressed, lowercase). */
  cidr: string;
  network: string;
  prefix: number;
  /** The first address after the network address, as the bridge CNI plugin's gateway. */
  gateway: string;
}

export function familyOfIp(ip: string): IpFamily | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(ip)) return 4;
  if (ipaddr.IPv6.isValid(ip) && !ip.includes('%')) return 6;
  return undefined;
}

export function canonicalIp(ip: string): string {
  return ipaddr.parse(ip).toString();
}

export function parseCidr(text: string): ParsedCidr | undefined {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return undefined;
  }
  const [addr, prefix] = parsed;
  const family: IpFamily = addr.kind() === 'ipv4' ? 4 : 6;
  if (family === 4 && !ipaddr.IPv4.isValidFourPartDecimal(text.split('/')[0]!)) return undefined;
  const bytes = maskBytes(addr.toByteArray(), prefix);
  const network = ipaddr.fromByteArray(bytes).toString();
  return { family, cidr: `${network}/${prefix}`, network, prefix, gateway: ipaddr.fromByteArray(increment(bytes)).toString() };
}

function maskBytes(bytes: number[], prefix: number): number[] {
  return bytes.map((b, i) => {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    return b & ((0xff << (8 - bits)) & 0xff);
  });
}

function increment(bytes: number[]): number[] {
  const out = bytes.slice();
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i]! < 0xff) {
      out[i]! += 1;
      return out;
    }
    out[i] = 0;
  }
  return out;
}

/**
 * Orders addresses and CIDRs IPv4 first, then numerically, then by prefix length (an address
 * without one first); text that is no address sorts after every address, as text. Each text's
 * sort key is worked out once per comparator: a sort compares each item ~log n times, and parsing
 * both addresses at every comparison was most of rendering a node's routes at the scale envelope
 * (15,000 entries: ~200 ms).
 */
export function addressOrder(): (a: string, b: string) => number {
  const keys = new Map<string, string>();
  const keyOf = (text: string) => {
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = addressSortKey(text)));
    return key;
  };
  return (a, b) => compareText(keyOf(a), keyOf(b));
}

/** A text that sorts as addressOrder orders: family (4 before 6), the address's bytes in
 * hex, the prefix length (none = -1) offset to three digits. */
function addressSortKey(text: string): string {
  const [ip, prefix] = splitPrefix(text);
  const bytes = safeBytes(ip);
  if (!bytes) return `2${text}`;
  const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${bytes.length === 4 ? 0 : 1}${hex}${String(prefix + 1).padStart(3, '0')}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function splitPrefix(text: string): [string, number] {
  const slash = text.indexOf('/');
  return slash < 0 ? [text, -1] : [text.slice(0, slash), Number(text.slice(slash + 1))];
}

function safeBytes(ip: string): number[] | undefined {
  try {
    return ipaddr.parse(ip).toByteArray();
  } catch {
    return undefined;
  }
}
