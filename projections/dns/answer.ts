// answerQuery: a pure lookup over the dns table with CoreDNS's negative-answer matrix
// (reference §2.8). Owner names are the question as sent; names synthesised from objects keep
// their lower-case labels but take the zone as spelled in the question (CoreDNS, golden case 14).

import { existsKey, podsKey, rrsetKey, RR_TYPES, type PodsValue, type RRsetValue, type SoaRecord, type SrvRecord } from './keys.js';
import { fqdn, ipFamily, podLabelToIP, canonicalIP } from './names.js';

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'REFUSED' | 'SERVFAIL';

export interface SoaData extends SoaRecord {
  serial: number;
}
/** A resource record in dns-packet's answer shape (names absolute, with the trailing dot). */
export interface ResourceRecord {
  name: string;
  type: string;
  class: 'IN';
  ttl: number;
  data: string | string[] | SrvRecord | SoaData;
}
export interface QueryResult {
  rcode: Rcode;
  /** AA: set on every answer from the zone data (positive and negative), as CoreDNS does. */
  authoritative: boolean;
  answers: ResourceRecord[];
  authority: ResourceRecord[];
  additional: ResourceRecord[];
}
export interface AnswerOptions {
  zone: string;
  /** The SOA serial: the rv of the dns table's last change, taken modulo 2^32. */
  serial: number;
}

export const REVERSE_ZONES = ['in-addr.arpa.', 'ip6.arpa.'] as const;

/** The reverse zone `name` is in (its apex included), if any; any case, trailing dot optional. */
export function reverseZoneOf(name: string): string | undefined {
  const lower = name.toLowerCase();
  const fq = lower.endsWith('.') ? lower : `${lower}.`;
  return REVERSE_ZONES.find((z) => inZone(fq, z));
}
/** CoreDNS stops following CNAMEs after this many links. */
const MAX_CNAME_LINKS = 8;

const inZone = (name: string, zone: string): boolean => name === zone || name.endsWith(`.${zone}`);

interface Ctx {
  entries: ReadonlyMap<string, unknown>;
  zone: string; // lower case, trailing dot
  spelledZone: string; // the zone as the question spelled it
}

function rrset(ctx: Ctx, name: string, type: string): RRsetValue | undefined {
  return ctx.entries.get(`${name}/${type}`) as RRsetValue | undefined;
}

function respell(ctx: Ctx, name: string): string {
  return inZone(name, ctx.zone) ? name.slice(0, name.length - ctx.zone.length) + ctx.spelledZone : name;
}

function toRRs(ctx: Ctx, owner: string, type: string, set: RRsetValue): ResourceRecord[] {
  return set.records.map((r) => {
    let data: ResourceRecord['data'];
    if (type === 'TXT') data = [r as string];
    else if (type === 'SRV') data = { ...(r as SrvRecord), target: respell(ctx, (r as SrvRecord).target) };
    else if (type === 'CNAME' || type === 'NS') data = respell(ctx, r as string);
    else data = r as string;
    return { name: owner, type, class: 'IN', ttl: set.ttl, data };
  });
}

/** Does `name` exist (NODATA rather than NXDOMAIN)? Under `svc`/`pod` any RRset or fact makes a
 * name exist; outside them only the explicit facts do, plus the synthetic `ns.dns` (CoreDNS
 * rejects every other name left of the zone at parse time). `ns.dns` is answered by Services'
 * isDefaultNS branch for every type but the two that never reach it: TXT (its own branch) and
 * PTR (Reverse), which parse the name and fail. */
function exists(ctx: Ctx, name: string, type: string): boolean {
  if (ctx.entries.has(existsKey(name))) return true;
  if (name === `ns.dns.${ctx.zone}`) return type !== 'TXT' && type !== 'PTR';
  if (!name.endsWith(`.svc.${ctx.zone}`) && !name.endsWith(`.pod.${ctx.zone}`)) return false;
  return RR_TYPES.some((t) => ctx.entries.has(rrsetKey(name, t)));
}

/** `pods insecure`: `<dashed ip>.<ns>.pod.<zone>` under an existing namespace. */
function insecurePod(ctx: Ctx, name: string): { ip: string; ttl: number } | undefined {
  const pods = ctx.entries.get(podsKey(ctx.zone)) as PodsValue | undefined;
  if (pods?.mode !== 'insecure' || !name.endsWith(`.pod.${ctx.zone}`)) return undefined;
  const labels = name.slice(0, name.length - `.pod.${ctx.zone}`.length).split('.');
  if (labels.length !== 2 || !ctx.entries.has(existsKey(`${labels[1]}.pod.${ctx.zone}`))) return undefined;
  const ip = podLabelToIP(labels[0]!);
  return ip ? { ip: canonicalIP(ip), ttl: pods.ttl } : undefined;
}

/** Answers for (name, type) in the forward zone, following in-zone CNAMEs as CoreDNS does:
 * a CNAME whose in-zone target yields nothing is dropped (the name still exists → NODATA). */
function resolve(ctx: Ctx, name: string, owner: string, type: string, seen: string[]): { answers: ResourceRecord[]; exists: boolean } {
  const cname = rrset(ctx, name, 'CNAME');
  if (cname) {
    if (type === 'CNAME') return { answers: toRRs(ctx, owner, 'CNAME', cname), exists: true };
    // CoreDNS answers A/AAAA with the CNAME; SRV, TXT, … on an ExternalName are NODATA.
    if (type !== 'A' && type !== 'AAAA') return { answers: [], exists: true };
    const link = toRRs(ctx, owner, 'CNAME', cname);
    const target = cname.records[0] as string;
    if (!inZone(target, ctx.zone)) return { answers: link, exists: true };
    if (seen.includes(target) || seen.length >= MAX_CNAME_LINKS) return { answers: [], exists: true };
    const next = resolve(ctx, target, respell(ctx, target), type, [...seen, name]);
    return { answers: next.answers.length > 0 ? [...link, ...next.answers] : [], exists: true };
  }
  const set = (RR_TYPES as readonly string[]).includes(type) ? rrset(ctx, name, type) : undefined;
  if (set) return { answers: toRRs(ctx, owner, type, set), exists: true };
  const srv = (type === 'A' || type === 'AAAA') && name.startsWith('_') ? rrset(ctx, name, 'SRV') : undefined;
  if (srv) return { answers: portNameAddresses(ctx, owner, type, srv), exists: true };
  const pod = insecurePod(ctx, name);
  if (pod) {
    const want = type === 'A' ? 4 : type === 'AAAA' ? 6 : 0;
    const answers: ResourceRecord[] =
      ipFamily(pod.ip) === want ? [{ name: owner, type, class: 'IN', ttl: pod.ttl, data: pod.ip }] : [];
    return { answers, exists: true };
  }
  return { answers: [], exists: exists(ctx, name, type) };
}

/** CoreDNS answers A/AAAA at `_port._proto.<svc>` with the addresses behind the SRV (owner =
 * the question): the A/AAAA RRsets of its targets, merged. */
function portNameAddresses(ctx: Ctx, owner: string, type: string, srv: RRsetValue): ResourceRecord[] {
  const seen = new Set<string>();
  const out: ResourceRecord[] = [];
  for (const target of new Set(srv.records.map((r) => (r as SrvRecord).target))) {
    const set = rrset(ctx, target, type);
    for (const rr of set ? toRRs(ctx, owner, type, set) : []) {
      if (!seen.has(rr.data as string)) out.push(rr);
      seen.add(rr.data as string);
    }
  }
  return out;
}

/** SRV glue: the A/AAAA records of each distinct target. */
function srvAdditional(ctx: Ctx, answers: ResourceRecord[]): ResourceRecord[] {
  const targets = [...new Set(answers.filter((a) => a.type === 'SRV').map((a) => (a.data as SrvRecord).target))];
  return targets.flatMap((spelled) => {
    const target = spelled.toLowerCase();
    return (['A', 'AAAA'] as const).flatMap((t) => {
      const set = rrset(ctx, target, t);
      return set ? toRRs(ctx, spelled, t, set) : [];
    });
  });
}

/** `NS` at a reverse zone's apex: `ns.dns.<apex>` (the apex as the question spelled it), with
 * our own address as its glue (CoreDNS's nsAddrs names it under the zone asked about). */
function reverseApexNS(ctx: Ctx, qname: string, apex: string): QueryResult {
  const host = `ns.dns.${apex}`;
  const ns = rrset(ctx, ctx.zone, 'NS');
  const glue = (['A', 'AAAA'] as const).flatMap((t) => {
    const set = rrset(ctx, `ns.dns.${ctx.zone}`, t);
    return set ? toRRs(ctx, host, t, set) : [];
  });
  return { rcode: 'NOERROR', authoritative: true, answers: [{ name: qname, type: 'NS', class: 'IN', ttl: ns?.ttl ?? glue[0]?.ttl ?? 0, data: host }], authority: [], additional: glue };
}

/**
 * The table key a question is answered from, as CoreDNS's parse.go reads names: up to two labels
 * left of `<service>.<namespace>.svc|pod`.
 * - Under `svc`, two labels are port and protocol, each with its leading underscore optional
 *   (stripUnderscore): `http.tcp.web.ns.svc` asks what `_http._tcp.web.ns.svc` does. The table
 *   keys the underscored form.
 * - Under `pod`, findPods reads the pod label and the namespace alone: `x.1-2-3-4.ns.pod` and
 *   `_a._b.1-2-3-4.ns.pod` ask what `1-2-3-4.ns.pod` does.
 * The owner of the answer stays the name as asked. None for a name with more labels than that.
 */
function lookupKey(name: string, zone: string): string | undefined {
  for (const kind of ['svc', 'pod'] as const) {
    const suffix = `.${kind}.${zone}`;
    if (!name.endsWith(suffix)) continue;
    const labels = name.slice(0, name.length - suffix.length).split('.');
    // More than two labels left of the service: errInvalidRequest, NXDOMAIN whatever the table
    // holds there (a dotted endpoint name's glue records).
    if (labels.length > 4) return undefined;
    if (labels.length < 3) return name;
    const [service, namespace] = labels.slice(-2) as [string, string];
    if (kind === 'pod') return `${service}.${namespace}${suffix}`;
    if (labels.length === 3) return name;
    const strip = (label: string) => (label.startsWith('_') ? label.slice(1) : label);
    return `_${strip(labels[0]!)}._${strip(labels[1]!)}.${service}.${namespace}${suffix}`;
  }
  return name;
}

export function answerQuery(
  entries: ReadonlyMap<string, unknown>,
  q: { name: string; type: string },
  opts: AnswerOptions,
): QueryResult {
  const zone = fqdn(opts.zone);
  const qname = q.name.endsWith('.') ? q.name : `${q.name}.`;
  const lower = qname.toLowerCase();
  const type = q.type.toUpperCase();
  const empty = (rcode: Rcode, authoritative: boolean): QueryResult => ({ rcode, authoritative, answers: [], authority: [], additional: [] });

  // Zone transfers need the transfer plugin in CoreDNS; out-of-zone names have no upstream here.
  if (type === 'AXFR' || type === 'IXFR') return empty('REFUSED', false);
  const apex = inZone(lower, zone) ? zone : reverseZoneOf(lower);
  if (!apex) return empty('REFUSED', false);
  const soaSet = entries.get(rrsetKey(zone, 'SOA')) as RRsetValue<SoaRecord> | undefined;
  // No table yet (the agent has not received its snapshot): CoreDNS answers SERVFAIL until synced.
  if (!soaSet) return empty('SERVFAIL', false);

  const spelledApex = qname.slice(qname.length - apex.length);
  const ctx: Ctx = { entries, zone, spelledZone: apex === zone ? spelledApex : zone };
  const base = soaSet.records[0]!;
  // MNAME and RNAME are made from the zone CoreDNS matched, spelled as the question spelled it
  // (backend_lookup.go SOA), as the owner is.
  const soaData: SoaData = { ...base, mname: `ns.dns.${spelledApex}`, rname: `hostmaster.${spelledApex}`, serial: opts.serial % 2 ** 32 };
  const soa: ResourceRecord = { name: spelledApex, type: 'SOA', class: 'IN', ttl: soaSet.ttl, data: soaData };
  const negative = (rcode: Rcode): QueryResult => ({ rcode, authoritative: true, answers: [], authority: [soa], additional: [] });
  const positive = (answers: ResourceRecord[], additional: ResourceRecord[] = []): QueryResult => ({
    rcode: 'NOERROR', authoritative: true, answers, authority: [], additional,
  });

  // handler.go answers SOA only at the apex; any other name, existing or not, is NODATA.
  if (type === 'SOA') return lower === apex ? positive([{ ...soa, name: qname }]) : negative('NOERROR');

  if (apex !== zone) {
    // The reverse zones hold PTRs only. At the apex, NS is answered as in the cluster zone
    // (plugin.NS looks up `ns.dns.<zone>`, our own address) and anything else is NODATA; below
    // it, any other type is NXDOMAIN (Records: a reverse name is errNoItems).
    if (lower === apex) return type === 'NS' ? reverseApexNS(ctx, qname, spelledApex) : negative('NOERROR');
    const ptr = rrset(ctx, lower, 'PTR');
    return type === 'PTR' && ptr ? positive(toRRs(ctx, qname, 'PTR', ptr)) : negative('NXDOMAIN');
  }

  if (lower === zone) {
    const ns = rrset(ctx, zone, 'NS');
    if (type !== 'NS' || !ns) return negative('NOERROR');
    const answers = toRRs(ctx, qname, 'NS', ns);
    const glue = ns.records.flatMap((host) =>
      (['A', 'AAAA'] as const).flatMap((t) => {
        const set = rrset(ctx, host as string, t);
        return set ? toRRs(ctx, respell(ctx, host as string), t, set) : [];
      }),
    );
    return positive(answers, glue);
  }

  const key = lookupKey(lower, zone);
  if (key === undefined) return negative('NXDOMAIN');
  const result = resolve(ctx, key, qname, type, []);
  if (result.answers.length > 0) return positive(result.answers, type === 'SRV' ? srvAdditional(ctx, result.answers) : []);
  return negative(result.exists ? 'NOERROR' : 'NXDOMAIN');
}
