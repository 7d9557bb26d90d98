// The records that do not come from a Service: the zone's SOA/NS, `dns-version`, the fixed
// empty names (`base`), namespace names (`ns:<ns>`) and `pods verified` records (`pod:<ns>/<name>`).
import { podsKey } from './keys.js';
import { canonicalIP, dashedPodLabel, fqdn, ipFamily, recordTTL } from './names.js';
/** Kubernetes DNS schema version served at `dns-version.<zone>.` (spec §2.2). */
export const DNS_SCHEMA_VERSION = '1.1.0';
/** CoreDNS hard-codes this TTL for the dns-version TXT record. */
export const DNS_VERSION_TTL = 28800;
/** The SOA timers CoreDNS uses (backend_lookup.go): MINIMUM = ttl, TTL = min(ttl, 300). */
export function soaFor(zone, ttl) {
    return {
        ttl: Math.min(ttl, 300),
        soa: { mname: `ns.dns.${zone}`, rname: `hostmaster.${zone}`, refresh: 7200, retry: 1800, expire: 86400, minimum: ttl },
    };
}
export function computeBase(out, view) {
    const zone = fqdn(view.config.clusterDomain);
    const ttl = recordTTL(view.config);
    const { ttl: soaTTL, soa } = soaFor(zone, ttl);
    out.rrset(zone, 'SOA', soaTTL, [soa]);
    out.rrset(zone, 'NS', ttl, [`ns.dns.${zone}`]);
    // NS glue: no Service is found for our own address, so `ns.dns.<zone>` carries the DNS
    // service IP (CoreDNS nsAddrs' fallback, with the address pods are told to use).
    const dnsIP = view.config.dnsServiceIP;
    const family = ipFamily(dnsIP);
    if (family)
        out.rrset(`ns.dns.${zone}`, family === 4 ? 'A' : 'AAAA', ttl, [canonicalIP(dnsIP)]);
    out.rrset(`dns-version.${zone}`, 'TXT', DNS_VERSION_TTL, [DNS_SCHEMA_VERSION]);
    out.exists(`svc.${zone}`);
    out.exists(`pod.${zone}`);
    if (view.config.dnsPods === 'insecure') {
        const value = { mode: 'insecure', ttl };
        out.claim(podsKey(zone), value);
    }
}
export function computeNamespace(out, view, name) {
    if (!view.namespaces.has(name))
        return;
    const zone = fqdn(view.config.clusterDomain);
    out.exists(`${name.toLowerCase()}.svc.${zone}`);
    // CoreDNS: `<ns>.pod.<zone>` is NXDOMAIN under `pods disabled`, NODATA otherwise.
    if (view.config.dnsPods !== 'disabled')
        out.exists(`${name.toLowerCase()}.pod.${zone}`);
}
/** CoreDNS's pod informer lists and watches with `status.phase!=Succeeded,status.phase!=Failed,
 * status.phase!=Unknown` (plugin/kubernetes/controller.go podListFunc): finished pods are not
 * answered for, and their IPs may already belong to someone else. */
const UNANSWERED_PHASES = new Set(['Succeeded', 'Failed', 'Unknown']);
/** `pods verified`: `<dashed podIP>.<ns>.pod.<zone>` for a pod that is not being deleted and has
 * not finished (CoreDNS keeps only `status.podIP`, the primary IP, and drops terminating pods). */
export function computePod(out, view, ns, name) {
    if (view.config.dnsPods !== 'verified')
        return;
    const pod = view.pods.get(`${ns}/${name}`);
    const ip = pod?.status?.podIP;
    if (!pod || pod.metadata.deletionTimestamp || !ip || UNANSWERED_PHASES.has(pod.status?.phase ?? ''))
        return;
    const family = ipFamily(ip);
    if (!family)
        return;
    const zone = fqdn(view.config.clusterDomain);
    const nsName = `${ns.toLowerCase()}.pod.${zone}`;
    out.rrset(`${dashedPodLabel(ip.toLowerCase())}.${nsName}`, family === 4 ? 'A' : 'AAAA', recordTTL(view.config), [
        canonicalIP(ip),
    ]);
    // `<ns>.pod.<zone>` itself is the namespace unit's claim (see computeService).
}
//# sourceMappingURL=base.js.map