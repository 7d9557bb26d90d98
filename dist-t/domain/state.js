// The folded state of the log: every stored object, the cluster network settings, the indexes
// projections and the endpoints controller need, and what the allocators have handed out.
// `evolve` is the only writer. It mutates in place (a 150,000-pod cluster cannot be copied per
// event) but is deterministic: the same events in the same order give the same state.
import { DEFAULT_CONFIG } from './config.js';
import { CONFIG_KIND, objectKey, STORED_KINDS } from './kinds.js';
import { SERVICE_NAME_LABEL, } from './objects.js';
import { Allocations } from './allocations.js';
import { hintsEnabled, nodeCapacity, sameCapacity, ZoneCapacity } from './controllers/topology-cache.js';
export class ClusterState {
    /** rv of the last event folded in. */
    rv = 0;
    config = DEFAULT_CONFIG;
    objects = new Map(STORED_KINDS.map((k) => [k, new Map()]));
    allocations = new Allocations();
    slicesByService = new Map();
    podKeysByNode = new Map();
    keysByNamespace = new Map(STORED_KINDS.map((k) => [k, new Map()]));
    /** `ns\0key=value` -> pods carrying that label: selector matching without a namespace scan. */
    podsByLabel = new Map();
    /** `ns\0key=value` -> services whose selector has that pair. */
    servicesBySelector = new Map();
    /** The zones' allocatable CPU, for topology hints (the endpointslice controller's cache). */
    zoneCapacity = new ZoneCapacity();
    /** Services annotated for topology-aware hints (topology-mode: Auto), as keys (a Map, as every
     * index here, so previews can shadow it). */
    hintedServices = new Map();
    get nodes() {
        return this.objects.get('Node');
    }
    get namespaces() {
        return this.objects.get('Namespace');
    }
    get services() {
        return this.objects.get('Service');
    }
    get pods() {
        return this.objects.get('Pod');
    }
    get endpointSlices() {
        return this.objects.get('EndpointSlice');
    }
    get(kind, namespace, name) {
        return this.objects.get(kind).get(objectKey(namespace, name));
    }
    /** Objects of a kind in one namespace (all namespaces when namespace is undefined). */
    list(kind, namespace) {
        const all = this.objects.get(kind);
        if (namespace === undefined)
            return [...all.values()];
        const keys = this.keysByNamespace.get(kind).get(namespace);
        if (!keys)
            return [];
        return [...keys].map((k) => all.get(k));
    }
    slicesForService(namespace, name) {
        const keys = this.slicesByService.get(objectKey(namespace, name));
        if (!keys)
            return [];
        const slices = this.endpointSlices;
        return [...keys].sort().map((k) => slices.get(k));
    }
    /** Pods of a namespace whose labels include every pair of `selector` (non-empty). */
    podsMatching(namespace, selector) {
        let smallest;
        for (const [k, v] of Object.entries(selector)) {
            const set = this.podsByLabel.get(`${namespace}\0${k}=${v}`);
            if (!set)
                return [];
            if (!smallest || set.size < smallest.size)
                smallest = set;
        }
        if (!smallest)
            return [];
        const pods = this.pods;
        const out = [];
        for (const key of smallest) {
            const pod = pods.get(key);
            const labels = pod.metadata.labels ?? {};
            if (Object.entries(selector).every(([k, v]) => labels[k] === v))
                out.push(pod);
        }
        return out;
    }
    /** Services of a namespace whose selector shares at least one pair with these labels. */
    servicesWithSelectorPairs(namespace, labels) {
        const keys = new Set();
        for (const [k, v] of Object.entries(labels ?? {})) {
            for (const svc of this.servicesBySelector.get(`${namespace}\0${k}=${v}`) ?? [])
                keys.add(svc);
        }
        const services = this.services;
        return [...keys].sort().map((k) => services.get(k));
    }
    /** The zones' shares of the nodes' allocatable CPU, undefined when hints cannot be allocated. */
    zoneRatios() {
        return this.zoneCapacity.ratios();
    }
    /** Services annotated for topology-aware hints, in key order. */
    servicesWithTopologyHints() {
        const services = this.services;
        return [...this.hintedServices.keys()].sort().map((k) => services.get(k));
    }
    podsOnNode(nodeName) {
        const keys = this.podKeysByNode.get(nodeName);
        if (!keys)
            return [];
        const pods = this.pods;
        return [...keys].sort().map((k) => pods.get(k));
    }
    /** Puts or removes one object, keeping every index and allocation in step. */
    setObject(kind, namespace, name, obj) {
        const key = objectKey(namespace, name);
        const map = this.objects.get(kind);
        const before = map.get(key);
        if (before && obj && sameIndexedFields(kind, before, obj)) {
            // Most updates (a pod's status, a slice's endpoints) leave every index as it is: only the
            // allocations can move. The key then keeps its place in its sets, where a re-index moved
            // it to the end, so a set's order differs from the one start-up rebuilds (objects in rv
            // order). Nothing output depends on it: list(kind, ns) and podsMatching hand out set
            // order, and their callers sort, or (the endpoints controllers) give the same result for
            // any order of pods (test/domain/state-indexes.test.ts).
            this.allocations.release(kind, key, before);
            map.set(key, obj);
            this.allocations.claim(kind, key, obj);
            return;
        }
        if (before)
            this.unindex(kind, key, namespace, before);
        if (obj) {
            map.set(key, obj);
            this.index(kind, key, namespace, obj);
        }
        else {
            map.delete(key);
        }
    }
    index(kind, key, namespace, obj) {
        if (namespace)
            addTo(this.keysByNamespace.get(kind), namespace, key);
        if (kind === 'EndpointSlice') {
            const svc = obj.metadata.labels?.[SERVICE_NAME_LABEL];
            if (svc)
                addTo(this.slicesByService, objectKey(namespace, svc), key);
        }
        else if (kind === 'Pod') {
            const node = obj.spec?.nodeName;
            if (node)
                addTo(this.podKeysByNode, node, key);
            for (const [k, v] of Object.entries(obj.metadata.labels ?? {}))
                addTo(this.podsByLabel, `${namespace}\0${k}=${v}`, key);
        }
        else if (kind === 'Service') {
            for (const [k, v] of Object.entries(obj.spec?.selector ?? {}))
                addTo(this.servicesBySelector, `${namespace}\0${k}=${v}`, key);
            if (hintsEnabled(obj.metadata.annotations))
                this.hintedServices.set(key, true);
        }
        else if (kind === 'Node') {
            this.zoneCapacity.add(nodeCapacity(obj));
        }
        this.allocations.claim(kind, key, obj);
    }
    unindex(kind, key, namespace, obj) {
        if (namespace)
            removeFrom(this.keysByNamespace.get(kind), namespace, key);
        if (kind === 'EndpointSlice') {
            const svc = obj.metadata.labels?.[SERVICE_NAME_LABEL];
            if (svc)
                removeFrom(this.slicesByService, objectKey(namespace, svc), key);
        }
        else if (kind === 'Pod') {
            const node = obj.spec?.nodeName;
            if (node)
                removeFrom(this.podKeysByNode, node, key);
            for (const [k, v] of Object.entries(obj.metadata.labels ?? {}))
                removeFrom(this.podsByLabel, `${namespace}\0${k}=${v}`, key);
        }
        else if (kind === 'Service') {
            for (const [k, v] of Object.entries(obj.spec?.selector ?? {}))
                removeFrom(this.servicesBySelector, `${namespace}\0${k}=${v}`, key);
            this.hintedServices.delete(key);
        }
        else if (kind === 'Node') {
            this.zoneCapacity.remove(nodeCapacity(obj));
        }
        this.allocations.release(kind, key, obj);
    }
}
/** Folds one event into the state. Returns the object as it was before, for projections. */
export function evolve(state, event) {
    if (event.rv !== state.rv + 1) {
        throw new Error(`evolve: event rv ${event.rv} does not follow state rv ${state.rv}`);
    }
    state.rv = event.rv;
    if (event.kind === CONFIG_KIND) {
        const before = { apiVersion: 'netledger.io/v1', kind: CONFIG_KIND, metadata: { name: 'cluster' }, spec: state.config };
        state.config = event.object.spec;
        return before;
    }
    const kind = event.kind;
    const before = state.get(kind, event.namespace, event.name);
    state.setObject(kind, event.namespace, event.name, event.type === 'DELETED' ? undefined : event.object);
    return before;
}
/** Whether two versions of one object are filed under the same index keys (index/unindex). */
function sameIndexedFields(kind, a, b) {
    switch (kind) {
        case 'EndpointSlice':
            return a.metadata.labels?.[SERVICE_NAME_LABEL] === b.metadata.labels?.[SERVICE_NAME_LABEL];
        case 'Pod':
            return a.spec?.nodeName === b.spec?.nodeName && sameRecord(a.metadata.labels, b.metadata.labels);
        case 'Service':
            return sameRecord(a.spec?.selector, b.spec?.selector) && hintsEnabled(a.metadata.annotations) === hintsEnabled(b.metadata.annotations);
        case 'Node':
            return sameCapacity(nodeCapacity(a), nodeCapacity(b));
        default:
            return true;
    }
}
function sameRecord(a, b) {
    if (a === b)
        return true;
    let n = 0;
    for (const k in a) {
        if (a[k] !== b?.[k])
            return false;
        n++;
    }
    for (const _ in b)
        n--;
    return n === 0;
}
function addTo(index, k, v) {
    let set = index.get(k);
    if (!set)
        index.set(k, (set = new Set()));
    set.add(v);
}
function removeFrom(index, k, v) {
    const set = index.get(k);
    if (!set)
        return;
    set.delete(v);
    if (set.size === 0)
        index.delete(k);
}
//# sourceMappingURL=state.js.map