// One Service's records (unit `svc:<ns>/<name>`): reference §3 rules 2–5, with the CoreDNS
// extensions of rule 4 adopted (endpoint names and endpoint PTRs for every non-ExternalName
// service, bare-name SRV). Every name is built from "candidates" (address × port) the way
// CoreDNS's findServices builds them, so A/AAAA/SRV at one name always agree. `_port._proto`
// names get only their SRV: CoreDNS also answers A/AAAA there (the SRV targets' addresses),
// which answerQuery derives at query time, keeping underscore owners of address records out of
// the table and the zone file (BIND's check-names rejects them in a master zone).

import type { ClusterNetworkConfig } from '../../domain/config.js';
import type { Service } from '../../domain/objects.js';
import type { ClusterView } from '../model.js';
import type { DnsContributions } from './contributions.js';
import { NO_PORT, readyAddresses, type CandidatePort, type ReadyAddress } from './endpoints.js';
import type { SrvRecord } from './keys.js';
import { canonicalIP, fqdn, ipFamily, isValidLabel, recordTTL, reverseName, type Family } from './names.js';

interface Candidate {
  ip: string;
  family: Family;
  port: number;
  target: string;
}

export function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === 'None' || svc.spec?.clusterIPs?.[0] === 'None';
}

function clusterIPs(svc: Service): string[] {
  const ips = svc.spec?.clusterIPs?.length ? svc.spec.clusterIPs : svc.spec?.clusterIP ? [svc.spec.clusterIP] : [];
  return ips.filter((ip) => ipFamily(ip) !== undefined).map(canonicalIP);
}

/** A/AAAA (unless `addresses` is false) and SRV at `name` from its candidates. SRV: priority 0, weight floor(100/N) over all N
 * candidates (min 1), port -1 candidates skipped, duplicates (target, port) folded. */
function emitCandidates(out: DnsContributions, name: string, cands: Candidate[], ttl: number, addresses: boolean): void {
  if (addresses) {
    out.rrset(name, 'A', ttl, cands.filter((c) => c.family === 4).map((c) => c.ip));
    out.rrset(name, 'AAAA', ttl, cands.filter((c) => c.family === 6).map((c) => c.ip));
  }
  if (cands.length === 0) return;
  const weight = Math.max(1, Math.floor(100 / cands.length));
  const records: SrvRecord[] = cands
    .filter((c) => c.port !== NO_PORT)
    .map((c) => ({ priority: 0, weight, port: c.port, target: c.target }));
  out.rrset(name, 'SRV', ttl, records);
}

function portKey(p: CandidatePort): string {
  return `_${p.name}._${p.protocol}`;
}

/** Named ports as `_<name>._<proto>` labels, in a fixed order. */
function namedPortLabels(ports: CandidatePort[]): string[] {
  return [...new Set(ports.filter((p) => isValidLabel(`_${p.name}`) && p.name !== '').map(portKey))].sort();
}

function endpointCandidates(addrs: ReadyAddress[], svcName: string, match?: string): Candidate[] {
  const out: Candidate[] = [];
  for (const a of addrs) {
    for (const p of a.ports) {
      if (match !== undefined && portKey(p) !== match) continue;
      out.push({ ip: a.ip, family: a.family, port: p.port, target: `${a.endpointName}.${svcName}` });
    }
  }
  return out;
}

export function computeService(out: DnsContributions, view: ClusterView, ns: string, name: string): void {
  const svc = view.services.get(`${ns}/${name}`);
  const config: ClusterNetworkConfig = view.config;
  const zone = fqdn(config.clusterDomain);
  const ttl = recordTTL(config);
  const svcName = `${name.toLowerCase()}.${ns.toLowerCase()}.svc.${zone}`;
  // `<ns>.svc.<zone>` is the namespace unit's claim: the domain creates a Namespace before any
  // object in it and deletes its contents with it. Claiming it here too made every service a
  // claimant of one key, so each service change merged 10,000 claims.
  const addrs = readyAddresses(view.slicesForService(ns, name), config);

  if (!svc || svc.spec?.type === 'ExternalName') {
    // Rule 5: a CNAME unless the value is an IP (as Go's net.ParseIP reads it: `1.2.3.4.` is a
    // name); no sub-names, no endpoint names. Endpoint PTRs come from any EndpointSlice, whatever
    // its Service is or whether it exists (reverse.go serviceRecordForIP reads the endpoints
    // index alone).
    const ext = svc?.spec?.externalName;
    if (ext && ipFamily(ext) === undefined) out.rrset(svcName, 'CNAME', ttl, [fqdn(ext)]);
    for (const a of addrs) out.rrset(reverseName(a.ip), 'PTR', ttl, [`${a.endpointName}.${svcName}`]);
    return;
  }

  const headless = isHeadless(svc);

  if (headless) {
    // Rule 3: no ready address → the service name does not exist.
    emitCandidates(out, svcName, endpointCandidates(addrs, svcName), ttl, true);
    for (const label of namedPortLabels(addrs.flatMap((a) => a.ports))) {
      emitCandidates(out, `${label}.${svcName}`, endpointCandidates(addrs, svcName, label), ttl, false);
    }
  } else {
    const ips = clusterIPs(svc);
    // Rule 2, independent of endpoints; PTRs survive `ignore empty_service` (reverse.go ignores it).
    for (const ip of ips) out.rrset(reverseName(ip), 'PTR', ttl, [svcName], true);
    if (config.dnsIgnoreEmptyService && addrs.length === 0) return;
    const ports: CandidatePort[] = (svc.spec?.ports ?? []).map((p) => ({
      name: (p.name ?? '').toLowerCase(),
      protocol: (p.protocol ?? 'TCP').toLowerCase(),
      port: p.port,
    }));
    const cands = (match?: string): Candidate[] =>
      (ports.length > 0 ? ports : [{ name: '', protocol: 'tcp', port: NO_PORT }])
        .filter((p) => match === undefined || portKey(p) === match)
        .flatMap((p) => ips.map((ip) => ({ ip, family: ipFamily(ip)!, port: p.port, target: svcName })));
    emitCandidates(out, svcName, cands(), ttl, true);
    for (const label of namedPortLabels(ports)) emitCandidates(out, `${label}.${svcName}`, cands(label), ttl, false);
  }

  // Endpoint names (every non-ExternalName service, CoreDNS) and their PTRs.
  const byName = new Map<string, ReadyAddress[]>();
  for (const a of addrs) {
    const group = byName.get(a.endpointName);
    if (group) group.push(a);
    else byName.set(a.endpointName, [a]);
  }
  for (const [label, group] of byName) {
    const epName = `${label}.${svcName}`;
    // A dotted pod name's records serve as SRV glue and `_port._proto` addresses only: a question
    // for the name itself is read as port and protocol, or as too long (answer.ts lookupKey).
    emitCandidates(out, epName, endpointCandidates(group, svcName), ttl, true);
    for (const a of group) out.rrset(reverseName(a.ip), 'PTR', ttl, [epName]);
  }
}
