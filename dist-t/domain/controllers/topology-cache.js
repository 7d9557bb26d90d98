// Topology-aware routing's hint allocation (k8s.io/endpointslice/topologycache), pure. For a
// Service annotated `service.kubernetes.io/topology-mode: Auto`, the EndpointSlice controller
// hints each ready endpoint for one zone so that every zone gets a share of endpoints in
// proportion to its share of the cluster's allocatable CPU, each zone within 20% of its share
// (overloadThreshold). When that cannot be done — a node without a zone or allocatable CPU,
// fewer than two zones, fewer endpoints than zones, an endpoint without a zone — no endpoint has
// hints and kube-proxy sends traffic anywhere.
//
// Upstream walks Go maps, so which zone gives endpoints to which, and which endpoints move, is
// random there; here zones are taken in name order and endpoints in slice order, so the hints
// are a function of the cluster (replay gives the same slices). Upstream also keeps the hints of
// slices it is not rewriting; the controller here builds every slice of a Service afresh, so
// every ready endpoint takes part in each allocation.
import { ZONE_LABEL } from '../objects.js';
import { quantityNanos } from '../quantity.js';
/** The most any zone's endpoints may be overloaded (topologycache overloadThreshold). */
const OVERLOAD_THRESHOLD = 0.2;
export const TOPOLOGY_MODE_ANNOTATION = 'service.kubernetes.io/topology-mode';
export const DEPRECATED_TOPOLOGY_HINTS_ANNOTATION = 'service.kubernetes.io/topology-aware-hints';
/** Nodes carrying any of these labels are left out of the capacity (hasExcludedLabels). */
const EXCLUDED_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];
/** hintsEnabled: the deprecated annotation, when present, decides; `Auto` or `auto` turns it on. */
export function hintsEnabled(annotations) {
    const value = annotations?.[DEPRECATED_TOPOLOGY_HINTS_ANNOTATION] ?? annotations?.[TOPOLOGY_MODE_ANNOTATION];
    return value === 'Auto' || value === 'auto';
}
/** isNodeReady: its Ready condition is True. */
export function isNodeReady(node) {
    return (node.status?.conditions ?? []).find((c) => c.type === 'Ready')?.status === 'True';
}
export function nodeCapacity(node) {
    const labels = node.metadata.labels ?? {};
    if (EXCLUDED_LABELS.some((l) => l in labels))
        return undefined;
    if (!isNodeReady(node))
        return undefined;
    const zone = labels[ZONE_LABEL];
    const cpu = quantityNanos(node.status?.allocatable?.cpu) ?? 0n;
    if (!zone || cpu === 0n)
        return 'insufficient';
    return { zone, cpuNanos: cpu };
}
export function sameCapacity(a, b) {
    if (a === undefined || a === 'insufficient' || b === undefined || b === 'insufficient')
        return a === b;
    return a.zone === b.zone && a.cpuNanos === b.cpuNanos;
}
/** Quantity.MilliValue: rounded up. */
const milli = (nanos) => Number((nanos + 999999n) / 1000000n);
/**
 * The zones' allocatable CPU, kept up to date one Node at a time (a cluster-wide recount per
 * Node event would cost O(nodes)), and the ratios SetNodes derives from it.
 */
export class ZoneCapacity {
    byZone = new Map();
    insufficient = 0;
    cached = null;
    /** A copy that moves on its own (a preview's scratch state). */
    clone() {
        const copy = new ZoneCapacity();
        for (const [zone, z] of this.byZone)
            copy.byZone.set(zone, { ...z });
        copy.insufficient = this.insufficient;
        return copy;
    }
    add(c) {
        this.move(c, 1);
    }
    remove(c) {
        this.move(c, -1);
    }
    move(c, by) {
        if (c === undefined)
            return;
        this.cached = null;
        if (c === 'insufficient') {
            this.insufficient += by;
            return;
        }
        const z = this.byZone.get(c.zone) ?? { nanos: 0n, nodes: 0 };
        z.nanos += by === 1 ? c.cpuNanos : -c.cpuNanos;
        z.nodes += by;
        if (z.nodes === 0)
            this.byZone.delete(c.zone);
        else
            this.byZone.set(c.zone, z);
    }
    /** cpuRatiosByZone, zones in name order: undefined when hints cannot be given (insufficient
     * node information, no CPU, or fewer than two zones). */
    ratios() {
        if (this.cached !== null)
            return this.cached;
        let total = 0n;
        for (const z of this.byZone.values())
            total += z.nanos;
        if (this.insufficient > 0 || total === 0n || this.byZone.size < 2)
            return (this.cached = undefined);
        const out = new Map();
        for (const zone of [...this.byZone.keys()].sort())
            out.set(zone, milli(this.byZone.get(zone).nanos) / milli(total));
        return (this.cached = out);
    }
}
/** getAllocations: per zone, how many endpoints it should get; undefined when no allocation
 * keeps every zone within the overload threshold. */
function allocations(ratios, endpoints) {
    if (ratios.size < 2 || ratios.size > endpoints)
        return undefined;
    const out = new Map();
    let remaining = endpoints;
    for (const [zone, ratio] of ratios) {
        const desired = ratio * endpoints;
        const minimum = Math.ceil(desired * (1 / (1 + OVERLOAD_THRESHOLD)));
        out.set(zone, { minimum, desired: Math.max(desired, minimum) });
        remaining -= minimum;
        if (remaining < 0)
            return undefined;
    }
    return out;
}
const isReady = (ep) => ep.conditions?.ready === true;
/** The zone with the most left (the first in name order among equals), as getMost. */
function most(zones) {
    let zone = '';
    let n = 0;
    for (const [z, v] of zones) {
        if (v > n) {
            zone = z;
            n = v;
        }
    }
    return [zone, n];
}
/**
 * AddHints for one address type's endpoints (every slice of it, in slice order), setting or
 * clearing each endpoint's `hints` in place: the endpoints are the controller's own, just built.
 * Returns whether hints were given.
 */
export function allocateHints(endpoints, ratios) {
    const ready = endpoints.filter(isReady);
    const plan = ratios && allocations(ratios, ready.length);
    if (!plan || ready.some((ep) => !ep.zone)) {
        for (const ep of endpoints)
            delete ep.hints;
        return false;
    }
    // Step 1: every ready endpoint hinted for its own zone.
    const allocated = new Map();
    for (const ep of endpoints) {
        if (!isReady(ep)) {
            delete ep.hints;
            continue;
        }
        allocated.set(ep.zone, (allocated.get(ep.zone) ?? 0) + 1);
        ep.hints = { forZones: [{ name: ep.zone }] };
    }
    // Step 2 (getGivingAndReceivingZones): whole endpoints each zone gives or receives.
    const givingLeft = new Map();
    const receivingLeft = new Map();
    for (const [zone, a] of plan) {
        const have = allocated.get(zone) ?? 0;
        if (have > a.desired)
            givingLeft.set(zone, have - a.desired);
        else if (have < a.desired)
            receivingLeft.set(zone, a.desired - have);
    }
    const giving = new Map();
    const receiving = new Map();
    for (;;) {
        const [g, toGive] = most(givingLeft);
        const [r, toReceive] = most(receivingLeft);
        if (g === '' || r === '' || (toGive < 1 && toReceive < 1) || toGive < 0.5 || toReceive < 0.5)
            break;
        giving.set(g, (giving.get(g) ?? 0) + 1);
        givingLeft.set(g, toGive - 1);
        receiving.set(r, (receiving.get(r) ?? 0) + 1);
        receivingLeft.set(r, toReceive - 1);
    }
    // Step 3 (redistributeHints): endpoints of giving zones, in order, hinted for receiving ones.
    const receivers = [...receiving.keys()].sort();
    for (const ep of endpoints) {
        if (giving.size === 0 || receiving.size === 0)
            break;
        if (!isReady(ep))
            continue;
        const left = giving.get(ep.zone);
        if (!left)
            continue;
        const to = receivers.find((z) => (receiving.get(z) ?? 0) > 0);
        if (to === undefined)
            break;
        ep.hints = { forZones: [{ name: to }] };
        if (left === 1)
            giving.delete(ep.zone);
        else
            giving.set(ep.zone, left - 1);
        const n = receiving.get(to);
        if (n === 1)
            receiving.delete(to);
        else
            receiving.set(to, n - 1);
    }
    return true;
}
/**
 * serviceOverloaded: whether a Service's hints (endpoints hinted per zone) leave some zone below
 * its minimum under these ratios. A Node change requeues only such Services (the endpointslice
 * controller's onNode* handlers, GetOverloadedServices); the others keep their hints until they
 * next sync.
 */
export function serviceOverloaded(hintsByZone, ratios) {
    if (hintsByZone.size === 0)
        return false;
    if (!ratios || ratios.size === 0)
        return true;
    let total = 0;
    for (const n of hintsByZone.values())
        total += n;
    for (const [zone, ratio] of ratios) {
        const have = hintsByZone.get(zone);
        if (have === undefined)
            return true;
        if (have < Math.ceil(total * ratio * (1 / (1 + OVERLOAD_THRESHOLD))))
            return true;
    }
    return false;
}
/** Ready endpoints hinted per zone, over a Service's slices (what setHints recorded upstream). */
export function hintsByZone(endpoints) {
    const out = new Map();
    for (const ep of endpoints) {
        if (!isReady(ep))
            continue;
        const zones = ep.hints?.forZones;
        for (const z of Array.isArray(zones) ? zones : [])
            if (typeof z?.name === 'string')
                out.set(z.name, (out.get(z.name) ?? 0) + 1);
    }
    return out;
}
//# sourceMappingURL=topology-cache.js.map