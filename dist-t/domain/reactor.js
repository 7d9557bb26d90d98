// The controllers as a reactor: after an event is folded in, it returns the events derived from
// it, each with its controller's actor and cause = the triggering event's rv. Pure. The endpoints
// controllers keep Endpoints/EndpointSlices matching their Services (actor
// system:endpoints-controller); the pod GC deletes the pods of a deleted Node (podgc.ts), and
// those deletions come back here as Pod events; the namespace controller empties a terminating
// namespace and then deletes it (namespace-controller.ts). Replay folds the log with evolve
// alone: the derived events are in it, so nothing is derived twice.
import { deepEqual } from './equal.js';
import { objectKey } from './kinds.js';
import { clone, derivedUid, seconds } from './decide.js';
import { deleteOrphanedPods, POD_GC } from './podgc.js';
import { namespaceReactions } from './namespace-controller.js';
import { setGeneration } from './generation.js';
import { desiredEndpoints, desiredEndpointSlices, mirroredEndpointSlices, sameEndpoints, sameSlices, servicesSelectingPod, } from './controllers/index.js';
import { managedSlices, managingService } from './controllers/owned.js';
import { hintsByZone, isNodeReady, serviceOverloaded } from './controllers/topology-cache.js';
import { ZONE_LABEL } from './objects.js';
export const ENDPOINTS_CONTROLLER = 'system:endpoints-controller';
const __T = (k, f) => { const a = performance.now(); try { return f(); } finally { const t = globalThis.__t; if (t) t[k] = (t[k] ?? 0) + performance.now() - a; } };
export function react(state, ev, before, time) { return __T('react', () => react0(state, ev, before, time)); }
function react0(state, ev, before, time) {
    const own = reactByKind(state, ev, before, time);
    // After the kind's own reactions: a Service's deletion names its Endpoints and slices first, so
    // the namespace is empty (and goes) only once they are gone too.
    const namespace = namespaceReactions(state, ev, before, time);
    return namespace.length ? [...own, ...namespace] : own;
}
function reactByKind(state, ev, before, time) {
    switch (ev.kind) {
        case 'Pod': {
            const names = new Set();
            for (const pod of [before, ev.type === 'DELETED' ? undefined : ev.object]) {
                if (!pod)
                    continue;
                // Only services sharing a selector pair with the pod's labels can select it.
                const candidates = state.servicesWithSelectorPairs(ev.namespace, pod.metadata.labels);
                for (const s of servicesSelectingPod(pod, candidates))
                    names.add(s.metadata.name);
            }
            // The pod GC's events are the Node deletion's doing: cite it. The first of them already finds
            // every swept pod gone (execute folds a reaction's events before reacting to them), so
            // citing that pod would blame it for the others' endpoints too.
            const cause = ev.actor === POD_GC && ev.cause !== null ? ev.cause : ev.rv;
            return [...names].sort().flatMap((name) => reconcileService(state, ev.namespace, name, cause, time));
        }
        case 'Service':
            return reconcileService(state, ev.namespace, ev.name, ev.rv, time);
        case 'Node':
            return [...deleteOrphanedPods(state, ev, time), ...resyncOverloadedServices(state, ev, before, time)];
        case 'Endpoints': {
            if (ev.actor === ENDPOINTS_CONTROLLER)
                return [];
            const svc = state.get('Service', ev.namespace, ev.name);
            // The endpoints controller watches Endpoints for deletes only (onEndpointsDelete): a deleted
            // one is written again at once, while an edit stands until its Service next syncs.
            if (svc && hasSelector(svc))
                return ev.type === 'DELETED' ? reconcileService(state, ev.namespace, ev.name, ev.rv, time) : [];
            return reconcileSlices(state, ev.namespace, ev.name, svc, undefined, ev.rv, time);
        }
        case 'EndpointSlice': {
            // The slice and mirroring controllers sync a Service when someone else adds, changes or
            // deletes a slice they manage for it (their endpointSliceTracker's ShouldSync): an edit or
            // a deletion is undone at once. onEndpointSliceUpdate syncs the Services of the slice before
            // and after: one moved to another Service, or no longer managed, is the user's from then on,
            // and its first Service gets a new slice (under another name, see reconcileSlices).
            if (ev.actor === ENDPOINTS_CONTROLLER)
                return [];
            const services = new Set([managingService(before), ev.type === 'DELETED' ? undefined : managingService(ev.object)]);
            return [...services].sort().flatMap((service) => {
                const svc = service === undefined ? undefined : state.get('Service', ev.namespace, service);
                return svc ? reconcileSlices(state, ev.namespace, service, svc, undefined, ev.rv, time) : [];
            });
        }
        default:
            return [];
    }
}
/**
 * A Node added or deleted, or one whose readiness or zone changed, syncs the Services whose
 * topology hints the zones' capacity now leaves overloaded, as the endpointslice controller's
 * node handlers do (onNodeUpdate looks at readiness and the zone label only; then SetNodes and
 * GetOverloadedServices); the others keep their hints until they next sync. An allocatable-CPU
 * change alone counts from the next sync on, as there.
 */
function resyncOverloadedServices(state, ev, before, time) {
    const after = ev.type === 'DELETED' ? undefined : ev.object;
    if (before && after && isNodeReady(before) === isNodeReady(after) && zoneOf(before) === zoneOf(after))
        return [];
    const ratios = state.zoneRatios();
    const out = [];
    for (const svc of state.servicesWithTopologyHints()) {
        const byType = new Map();
        for (const slice of managedSlices(state, svc.metadata.namespace, svc.metadata.name)) {
            byType.set(slice.addressType, [...(byType.get(slice.addressType) ?? []), slice]);
        }
        const overloaded = [...byType.values()].some((slices) => serviceOverloaded(hintsByZone(slices.flatMap((s) => s.endpoints ?? [])), ratios));
        if (overloaded)
            out.push(...reconcileService(state, svc.metadata.namespace, svc.metadata.name, ev.rv, time));
    }
    return out;
}
const zoneOf = (node) => node.metadata.labels?.[ZONE_LABEL];
function hasSelector(svc) {
    return !!svc.spec?.selector && Object.keys(svc.spec.selector).length > 0;
}
function reconcileService(state, namespace, name, cause, time) {
    const svc = state.get('Service', namespace, name);
    const events = [];
    const current = state.get('Endpoints', namespace, name);
    if (svc && hasSelector(svc)) {
        const pods = __T('podsMatching', () => state.podsMatching(namespace, svc.spec.selector));
        const desired = __T('desiredEndpoints', () => desiredEndpoints(svc, pods, { now: seconds(time) }));
        if (desired) {
            if (!current)
                events.push(derived('Endpoints', 'ADDED', withIdentity(desired, undefined, cause, time), cause));
            else if (!sameEndpoints(current, desired))
                events.push(derived('Endpoints', 'MODIFIED', withIdentity(desired, current, cause, time), cause));
        }
        else if (current) {
            events.push(derived('Endpoints', 'DELETED', clone(current), cause));
        }
        events.push(...reconcileSlices(state, namespace, name, svc, pods, cause, time));
    }
    else if (!svc) {
        // A deleted Service takes its Endpoints and slices with it (owner references / controller).
        if (current)
            events.push(derived('Endpoints', 'DELETED', clone(current), cause));
        for (const s of managedSlices(state, namespace, name))
            events.push(derived('EndpointSlice', 'DELETED', clone(s), cause));
    }
    else {
        events.push(...reconcileSlices(state, namespace, name, svc, undefined, cause, time));
    }
    return events;
}
/** Keeps a Service's controller-managed slices equal to what the slice or mirroring controller wants. */
function reconcileSlices(state, namespace, name, svc, pods, cause, time) {
    const existing = new Map(managedSlices(state, namespace, name).map((s) => [s.metadata.name, s]));
    const desiredSlices = (reservedNames) => {
        if (svc && hasSelector(svc)) {
            // Nodes for the endpoints' zones, PreferClose hints and topology-mode Auto's allocation;
            // see missingNodes for pods whose node is not there.
            return __T('desiredSlices', () => desiredEndpointSlices(svc, pods ?? state.podsMatching(namespace, svc.spec.selector), {
                now: seconds(time),
                reservedNames,
                nodes: state.nodes,
                missingNodes: 'keep',
                topology: { ratios: state.zoneRatios() },
            }));
        }
        const ep = svc ? state.get('Endpoints', namespace, name) : undefined;
        return ep ? mirroredEndpointSlices(ep, svc, { reservedNames }) : [];
    };
    let desired = desiredSlices();
    // A new slice's generated name may be another slice's already (one the user wrote, or one no
    // longer managed): drawn again, as the apiserver's generateName retries.
    const reserved = new Set();
    for (let round = 0; round < 8; round++) {
        const clashes = reserved.size;
        for (const w of desired)
            if (!existing.has(w.metadata.name) && state.get('EndpointSlice', namespace, w.metadata.name))
                reserved.add(w.metadata.name);
        if (reserved.size === clashes)
            break;
        desired = desiredSlices(reserved);
    }
    desired = keepingNames(desired, existing);
    const events = [];
    for (const want of desired) {
        const have = existing.get(want.metadata.name);
        existing.delete(want.metadata.name);
        if (!have)
            events.push(derived('EndpointSlice', 'ADDED', withIdentity(want, undefined, cause, time), cause));
        else if (!sameSlices(have, want))
            events.push(derived('EndpointSlice', 'MODIFIED', withIdentity(keepingUnchanged(want, have), have, cause, time), cause));
    }
    for (const gone of [...existing.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))) {
        events.push(derived('EndpointSlice', 'DELETED', clone(gone), cause));
    }
    return events;
}
/**
 * The desired slices, where one that no existing slice is named like takes the name of an existing
 * one that no desired slice names (same address type, in name order): the upstream reconciler
 * updates the slices it has. Without it, a name drawn again once a clash was gone made watchers
 * see one slice deleted and another added.
 */
function keepingNames(desired, existing) {
    if (desired.every((w) => existing.has(w.metadata.name)))
        return desired;
    const named = new Set(desired.map((w) => w.metadata.name));
    const spare = [...existing.values()].filter((e) => !named.has(e.metadata.name)).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    return desired.map((w) => {
        if (existing.has(w.metadata.name))
            return w;
        const i = spare.findIndex((e) => e.addressType === w.addressType);
        if (i < 0)
            return w;
        const [reused] = spare.splice(i, 1);
        return { ...w, metadata: { ...w.metadata, name: reused.metadata.name } };
    });
}
/**
 * `want` with every endpoint equal to the one at the same place in `have` replaced by that one.
 * A pod flipping readiness rebuilds every endpoint of its slice; sharing the unchanged ones with
 * the stored slice (never changed in place, see withIdentity) leaves only the changed endpoint as
 * new live data. The rebuilt endpoints were ~4 of the ~20 KB an endpoint change left alive
 * (bench scale, heap sampling), all copied by the next scavenge.
 */
function keepingUnchanged(want, have) {
    const old = have.endpoints ?? [];
    if (!want.endpoints?.length || !old.length)
        return want;
    return { ...want, endpoints: want.endpoints.map((ep, i) => (i < old.length && deepEqual(ep, old[i]) ? old[i] : ep)) };
}
/** Gives a controller-built object the identity it has (or gets): uid, creation time. Only the
 * metadata written here is copied: stored objects are never changed in place (decide clones
 * before it changes one), so the stored copy may share parts with what the controllers built,
 * and those with each other (sibling slices share one ports array). */
function withIdentity(obj, existing, cause, time) {
    const out = { ...obj, metadata: { ...obj.metadata } };
    out.metadata.uid = existing?.metadata.uid ?? derivedUid(`${cause}/${out.kind}/${out.metadata.namespace}/${out.metadata.name}`);
    out.metadata.creationTimestamp = existing?.metadata.creationTimestamp ?? seconds(time);
    setGeneration(out.kind, out, existing);
    return out;
}
function derived(kind, type, object, cause) {
    return { kind, namespace: object.metadata.namespace ?? '', name: object.metadata.name, type, object, actor: ENDPOINTS_CONTROLLER, cause };
}
export { objectKey };
//# sourceMappingURL=reactor.js.map