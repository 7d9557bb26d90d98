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
import { SERVICE_NAME_LABEL } from '../../domain/objects.js';
import { endpointCountsByPort, slicePortKey } from './endpoints.js';
import { servicePorts } from './service-port.js';
/** largeClusterEndpointsThreshold: the mode is on above it (strictly). */
export const LARGE_CLUSTER_ENDPOINTS = 1000;
const FAMILIES = ['ipv4', 'ipv6'];
const fi = (family) => (family === 'ipv4' ? 0 : 1);
/** The Services (`ns/name`) a change may touch: the Service itself, or the Services an
 * EndpointSlice is labelled for before and after. */
export function servicesOfChange(change) {
    if (change.kind === 'Service')
        return [`${change.namespace}/${change.name}`];
    if (change.kind !== 'EndpointSlice')
        return [];
    const out = new Set();
    for (const obj of [change.before, change.after]) {
        const svc = obj?.metadata.labels?.[SERVICE_NAME_LABEL];
        if (svc)
            out.add(`${change.namespace}/${svc}`);
    }
    return [...out];
}
/** One Service's endpoints per family, as kube-proxy counts them: distinct IP:port per service
 * port (endpoint conditions do not matter), summed over its service ports. */
export function serviceEndpointCounts(svc, slices, families = FAMILIES) {
    const out = [0, 0];
    if (!svc)
        return out;
    for (const family of families) {
        const ports = servicePorts(svc, family);
        if (ports.length === 0)
            continue;
        const counts = endpointCountsByPort(slices, family);
        for (const p of ports)
            out[fi(family)] += counts.get(slicePortKey(p.portName, p.protocol)) ?? 0;
    }
    return out;
}
function countsOf(view, key, families = FAMILIES) {
    const slash = key.indexOf('/');
    return serviceEndpointCounts(view.services.get(key), view.slicesForService(key.slice(0, slash), key.slice(slash + 1)), families);
}
/** The per-engine count (model.ts DerivedInputs). */
export class EndpointTotals {
    unitOf;
    /** `ns/name` -> its counts; only Services with endpoints. */
    byService = new Map();
    totals = [0, 0];
    constructor(view, 
    /** A service key -> its unit id (index.ts names units). */
    unitOf) {
        this.unitOf = unitOf;
        if (view)
            for (const key of view.services.keys())
                this.set(key, countsOf(view, key));
    }
    fork() {
        const copy = new EndpointTotals(null, this.unitOf);
        for (const [key, counts] of this.byService)
            copy.byService.set(key, [counts[0], counts[1]]);
        copy.totals[0] = this.totals[0];
        copy.totals[1] = this.totals[1];
        return copy;
    }
    largeCluster(family) {
        return this.totals[fi(family)] > LARGE_CLUSTER_ENDPOINTS;
    }
    observe(change, view) {
        const keys = servicesOfChange(change);
        if (keys.length === 0)
            return [];
        const before = FAMILIES.map((f) => this.largeCluster(f));
        for (const key of keys)
            this.set(key, countsOf(view, key));
        const flipped = FAMILIES.filter((f, i) => this.largeCluster(f) !== before[i]);
        if (flipped.length === 0)
            return [];
        const units = [];
        for (const [key, counts] of this.byService) {
            if (flipped.some((f) => counts[fi(f)] > 0))
                units.push(this.unitOf(key));
        }
        return units;
    }
    set(key, counts) {
        const old = this.byService.get(key);
        this.totals[0] += counts[0] - (old?.[0] ?? 0);
        this.totals[1] += counts[1] - (old?.[1] ?? 0);
        if (counts[0] || counts[1])
            this.byService.set(key, counts);
        else
            this.byService.delete(key);
    }
}
/**
 * The mode without an engine's count (previews, tests): Services are counted until the sum
 * passes the threshold, so in a large cluster the scan stops after about a thousand endpoints;
 * below it, it visits every Service.
 */
export function largeClusterOfView(view, family) {
    let total = 0;
    for (const key of view.services.keys()) {
        total += countsOf(view, key, [family])[fi(family)];
        if (total > LARGE_CLUSTER_ENDPOINTS)
            return true;
    }
    return false;
}
//# sourceMappingURL=large-cluster.js.map