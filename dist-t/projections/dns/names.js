// DNS name helpers for the cluster DNS projection: IP parsing, reverse names, the dashed-IP
// endpoint/pod labels CoreDNS synthesises, and name validity. Pure functions only.
import ipaddr from 'ipaddr.js';
import { IP_MEMO_SIZE, memoize } from '../../domain/memo.js';
/** Each IP literal parsed once (domain/memo.ts): a service's recompute asks the family, the
 * canonical text and the reverse name of every endpoint address, three ipaddr parses otherwise. */
const ipFacts = memoize(parseFacts, IP_MEMO_SIZE);
function parseFacts(text) {
    let family;
    if (ipaddr.IPv4.isValidFourPartDecimal(text))
        family = 4;
    else if (!text.includes('%') && text.includes(':') && ipaddr.IPv6.isValid(text))
        family = 6;
    else
        return null;
    const addr = ipaddr.parse(text);
    return { family, text: addr.toString(), bytes: addr.toByteArray() };
}
/** The family of an IP literal, or undefined when it is not one (zone ids and short IPv4 forms
 * are rejected, as Go's net.ParseIP rejects them). */
export function ipFamily(text) {
    return ipFacts(text)?.family;
}
/** Canonical text of an IP (RFC 5952 for IPv6), the form records carry. */
export function canonicalIP(text) {
    return ipFacts(text)?.text ?? ipaddr.parse(text).toString();
}
function bytesOf(ip) {
    return ipFacts(ip)?.bytes ?? ipaddr.parse(ip).toByteArray();
}
/** Byte-wise order of two IP literals (10.0.0.2 before 10.0.0.10); IPv4 before IPv6. */
export function compareIPs(a, b) {
    const x = bytesOf(a);
    const y = bytesOf(b);
    if (x.length !== y.length)
        return x.length - y.length;
    for (let i = 0; i < x.length; i++)
        if (x[i] !== y[i])
            return x[i] - y[i];
    return 0;
}
/** `<d>.<c>.<b>.<a>.in-addr.arpa.` or the 32 reversed nibbles under `ip6.arpa.` (spec §2.3.3). */
export function reverseName(ip) {
    const bytes = bytesOf(ip);
    if (bytes.length === 4)
        return `${bytes[3]}.${bytes[2]}.${bytes[1]}.${bytes[0]}.in-addr.arpa.`;
    const nibbles = [];
    for (const byte of bytes)
        nibbles.push((byte >> 4).toString(16), (byte & 15).toString(16));
    return `${nibbles.reverse().join('.')}.ip6.arpa.`;
}
/** CoreDNS endpointHostname's IP form: dots or colons to dashes, a trailing `-` gets a `0`. */
export function dashedEndpointLabel(ip) {
    if (ip.includes('.'))
        return ip.replaceAll('.', '-');
    const label = ip.replaceAll(':', '-');
    return label.endsWith('-') ? `${label}0` : label;
}
/** The pod label `a-b-c-d` (`pods verified` matches the label, dashes turned back, against the
 * pod IP string exactly, so no trailing-0 rule here). */
export function dashedPodLabel(ip) {
    return ip.replaceAll('.', '-').replaceAll(':', '-');
}
/** findPods' parse of a pod label back to an IP: exactly 3 dashes and no `--` is IPv4. */
export function podLabelToIP(label) {
    const ip = (label.match(/-/g)?.length ?? 0) === 3 && !label.includes('--')
        ? label.replaceAll('-', '.')
        : label.replaceAll('-', ':');
    return ipFamily(ip) ? ip : undefined;
}
/** Lower-case FQDN with exactly one trailing dot. */
export function fqdn(name) {
    const lower = name.toLowerCase();
    return lower.endsWith('.') ? lower : `${lower}.`;
}
/** A name RFC 1035 can carry: labels 1–63 octets, 255 octets in wire form. */
export function isValidName(name) {
    if (name.length + 1 > 255)
        return false;
    // Scanned, not split: every RRset a projection builds is checked here.
    const end = name.endsWith('.') ? name.length - 1 : name.length;
    let start = 0;
    for (let i = 0; i <= end; i++) {
        if (i < end && name.charCodeAt(i) !== 0x2e)
            continue;
        if (i === start || i - start > 63)
            return false;
        start = i + 1;
    }
    return true;
}
/** A label usable in a synthesised name (a port name, a hostname). */
export function isValidLabel(label) {
    return label.length > 0 && label.length <= 63 && !label.includes('.');
}
/** The record TTL: `dnsTTL` held to CoreDNS's accepted range [0, 3600] (setup.go rejects values
 * outside it; validation should too, the projection must not throw). */
export function recordTTL(config) {
    const ttl = Math.trunc(config.dnsTTL);
    return Number.isFinite(ttl) ? Math.min(3600, Math.max(0, ttl)) : 5;
}
//# sourceMappingURL=names.js.map