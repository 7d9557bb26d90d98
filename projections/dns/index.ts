// Cluster DNS projection: Service / EndpointSlice / Pod / Namespace state → the `dns` table that
// node-local responders answer from (reference/cluster-dns.md §3; Kubernetes DNS spec 1.1.0 with
// CoreDNS kubernetes-plugin behaviour where the spec is silent).
//
// ## Keys (table `dns`, every entry cluster-scoped, scope '')
//
//   <name>/<TYPE>   an RRset. <name> is a lower-case FQDN with its trailing dot
//                   (`web.default.svc.cluster.local.`, `1.0.96.10.in-addr.arpa.`); <TYPE> is one of
//                   SOA NS A AAAA CNAME PTR SRV TXT.
//                   value: {"ttl": n, "records": [...]} with records de-duplicated and sorted:
//                     A / AAAA          "10.96.0.1" / "2001:db8::1" (canonical text, byte order)
//                     CNAME / NS / PTR  "target.fqdn."
//                     TXT               "1.1.0" (one character-string per record)
//                     SRV               {"priority":0,"weight":w,"port":p,"target":"fqdn."}
//                     SOA               {"mname","rname","refresh","retry","expire","minimum"}
//                                       — no serial: renderers and the responder take it as a
//                                       parameter (the rv of the table's last change)
//                   A PTR derived from a ClusterIP carries `"clusterIP": true` after "records":
//                   it wins over endpoint PTRs for the same address (CoreDNS reverse.go).
//   <name>/EXISTS   value true: the name exists although it may own no RRset (empty
//                   non-terminals `svc.<zone>.`, `pod.<zone>.`, `<ns>.svc.<zone>.`, and
//                   `<ns>.pod.<zone>.` when pod records are enabled). Names under svc/pod that own
//                   any RRset exist without a fact.
//   pod.<zone>./PODS  value {"mode":"insecure","ttl":n}: only under `dnsPods: insecure`, where
//                   `<a-b-c-d>.<ns>.pod.<zone>.` answers for any IP and cannot be enumerated.
//
// Units: `base` (SOA, NS + `ns.dns` glue = dnsServiceIP, dns-version, svc/pod facts),
// `ns:<ns>`, `svc:<ns>/<name>` (everything a Service and its EndpointSlices produce),
// `pod:<ns>/<name>` (`pods verified` records). Several units may claim one key (a PTR for an
// address two services share, `<ns>.svc.<zone>.` from a namespace and its services, two pods with
// one IP): `merge` unions them (mergeValues in keys.ts).
//
// Zone files: renderZoneFile renders the forward zone (the cluster domain) only; PTRs are in
// renderReverseZones (`in-addr.arpa.`, `ip6.arpa.`).

export { dnsProjection, BASE_UNIT, nsUnit, svcUnit, podUnit } from './projection.js';
export { renderZoneFile, renderReverseZones } from './zonefile.js';
export { answerQuery, REVERSE_ZONES, reverseZoneOf } from './answer.js';
export type { QueryResult, ResourceRecord, Rcode, AnswerOptions, SoaData } from './answer.js';
export { mergeValues, parseKey, rrsetKey, existsKey, podsKey, RR_TYPES, EXISTS, PODS } from './keys.js';
export type { RRType, RRsetValue, SrvRecord, SoaRecord, PodsValue, DnsRecord } from './keys.js';
export { reverseName } from './names.js';
