// IP and CIDR checks with Go's parsing rules (k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy,
// which are Go 1.16's net.ParseIP: IPv4 is exactly four decimal octets, leading zeros allowed;
// IPv6 has no zone; an IPv4-mapped IPv6 address counts as IPv4), over ipaddr.js.
import ipaddr from 'ipaddr.js';
import { invalid } from './path.js';
const IPV4_SLOPPY = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** netutils.ParseIPSloppy; null when Go would return nil. */
export function parseIP(text) {
    const m = IPV4_SLOPPY.exec(text);
    if (m) {
        const bytes = m.slice(1, 5).map((o) => parseInt(o, 10));
        return bytes.every((b) => b <= 255) ? { family: 'IPv4', bytes } : null;
    }
    if (!text.includes(':') || text.includes('%') || !ipaddr.IPv6.isValid(text))
        return null;
    const v6 = ipaddr.IPv6.parse(text);
    if (v6.isIPv4MappedAddress())
        return { family: 'IPv4', bytes: v6.toIPv4Address().octets.slice() };
    return { family: 'IPv6', bytes: v6.toByteArray() };
}
/** netutils.ParseCIDRSloppy */
export function parseCIDR(text) {
    const slash = text.indexOf('/');
    if (slash < 0)
        return null;
    const addr = text.slice(0, slash);
    const mask = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(mask))
        return null;
    const ip = parseIP(addr);
    if (!ip)
        return null;
    const prefix = parseInt(mask, 10);
    // An IPv4-mapped IPv6 prefix is counted in IPv6 bits, as Go does.
    const bits = addr.includes(':') ? 128 : 32;
    if (prefix > bits)
        return null;
    return { ip, prefix: bits === 128 && ip.family === 'IPv4' ? Math.max(0, prefix - 96) : prefix };
}
export const familyOf = (text) => parseIP(text)?.family ?? null;
/** validation.IsValidIP */
export function isValidIP(path, value) {
    return parseIP(value) ? [] : [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}
/** validation.IsValidIPv4Address */
export function isValidIPv4Address(path, value) {
    return parseIP(value)?.family === 'IPv4' ? [] : [invalid(path, value, 'must be a valid IPv4 address')];
}
/** validation.IsValidIPv6Address */
export function isValidIPv6Address(path, value) {
    return parseIP(value)?.family === 'IPv6' ? [] : [invalid(path, value, 'must be a valid IPv6 address')];
}
/** validation.IsValidCIDR */
export function isValidCIDR(path, value) {
    return parseCIDR(value) ? [] : [invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}
/**
 * ValidateNonSpecialIP (pkg/apis/core/validation): endpoints and external IPs may not be
 * unspecified, loopback, link-local or link-local multicast (net.IP's predicates).
 */
export function validateNonSpecialIP(value, path) {
    const ip = parseIP(value);
    if (!ip)
        return [invalid(path, value, 'must be a valid IP address')];
    const b = ip.bytes;
    const errs = [];
    const v4 = ip.family === 'IPv4';
    if (b.every((x) => x === 0))
        errs.push(invalid(path, value, `may not be unspecified (${value})`));
    const loopback = v4 ? b[0] === 127 : b.slice(0, 15).every((x) => x === 0) && b[15] === 1;
    if (loopback)
        errs.push(invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
    const linkLocal = v4 ? b[0] === 169 && b[1] === 254 : b[0] === 0xfe && (b[1] & 0xc0) === 0x80;
    if (linkLocal)
        errs.push(invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
    const llMulticast = v4 ? b[0] === 224 && b[1] === 0 && b[2] === 0 : b[0] === 0xff && (b[1] & 0x0f) === 0x02;
    if (llMulticast)
        errs.push(invalid(path, value, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
    return errs;
}
/** netutils.IsDualStackIPStrings / IsDualStackCIDRStrings: at least one of each family. */
export function isDualStack(families) {
    return families.includes('IPv4') && families.includes('IPv6');
}
/** Whether `ip` lies in `cidr` and is neither its network nor (IPv4) broadcast address, as ipallocator's range. */
export function inAllocatableRange(ip, cidr) {
    if (ip.family !== cidr.ip.family)
        return false;
    const bits = ip.bytes.length * 8;
    let allZero = true;
    let allOne = true;
    for (let i = 0; i < bits; i++) {
        const bitOf = (bytes) => (bytes[i >> 3] >> (7 - (i & 7))) & 1;
        if (i < cidr.prefix) {
            if (bitOf(ip.bytes) !== bitOf(cidr.ip.bytes))
                return false;
        }
        else {
            if (bitOf(ip.bytes))
                allZero = false;
            else
                allOne = false;
        }
    }
    if (cidr.prefix === bits)
        return true;
    if (allZero)
        return false;
    return !(ip.family === 'IPv4' && allOne);
}
//# sourceMappingURL=ip.js.map