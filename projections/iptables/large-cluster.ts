// kube-proxy's large-cluster mode (pkg/proxy/iptables/proxier.go, syncProxyRules): with more
// than largeClusterEndpointsThreshold endpoints, summed over every service port of the proxier's
// family (len(endpointsMap[svcPortName]) for each svcPortName in svcPortMap), the
// `-m comment --comment …` is left out of KUBE-SEP rules and of KUBE-SVC/SVL -> SEP jump and
// affinity rules ("can reduce size of iptables … even by 40%+"; reference §2.14).
//
// The mode is a fact of the whole cluster, so the count lives in the engine's derived inputs
// (engine.ts): one count per service, their sum per family, each change recounting only the
// services it touches. A change that carries a family's sum across the threshold names every
// service with endpoints of that family: only their rules hold the comments.

import { SERVICE_NAME_LABEL, type EndpointSlice, type Service } from '../../domain/objects.js';
import type { ClusterView, DerivedInputs, ObjectChange } from '../model.js';
import { endpointCountsByPort, slicePortKey } from './endpoints.js';
import type { Family } from './ip.js';
import { servicePorts } from './service-port.js';

/** largeClusterEndpointsThreshold: the mode is on above it (strictly). */
export const LARGE_CLUSTER_ENDPOINTS = 1000;

const FAMILIES: readonly Family[] = ['ipv4', 'ipv6'];
const fi = (family: Family) => (family === 'ipv4' ? 0 : 1);

type Counts = [number, number]; // [ipv4, ipv6]

/** The Services (`ns/name`) a change may touch: the Service itself, or the Services an
 * EndpointSlice is labelled for before and after. */
export function servicesOfChange(change: ObjectChange): string[] {
  if (change.kind === 'Service') return [`${change.namespace}/${change.name}`];
  if (change.kind !== 'EndpointSlice') return [];
  const out = new Set<string>();
  for (const obj of [change.before, change.after]) {
    const svc = obj?.metadata.labels?.[SERVICE_NAME_LABEL];
    if (svc) out.add(`${change.namespace}/${svc}`);
  }
  return [...out];
}

/** One Service's endpoints per family, as kube-proxy counts them: distinct IP:port per service
 * port (endpoint conditions do not matter), summed over its service ports. */
export function serviceEndpointCounts(svc: Service | undefined, slices: readonly EndpointSlice[], families = FAMILIES): Counts {
  const out: Counts = [0, 0];
  if (!svc) return out;
  for (const family of families) {
    const ports = servicePorts(svc, family);
    if (ports.length === 0) continue;
    const counts = endpointCountsByPort(slices, family);
    for (const p of ports) out[fi(family)] += counts.get(slicePortKey(p.portName, p.protocol)) ?? 0;
  }
  return out;
}

function countsOf(view: ClusterView, key: string, families = FAMILIES): Counts {
  const slash = key.indexOf('/');
  return serviceEndpointCounts(view.services.get(key), view.slicesForService(key.slice(0, slash), key.slice(slash + 1)), families);
}

/** The per-engine count (model.ts DerivedInputs). */
export class EndpointTotals implements DerivedInputs {
  /** `ns/name` -> its counts; only Services with endpoints. */
  private readonly byService = new Map<string, Counts>();
  private readonly totals: Counts = [0, 0];

  constructor(
    view: ClusterView | null,
    /** A service key -> its unit id (index.ts names units). */
    private readonly unitOf: (serviceKey: string) => string,
  ) {
    if (view) for (const key of view.services.keys()) this.set(key, countsOf(view, key));
  }

  fork(): EndpointTotals {
    const copy = new EndpointTotals(null, this.unitOf);
    for (const [key, counts] of this.byService) copy.byService.set(key, [counts[0], counts[1]]);
    copy.totals[0] = this.totals[0];
    copy.totals[1] = this.totals[1];
    return copy;
  }

  largeCluster(family: Family): boolean {
    return this.totals[fi(family)] > LARGE_CLUSTER_ENDPOINTS;
  }

  observe(change: ObjectChange, view: ClusterView): string[] {
    const keys = servicesOfChange(change);
    if (keys.length === 0 || sameCountedContent(change)) return [];
    const before = FAMILIES.map((f) => this.largeCluster(f));
    for (const key of keys) this.set(key, countsOf(view, key));
    const flipped = FAMILIES.filter((f, i) => this.largeCluster(f) !== before[i]);
    if (flipped.length === 0) return [];
    const units: string[] = [];
    for (const [key, counts] of this.byService) {
      if (flipped.some((f) => counts[fi(f)] > 0)) units.push(this.unitOf(key));
    }
    return units;
  }

  private set(key: string, counts: Counts): void {
    const old = this.byService.get(key);
    this.totals[0] += counts[0] - (old?.[0] ?? 0);
    this.totals[1] += counts[1] - (old?.[1] ?? 0);
    if (counts[0] || counts[1]) this.byService.set(key, counts);
    else this.byService.delete(key);
  }
}

/**
 * Whether an EndpointSlice change leaves what the counts read as it was: the same Service label,
 * address type, ports and endpoints' first addresses (a readiness flip changes only conditions,
 * and kube-proxy counts endpoints whatever their conditions).
 */
function sameCountedContent(change: ObjectChange): boolean {
  if (change.kind !== 'EndpointSlice') return false;
  const a = change.before as EndpointSlice | undefined;
  const b = change.after as EndpointSlice | undefined;
  if (!a || !b || a.addressType !== b.addressType || a.metadata.labels?.[SERVICE_NAME_LABEL] !== b.metadata.labels?.[SERVICE_NAME_LABEL]) return false;
  const ap = a.ports ?? [];
  const bp = b.ports ?? [];
  if (ap.length !== bp.length || ap.some((p, i) => p.name !== bp[i]!.name || p.protocol !== bp[i]!.protocol || p.port !== bp[i]!.port)) return false;
  const ae = a.endpoints ?? [];
  const be = b.endpoints ?? [];
  return ae.length === be.length && ae.every((ep, i) => ep.addresses?.[0] === be[i]!.addresses?.[0]);
}

/**
 * The mode without an engine's count (previews, tests): Services are counted until the sum
 * passes the threshold, so in a large cluster the scan stops after about a thousand endpoints;
 * below it, it visits every Service.
 */
export function largeClusterOfView(view: ClusterView, family: Family): boolean {
  let total = 0;
  for (const key of view.services.keys()) {
    total += countsOf(view, key, [family])[fi(family)];
    if (total > LARGE_CLUSTER_ENDPOINTS) return true;
  }
  return false;
}
