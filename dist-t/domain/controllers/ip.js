// Go's net.ParseIP as k8s.io/utils/net.ParseIPSloppy uses it: IPv4 octets may carry leading
// zeros (read as decimal), IPv4-mapped IPv6 is IPv4, and String() prints the canonical form.
import ipaddr from 'ipaddr.js';
import { IP_MEMO_SIZE, memoize } from '../memo.js';
const SLOPPY_V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
/** Parsed once per literal (domain/memo.ts): every Endpoints recompute parses its pods' IPs. */
export const parseIPSloppy = memoize(parseIPSloppyUncached, IP_MEMO_SIZE);
function parseIPSloppyUncached(ip) {
    const m = SLOPPY_V4.exec(ip);
    if (m) {
        const octets = m.slice(1, 5).map((o) => Number.parseInt(o, 10));
        if (octets.some((o) => o > 255))
            return undefined;
        return { family: 'IPv4', text: octets.join('.') };
    }
    if (ip.includes('%') || !ipaddr.IPv6.isValid(ip))
        return undefined;
    const v6 = ipaddr.IPv6.parse(ip);
    if (v6.isIPv4MappedAddress())
        return { family: 'IPv4', text: v6.toIPv4Address().toString() };
    return { family: 'IPv6', text: v6.toRFC5952String() };
}
/** utilnet.IsIPv6String: false for anything that does not parse. */
export function isIPv6String(ip) {
    return ip !== undefined && parseIPSloppy(ip)?.family === 'IPv6';
}
//# sourceMappingURL=ip.js.map