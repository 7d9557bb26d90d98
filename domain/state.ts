// The folded state of the log: every stored object, the cluster network settings, the indexes
// projections and the endpoints controller need, and what the allocators have handed out.
// `evolve` is the only writer. It mutates in place (a 150,000-pod cluster cannot be copied per
// event) but is deterministic: the same events in the same order give the same state.

import { DEFAULT_CONFIG, type ClusterNetworkConfig } from './config.js';
import type { LogEvent } from './events.js';
import { CONFIG_KIND, objectKey, STORED_KINDS, type StoredKind } from './kinds.js';
import {
  SERVICE_NAME_LABEL,
  type EndpointSlice,
  type KubeObject,
  type Namespace,
  type Node,
  type Pod,
  type Service,
} from './objects.js';
import type { ClusterView } from '../projections/model.js';
import { Allocations } from './allocations.js';
import { hintsEnabled, nodeCapacity, sameCapacity, ZoneCapacity } from './controllers/topology-cache.js';

export class ClusterState implements ClusterView {
  /** rv of the last event folded in. */
  rv = 0;
  config: ClusterNetworkConfig = DEFAULT_CONFIG;
  readonly objects = new Map<StoredKind, Map<string, KubeObject>>(STORED_KINDS.map((k) => [k, new Map()]));
  readonly allocations = new Allocations();
  private readonly slicesByService = new Map<string, Set<string>>();
  private readonly podKeysByNode = new Map<string, Set<string>>();
  private readonly keysByNamespace = new Map<StoredKind, Map<string, Set<string>>>(STORED_KINDS.map((k) => [k, new Map()]));
  /** `ns\0key=value` -> pods carrying that label: selector matching without a namespace scan. */
  private readonly podsByLabel = new Map<string, Set<string>>();
  /** `ns\0key=value` -> services whose selector has that pair. */
  private readonly servicesBySelector = new Map<string, Set<string>>();
  /** The zones' allocatable CPU, for topology hints (the endpointslice controller's cache). */
  private readonly zoneCapacity = new ZoneCapacity();
  /** Services annotated for topology-aware hints (topology-mode: Auto), as keys (a Map, as every
   * index here, so previews can shadow it). */
  private readonly hintedServices = new Map<string, true>();

  get nodes(): ReadonlyMap<string, Node> {
    return this.objects.get('Node') as Map<string, Node>;
  }
  get namespaces(): ReadonlyMap<string, Namespace> {
    return this.objects.get('Namespace') as Map<string, Namespace>;
  }
  get services(): ReadonlyMap<string, Service> {
    return this.objects.get('Service') as Map<string, Service>;
  }
  get pods(): ReadonlyMap<string, Pod> {
    return this.objects.get('Pod') as Map<string, Pod>;
  }
  get endpointSlices(): ReadonlyMap<string, EndpointSlice> {
    return this.objects.get('EndpointSlice') as Map<string, EndpointSlice>;
  }

  get(kind: StoredKind, namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(kind)!.get(objectKey(namespace, name));
  }

  /** Objects of a kind in one namespace (all namespaces when namespace is undefined). */
  list(kind: StoredKind, namespace?: string): KubeObject[] {
    const all = this.objects.get(kind)!;
    if (namespace === undefined) return [...all.values()];
    const keys = this.keysByNamespace.get(kind)!.get(namespace);
    if (!keys) return [];
    return [...keys].map((k) => all.get(k)!);
  }

  slicesForService(namespace: string, name: string): readonly EndpointSlice[] {
    const keys = this.slicesByService.get(objectKey(namespace, name));
    if (!keys) return [];
    const slices = this.endpointSlices;
    return [...keys].sort().map((k) => slices.get(k)!);
  }

  /** Pods of a namespace whose labels include every pair of `selector` (non-empty). */
  podsMatching(namespace: string, selector: Readonly<Record<string, string>>): Pod[] {
    let smallest: Set<string> | undefined;
    for (const [k, v] of Object.entries(selector)) {
      const set = this.podsByLabel.get(`${namespace}\0${k}=${v}`);
      if (!set) return [];
      if (!smallest || set.size < smallest.size) smallest = set;
    }
    if (!smallest) return [];
    const pods = this.pods;
    const out: Pod[] = [];
    for (const key of smallest) {
      const pod = pods.get(key)!;
      const labels = pod.metadata.labels ?? {};
      if (Object.entries(selector).every(([k, v]) => labels[k] === v)) out.push(pod);
    }
    return out;
  }

  /** Services of a namespace whose selector shares at least one pair with these labels. */
  servicesWithSelectorPairs(namespace: string, labels: Readonly<Record<string, string>> | undefined): Service[] {
    const keys = new Set<string>();
    for (const [k, v] of Object.entries(labels ?? {})) {
      for (const svc of this.servicesBySelector.get(`${namespace}\0${k}=${v}`) ?? []) keys.add(svc);
    }
    const services = this.services;
    return [...keys].sort().map((k) => services.get(k)!);
  }

  /** The zones' shares of the nodes' allocatable CPU, undefined when hints cannot be allocated. */
  zoneRatios(): ReadonlyMap<string, number> | undefined {
    return this.zoneCapacity.ratios();
  }

  /** Services annotated for topology-aware hints, in key order. */
  servicesWithTopologyHints(): Service[] {
    const services = this.services;
    return [...this.hintedServices.keys()].sort().map((k) => services.get(k)!);
  }

  podsOnNode(nodeName: string): readonly Pod[] {
    const keys = this.podKeysByNode.get(nodeName);
    if (!keys) return [];
    const pods = this.pods;
    return [...keys].sort().map((k) => pods.get(k)!);
  }

  /** Puts or removes one object, keeping every index and allocation in step. */
  setObject(kind: StoredKind, namespace: string, name: string, obj: KubeObject | undefined): void {
    const key = objectKey(namespace, name);
    const map = this.objects.get(kind)!;
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
    if (before) this.unindex(kind, key, namespace, before);
    if (obj) {
      map.set(key, obj);
      this.index(kind, key, namespace, obj);
    } else {
      map.delete(key);
    }
  }

  private index(kind: StoredKind, key: string, namespace: string, obj: KubeObject): void {
    if (namespace) addTo(this.keysByNamespace.get(kind)!, namespace, key);
    if (kind === 'EndpointSlice') {
      const svc = obj.metadata.labels?.[SERVICE_NAME_LABEL];
      if (svc) addTo(this.slicesByService, objectKey(namespace, svc), key);
    } else if (kind === 'Pod') {
      const node = (obj as Pod).spec?.nodeName;
      if (node) addTo(this.podKeysByNode, node, key);
      for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) addTo(this.podsByLabel, `${namespace}\0${k}=${v}`, key);
    } else if (kind === 'Service') {
      for (const [k, v] of Object.entries((obj as Service).spec?.selector ?? {})) addTo(this.servicesBySelector, `${namespace}\0${k}=${v}`, key);
      if (hintsEnabled(obj.metadata.annotations)) this.hintedServices.set(key, true);
    } else if (kind === 'Node') {
      this.zoneCapacity.add(nodeCapacity(obj as Node));
    }
    this.allocations.claim(kind, key, obj);
  }

  private unindex(kind: StoredKind, key: string, namespace: string, obj: KubeObject): void {
    if (namespace) removeFrom(this.keysByNamespace.get(kind)!, namespace, key);
    if (kind === 'EndpointSlice') {
      const svc = obj.metadata.labels?.[SERVICE_NAME_LABEL];
      if (svc) removeFrom(this.slicesByService, objectKey(namespace, svc), key);
    } else if (kind === 'Pod') {
      const node = (obj as Pod).spec?.nodeName;
      if (node) removeFrom(this.podKeysByNode, node, key);
      for (const [k, v] of Object.entries(obj.metadata.labels ?? {})) removeFrom(this.podsByLabel, `${namespace}\0${k}=${v}`, key);
    } else if (kind === 'Service') {
      for (const [k, v] of Object.entries((obj as Service).spec?.selector ?? {})) removeFrom(this.servicesBySelector, `${namespace}\0${k}=${v}`, key);
      this.hintedServices.delete(key);
    } else if (kind === 'Node') {
      this.zoneCapacity.remove(nodeCapacity(obj as Node));
    }
    this.allocations.release(kind, key, obj);
  }
}

/** Folds one event into the state. Returns the object as it was before, for projections. */
export function evolve(state: ClusterState, event: LogEvent): KubeObject | undefined {
  if (event.rv !== state.rv + 1) {
    throw new Error(`evolve: event rv ${event.rv} does not follow state rv ${state.rv}`);
  }
  state.rv = event.rv;
  if (event.kind === CONFIG_KIND) {
    const before = { apiVersion: 'netledger.io/v1', kind: CONFIG_KIND, metadata: { name: 'cluster' }, spec: state.config };
    state.config = (event.object as unknown as { spec: ClusterNetworkConfig }).spec;
    return before;
  }
  const kind = event.kind as StoredKind;
  const before = state.get(kind, event.namespace, event.name);
  state.setObject(kind, event.namespace, event.name, event.type === 'DELETED' ? undefined : event.object);
  return before;
}

/** Whether two versions of one object are filed under the same index keys (index/unindex). */
function sameIndexedFields(kind: StoredKind, a: KubeObject, b: KubeObject): boolean {
  switch (kind) {
    case 'EndpointSlice':
      return a.metadata.labels?.[SERVICE_NAME_LABEL] === b.metadata.labels?.[SERVICE_NAME_LABEL];
    case 'Pod':
      return (a as Pod).spec?.nodeName === (b as Pod).spec?.nodeName && sameRecord(a.metadata.labels, b.metadata.labels);
    case 'Service':
      return sameRecord((a as Service).spec?.selector, (b as Service).spec?.selector) && hintsEnabled(a.metadata.annotations) === hintsEnabled(b.metadata.annotations);
    case 'Node':
      return sameCapacity(nodeCapacity(a as Node), nodeCapacity(b as Node));
    default:
      return true;
  }
}

function sameRecord(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b?.[k]) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

function addTo(index: Map<string, Set<string>>, k: string, v: string): void {
  let set = index.get(k);
  if (!set) index.set(k, (set = new Set()));
  set.add(v);
}

function removeFrom(index: Map<string, Set<string>>, k: string, v: string): void {
  const set = index.get(k);
  if (!set) return;
  set.delete(v);
  if (set.size === 0) index.delete(k);
}
