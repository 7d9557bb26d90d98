// IP parsing the way kube-proxy does it: "sloppy" (IPv4 octets with leading zeros are decimal,
// as Go's netutils.ParseIPSloppy; ipaddr.js would read them as octal) and printed canonically.
import ipaddr from 'ipaddr.js';
import { IP_MEMO_SIZE, memoize } from '../../domain/memo.js';
const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** Canonical text of an IP and its family, or null when it is not an IP. Parsed once per
 * literal (domain/memo.ts): every service recompute parses its endpoints' IPs. */
export const parseIP = memoize(parseIPUncached, IP_MEMO_SIZE);
function parseIPUncached(text) {
    const s = text.trim();
    const m = V4.exec(s);
    if (m) {
        const parts = m.slice(1).map((p) => Number.parseInt(p, 10));
        if (parts.some((p) => p > 255))
            return null;
        return { ip: parts.join('.'), family: 'ipv4' };
    }
    if (!s.includes(':') || !ipaddr.IPv6.isValid(s))
        return null;
    const v6 = ipaddr.IPv6.parse(s);
    // Go treats ::ffff:a.b.c.d as the IPv4 address a.b.c.d.
    if (v6.isIPv4MappedAddress())
        return { ip: v6.toIPv4Address().toString(), family: 'ipv4' };
    return { ip: v6.toString(), family: 'ipv6' };
}
export function ipFamilyOf(text) {
    return parseIP(text)?.family ?? null;
}
/** Parsed once per text (domain/memo.ts): the same few CIDRs (cluster, service, node pod CIDRs)
 * are parsed for every service recompute. */
export const parseCidr = memoize(parseCidrUncached, 10_000);
function parseCidrUncached(text) {
    const s = text.trim();
    const slash = s.indexOf('/');
    if (slash < 0)
        return null;
    const addr = parseIP(s.slice(0, slash));
    const bitsText = s.slice(slash + 1);
    if (!addr || !/^\d{1,3}$/.test(bitsText))
        return null;
    const bits = Number.parseInt(bitsText, 10);
    if (bits > (addr.family === 'ipv4' ? 32 : 128))
        return null;
    const normalized = `${addr.ip}/${bits}`;
    const net = addr.family === 'ipv4'
        ? ipaddr.IPv4.networkAddressFromCIDR(normalized)
        : ipaddr.IPv6.networkAddressFromCIDR(normalized);
    return { text: `${net.toString()}/${bits}`, family: addr.family, range: [net, bits] };
}
export function cidrContains(cidr, ip) {
    const p = parseIP(ip);
    if (!p || p.family !== cidr.family)
        return false;
    return ipaddr.parse(p.ip).match(cidr.range);
}
/** net.JoinHostPort: IPv6 hosts are bracketed. */
export function joinHostPort(ip, port) {
    return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}
export const LOOPBACK = { ipv4: '127.0.0.1', ipv6: '::1' };
//# sourceMappingURL=ip.js.map