// IP and CIDR arithmetic on top of ipaddr.js: addresses as BigInt offsets so allocators can walk
// a range without string churn. ipaddr.js does the parsing and formatting.
import ipaddr from 'ipaddr.js';
export function familyOf(ip) {
    if (!ip.includes(':'))
        return ipaddr.IPv4.isValidFourPartDecimal(ip) ? 'IPv4' : undefined;
    if (ipaddr.IPv6.isValid(ip) && !ip.includes('%'))
        return 'IPv6';
    return undefined;
}
export function isValidIP(ip) {
    return familyOf(ip) !== undefined;
}
/** The canonical text of an address (IPv6 compressed, lowercase). */
export function canonicalIP(ip) {
    return parseIP(ip).toString();
}
function parseIP(ip) {
    return ip.includes(':') ? ipaddr.IPv6.parse(ip) : ipaddr.IPv4.parse(ip);
}
export function ipToBigInt(ip) {
    const bytes = parseIP(ip).toByteArray();
    let n = 0n;
    for (const b of bytes)
        n = (n << 8n) | BigInt(b);
    return n;
}
export function bigIntToIP(n, family) {
    const len = family === 'IPv4' ? 4 : 16;
    const bytes = new Array(len);
    for (let i = len - 1; i >= 0; i--) {
        bytes[i] = Number(n & 0xffn);
        n >>= 8n;
    }
    return ipaddr.fromByteArray(bytes).toString();
}
export class Cidr {
    text;
    family;
    bits;
    prefix;
    base;
    constructor(text, family, prefix, base) {
        this.text = text;
        this.family = family;
        this.bits = family === 'IPv4' ? 32 : 128;
        this.prefix = prefix;
        this.base = base;
    }
    /** Parses `a.b.c.d/n`; the address is masked to the network (as net.ParseCIDR does). */
    static parse(text) {
        // Pick the family by the text: ipaddr.parseCIDR tries IPv6 first and throws on every IPv4.
        const [addr, len] = text.includes(':') ? ipaddr.IPv6.parseCIDR(text) : ipaddr.IPv4.parseCIDR(text);
        const family = addr.kind() === 'ipv4' ? 'IPv4' : 'IPv6';
        const bits = family === 'IPv4' ? 32 : 128;
        const raw = ipToBigInt(addr.toString());
        const hostBits = BigInt(bits - len);
        const base = (raw >> hostBits) << hostBits;
        return new Cidr(`${bigIntToIP(base, family)}/${len}`, family, len, base);
    }
    static tryParse(text) {
        try {
            return Cidr.parse(text);
        }
        catch {
            return undefined;
        }
    }
    get size() {
        return 1n << BigInt(this.bits - this.prefix);
    }
    addressAt(offset) {
        return bigIntToIP(this.base + offset, this.family);
    }
    /** Offset of ip within this range, or undefined when outside. */
    offsetOf(ip) {
        if (familyOf(ip) !== this.family)
            return undefined;
        const n = ipToBigInt(ip);
        if (n < this.base || n >= this.base + this.size)
            return undefined;
        return n - this.base;
    }
    contains(ip) {
        return this.offsetOf(ip) !== undefined;
    }
    /** The index-th subnet of size /newPrefix inside this range. */
    subnet(newPrefix, index) {
        const step = 1n << BigInt(this.bits - newPrefix);
        return new Cidr(`${bigIntToIP(this.base + step * index, this.family)}/${newPrefix}`, this.family, newPrefix, this.base + step * index);
    }
    /** Index of `inner` as a /inner.prefix subnet of this range, or undefined when not aligned inside. */
    subnetIndex(inner) {
        if (inner.family !== this.family || inner.prefix < this.prefix)
            return undefined;
        const off = inner.base - this.base;
        if (off < 0n || off >= this.size)
            return undefined;
        const step = 1n << BigInt(this.bits - inner.prefix);
        return off / step;
    }
    toString() {
        return this.text;
    }
}
//# sourceMappingURL=cidr.js.map