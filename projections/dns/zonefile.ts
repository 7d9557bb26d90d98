// RFC 1035 master files from the dns table.
//
// renderZoneFile gives the cluster domain only: its SOA, NS and glue, then every forward RRset in
// DNS canonical name order. PTRs live in the reverse zones, which renderReverseZones renders
// (`in-addr.arpa.` and `ip6.arpa.`, the zones CoreDNS's default Corefile serves). Name-existence
// facts need no lines: a name exists in a zone file when it or a descendant owns records, and the
// only facts without records (`svc`, `pod`, `<ns>.svc`, `<ns>.pod`) are exactly such empty
// non-terminals or are noted in comments. `pods insecure` answers cannot be listed and get a comment.

import { parseKey, podsKey, type RRsetValue, type SoaRecord, type SrvRecord } from './keys.js';
import { fqdn } from './names.js';
import { REVERSE_ZONES } from './answer.js';

const TYPE_ORDER = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'PTR', 'SRV', 'TXT'];

/** Escape the characters that are special in master-file names (RFC 1035 §5.1). */
function escapeName(name: string): string {
  return name.replace(/[\\"();$@\s]/g, (c) => (/\s/.test(c) ? `\\${c.charCodeAt(0).toString().padStart(3, '0')}` : `\\${c}`));
}

function quoteText(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** A text that sorts as DNS canonical order (RFC 4034 §6.1) orders names: the labels right to
 * left, each ended by NUL, which sorts below every character a label holds (so a name sorts
 * before its descendants, and a label before a longer one it begins). Worked out once per name:
 * splitting both names at every comparison was most of rendering the zone at the scale envelope
 * (200k+ RRsets: ~2.4 s). */
function canonicalKey(name: string): string {
  const labels = (name.endsWith('.') ? name.slice(0, -1) : name).split('.');
  let key = '';
  for (let i = labels.length - 1; i >= 0; i--) key += `${labels[i]}\0`;
  return key;
}

function rdata(type: string, r: unknown, serial: number): string {
  switch (type) {
    case 'SOA': {
      const s = r as SoaRecord;
      return `${escapeName(s.mname)} ${escapeName(s.rname)} ${serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
    }
    case 'SRV': {
      const s = r as SrvRecord;
      return `${s.priority} ${s.weight} ${s.port} ${escapeName(s.target)}`;
    }
    case 'TXT':
      return quoteText(r as string);
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return escapeName(r as string);
    default:
      return r as string;
  }
}

function line(name: string, ttl: number, type: string, data: string): string {
  return `${escapeName(name)}\t${ttl}\tIN\t${type}\t${data}`;
}

function rrsetLines(entries: ReadonlyMap<string, unknown>, inThisZone: (name: string) => boolean, serial: number): string[] {
  const sets: { name: string; type: string; value: RRsetValue; order: string; typeOrder: number }[] = [];
  for (const [key, value] of entries) {
    const { name, type } = parseKey(key);
    const typeOrder = TYPE_ORDER.indexOf(type);
    if (typeOrder < 0 || !inThisZone(name)) continue;
    sets.push({ name, type, value: value as RRsetValue, order: canonicalKey(name), typeOrder });
  }
  sets.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.typeOrder - b.typeOrder));
  return sets.flatMap(({ name, type, value }) => value.records.map((r) => line(name, value.ttl, type, rdata(type, r, serial))));
}

const under = (name: string, zone: string): boolean => name === zone || name.endsWith(`.${zone}`);

/** The cluster domain as a zone file `named-checkzone <zone> <file>` accepts. */
export function renderZoneFile(entries: ReadonlyMap<string, unknown>, opts: { zone: string; serial: number }): string {
  const zone = fqdn(opts.zone);
  const serial = opts.serial % 2 ** 32;
  const out = [`; cluster DNS zone ${zone} (serial ${serial})`, `$ORIGIN ${escapeName(zone)}`];
  const pods = entries.get(podsKey(zone)) as { ttl: number } | undefined;
  if (pods) out.push(`; pods insecure: <a-b-c-d>.<ns>.pod.${zone} answers A <a.b.c.d> (TTL ${pods.ttl}) in every existing namespace`);
  // Concatenated, not spread into push: a zone at the scale envelope has 200k+ lines, past the
  // number of arguments a call can take.
  return `${out.concat(rrsetLines(entries, (name) => under(name, zone), serial)).join('\n')}\n`;
}

/**
 * The reverse zones holding the PTRs of cluster IPs and endpoint addresses. Their SOA copies the
 * cluster zone's timers with `ns.dns.<reverse zone>` as MNAME (CoreDNS's SOA for a reverse zone);
 * the NS points at the cluster zone's `ns.dns.<zone>` so no in-zone glue is needed.
 */
export function renderReverseZones(
  entries: ReadonlyMap<string, unknown>,
  opts: { zone: string; serial: number },
): { origin: string; text: string }[] {
  const zone = fqdn(opts.zone);
  const serial = opts.serial % 2 ** 32;
  const soaSet = entries.get(`${zone}/SOA`) as RRsetValue<SoaRecord> | undefined;
  const ns = entries.get(`${zone}/NS`) as RRsetValue<string> | undefined;
  return REVERSE_ZONES.map((origin) => {
    const out = [`; reverse zone ${origin} for cluster DNS ${zone} (serial ${serial})`, `$ORIGIN ${origin}`];
    if (soaSet?.records[0]) {
      const soa = { ...soaSet.records[0], mname: `ns.dns.${origin}`, rname: `hostmaster.${origin}` };
      out.push(line(origin, soaSet.ttl, 'SOA', rdata('SOA', soa, serial)));
    }
    for (const host of ns?.records ?? []) out.push(line(origin, ns!.ttl, 'NS', escapeName(host)));
    return { origin, text: `${out.concat(rrsetLines(entries, (name) => name !== origin && under(name, origin), serial)).join('\n')}\n` };
  });
}
