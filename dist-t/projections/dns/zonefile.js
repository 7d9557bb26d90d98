// RFC 1035 master files from the dns table.
//
// renderZoneFile gives the cluster domain only: its SOA, NS and glue, then every forward RRset in
// DNS canonical name order. PTRs live in the reverse zones, which renderReverseZones renders
// (`in-addr.arpa.` and `ip6.arpa.`, the zones CoreDNS's default Corefile serves). Name-existence
// facts need no lines: a name exists in a zone file when it or a descendant owns records, and the
// only facts without records (`svc`, `pod`, `<ns>.svc`, `<ns>.pod`) are exactly such empty
// non-terminals or are noted in comments. `pods insecure` answers cannot be listed and get a comment.
import { parseKey, podsKey } from './keys.js';
import { fqdn } from './names.js';
import { REVERSE_ZONES } from './answer.js';
const TYPE_ORDER = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'PTR', 'SRV', 'TXT'];
/** Escape the characters that are special in master-file names (RFC 1035 §5.1). */
function escapeName(name) {
    return name.replace(/[\\"();$@\s]/g, (c) => (/\s/.test(c) ? `\\${c.charCodeAt(0).toString().padStart(3, '0')}` : `\\${c}`));
}
function quoteText(text) {
    return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}
/** DNS canonical order (RFC 4034 §6.1): compare labels right to left. */
export function compareNames(a, b) {
    const x = a.replace(/\.$/, '').split('.').reverse();
    const y = b.replace(/\.$/, '').split('.').reverse();
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
        if (x[i] !== y[i])
            return x[i] < y[i] ? -1 : 1;
    }
    return x.length - y.length;
}
function rdata(type, r, serial) {
    switch (type) {
        case 'SOA': {
            const s = r;
            return `${escapeName(s.mname)} ${escapeName(s.rname)} ${serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
        }
        case 'SRV': {
            const s = r;
            return `${s.priority} ${s.weight} ${s.port} ${escapeName(s.target)}`;
        }
        case 'TXT':
            return quoteText(r);
        case 'CNAME':
        case 'NS':
        case 'PTR':
            return escapeName(r);
        default:
            return r;
    }
}
function line(name, ttl, type, data) {
    return `${escapeName(name)}\t${ttl}\tIN\t${type}\t${data}`;
}
function rrsetLines(entries, inThisZone, serial) {
    const sets = [];
    for (const [key, value] of entries) {
        const { name, type } = parseKey(key);
        if (!TYPE_ORDER.includes(type) || !inThisZone(name))
            continue;
        sets.push({ name, type, value: value });
    }
    sets.sort((a, b) => compareNames(a.name, b.name) || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
    return sets.flatMap(({ name, type, value }) => value.records.map((r) => line(name, value.ttl, type, rdata(type, r, serial))));
}
const under = (name, zone) => name === zone || name.endsWith(`.${zone}`);
/** The cluster domain as a zone file `named-checkzone <zone> <file>` accepts. */
export function renderZoneFile(entries, opts) {
    const zone = fqdn(opts.zone);
    const serial = opts.serial % 2 ** 32;
    const out = [`; cluster DNS zone ${zone} (serial ${serial})`, `$ORIGIN ${escapeName(zone)}`];
    const pods = entries.get(podsKey(zone));
    if (pods)
        out.push(`; pods insecure: <a-b-c-d>.<ns>.pod.${zone} answers A <a.b.c.d> (TTL ${pods.ttl}) in every existing namespace`);
    out.push(...rrsetLines(entries, (name) => under(name, zone), serial));
    return `${out.join('\n')}\n`;
}
/**
 * The reverse zones holding the PTRs of cluster IPs and endpoint addresses. Their SOA copies the
 * cluster zone's timers with `ns.dns.<reverse zone>` as MNAME (CoreDNS's SOA for a reverse zone);
 * the NS points at the cluster zone's `ns.dns.<zone>` so no in-zone glue is needed.
 */
export function renderReverseZones(entries, opts) {
    const zone = fqdn(opts.zone);
    const serial = opts.serial % 2 ** 32;
    const soaSet = entries.get(`${zone}/SOA`);
    const ns = entries.get(`${zone}/NS`);
    return REVERSE_ZONES.map((origin) => {
        const out = [`; reverse zone ${origin} for cluster DNS ${zone} (serial ${serial})`, `$ORIGIN ${origin}`];
        if (soaSet?.records[0]) {
            const soa = { ...soaSet.records[0], mname: `ns.dns.${origin}`, rname: `hostmaster.${origin}` };
            out.push(line(origin, soaSet.ttl, 'SOA', rdata('SOA', soa, serial)));
        }
        for (const host of ns?.records ?? [])
            out.push(line(origin, ns.ttl, 'NS', escapeName(host)));
        out.push(...rrsetLines(entries, (name) => name !== origin && under(name, origin), serial));
        return { origin, text: `${out.join('\n')}\n` };
    });
}
//# sourceMappingURL=zonefile.js.map