// The EndpointSlice controller (k8s.io/endpointslice reconciler.go + utils.go) as a pure function:
// the discovery/v1 EndpointSlices it would hold for a Service with a selector, computed from
// scratch. Upstream packs endpoints into whatever slices already exist; from scratch that packing
// is: per address type, per distinct resolved port set, endpoints sorted by address and cut into
// chunks of maxEndpointsPerSlice.

import type { EndpointSlice, Node, Pod, Service, SliceEndpoint, SlicePort } from '../objects.js';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL, ZONE_LABEL } from '../objects.js';
export { ZONE_LABEL };
import { LAST_CHANGE_TRIGGER_TIME_ANNOTATION, sortedRecord } from './endpointsController.js';
import { memoize, podMemo } from '../memo.js';
import { portMapKey, sortSlicePorts } from './goHash.js';
import { isPodReady, isPodTerminating, podEndpointAddresses, shouldPodBeInEndpoints, shouldSetHostname } from './pods.js';
import {
  type AddressType,
  HEADLESS_LABEL,
  addressTypesForService,
  findPort,
  isServiceIPSet,
  managedSelector,
  selectorMatches,
  servicePortProtocol,
} from './services.js';
import { endpointSliceName, endpointSlicePrefix } from './sliceNames.js';
import { allocateHints, hintsEnabled } from './topology-cache.js';

export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
/** --max-endpoints-per-slice default. */
export const DEFAULT_MAX_ENDPOINTS_PER_SLICE = 100;

export interface EndpointSliceOptions {
  maxEndpointsPerSlice?: number;
  /**
   * Nodes by name. When given, endpoints get their node's zone, and — as upstream — a pod whose
   * node does not exist is left out unless the service publishes not-ready addresses
   * (`missingNodes: 'keep'` keeps it). When absent no node checks are made.
   */
  nodes?: ReadonlyMap<string, Node>;
  /**
   * What to do with a pod whose node is not in `nodes`. Upstream skips it and requeues the
   * Service until the node shows up; a reactor that runs only on events cannot retry, so it keeps
   * the pod (what upstream writes once the node exists) rather than leave it out until the
   * Service or its pods next change.
   */
  missingNodes?: 'skip' | 'keep';
  /** Sets `last-change-trigger-time`; left out by default (see EndpointsOptions.now). */
  now?: string;
  /** Names other slices already have: a generated name never takes one (the apiserver's
   * generateName retries on AlreadyExists). */
  reservedNames?: ReadonlySet<string>;
  /**
   * The topology cache's view of the nodes (topology-cache.ts ZoneCapacity.ratios: the zones'
   * shares of allocatable CPU, undefined when hints cannot be given). When present, a Service
   * annotated `service.kubernetes.io/topology-mode: Auto` gets its endpoints' zone hints
   * allocated from it; when absent such a Service gets none.
   */
  topology?: { ratios: ReadonlyMap<string, number> | undefined };
}

/** podToEndpoint: ready = publishNotReady || (serving && !terminating). */
export function podToEndpoint(pod: Pod, node: Node | undefined, service: Service, addressType: AddressType): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = isPodTerminating(pod);
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: SliceEndpoint = {
    addresses: podEndpointAddresses(pod, addressType),
    conditions: { ready, serving, terminating },
  };
  if (shouldSetHostname(pod, service)) ep.hostname = pod.spec!.hostname!;
  ep.targetRef = { kind: 'Pod' };
  if (pod.metadata.namespace) ep.targetRef.namespace = pod.metadata.namespace;
  if (pod.metadata.name) ep.targetRef.name = pod.metadata.name;
  if (pod.metadata.uid) ep.targetRef.uid = pod.metadata.uid;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) ep.zone = zone;
  // trafficdist.ReconcileHints, preferCloseHeuristic: a ready endpoint is hinted for its own zone.
  if (zone && ready && prefersClose(service)) ep.hints = { forZones: [{ name: zone }] };
  return ep;
}

/**
 * spec.trafficDistribution PreferClose, unless topology-aware routing's annotation asks for the
 * topology cache instead (canUseTrafficDistribution = !hintsEnabled).
 */
function prefersClose(service: Service): boolean {
  return service.spec?.trafficDistribution === 'PreferClose' && !hintsEnabled(service.metadata.annotations);
}

/** getEndpointPorts: the service ports this pod resolves, in PortMapKey (hash) order. */
export function endpointPortsForPod(service: Service, pod: Pod): SlicePort[] {
  return sortSlicePorts(unsortedEndpointPorts(service, pod));
}

function unsortedEndpointPorts(service: Service, pod: Pod): SlicePort[] {
  const ports: SlicePort[] = [];
  for (const sp of service.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const p: SlicePort = { name: sp.name ?? '', protocol: servicePortProtocol(sp), port };
    if (sp.appProtocol !== undefined) p.appProtocol = sp.appProtocol;
    ports.push(p);
  }
  return ports;
}

/** hashEndpoint: identity = addresses, hostname and pod namespace/name (conditions may change). */
export function endpointIdentity(ep: SliceEndpoint): string {
  return JSON.stringify([[...ep.addresses].sort(), ep.hostname ?? '', ep.targetRef?.namespace ?? '', ep.targetRef?.name ?? '']);
}

function sortKey(ep: SliceEndpoint): string {
  return JSON.stringify([ep.addresses[0] ?? '', ep.targetRef?.uid ?? '', ep.targetRef?.name ?? '']);
}

/** Endpoints in slice order: by first address, then pod uid and name. Each key is encoded once,
 * not once per comparison. */
export function sortSliceEndpoints(eps: Iterable<SliceEndpoint>): SliceEndpoint[] {
  const keyed = [...eps].map((ep) => ({ ep, key: sortKey(ep) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.ep);
}

/** setEndpointSliceLabels: service labels minus the reserved ones, then the reserved ones set. */
export function endpointSliceLabels(service: Service, controllerName: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.metadata.labels ?? {})) {
    if (k === SERVICE_NAME_LABEL || k === MANAGED_BY_LABEL || k === HEADLESS_LABEL) continue;
    labels[k] = v;
  }
  if (!isServiceIPSet(service)) labels[HEADLESS_LABEL] = '';
  labels[SERVICE_NAME_LABEL] = service.metadata.name ?? '';
  labels[MANAGED_BY_LABEL] = controllerName;
  return sortedRecord(labels);
}

/** A resolved port set (its JSON) in PortMapKey order, with its key. The hashing behind the
 * order is done once per distinct set: in practice every pod of a service, and most services,
 * resolve the same few, and each service recompute hashed its set again. The result is shared,
 * read-only, by every slice built with that set. */
const orderedPorts = memoize((text: string): { ports: SlicePort[]; key: string } => {
  const ports = sortSlicePorts(JSON.parse(text) as SlicePort[]);
  return { ports, key: portMapKey(ports) };
}, 10_000);

/** A pod's part in its Service's slices, memoized per pod and Service: whether it is one of the
 * Service's endpoints at all, the service ports it resolves, and its endpoint per address type,
 * kept with the zone of the node it was built for. */
interface PodPorts {
  ports: SlicePort[];
  key: string;
  endpoints: Map<AddressType, { zone: string | undefined; ep: SliceEndpoint; identity: string }>;
}

const podPorts = podMemo((service: Service, pod: Pod): PodPorts | undefined => {
  const selector = managedSelector(service)!;
  if ((pod.metadata.namespace ?? '') !== (service.metadata.namespace ?? '') || !selectorMatches(selector, pod.metadata.labels) || !shouldPodBeInEndpoints(pod, true)) return undefined;
  return { ...orderedPorts(JSON.stringify(unsortedEndpointPorts(service, pod))), endpoints: new Map() };
});

/** The pod's endpoint for one address type, built again only when its node's zone changed. */
function endpointOf(resolved: PodPorts, pod: Pod, node: Node | undefined, service: Service, addressType: AddressType): { ep: SliceEndpoint; identity: string } {
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  const kept = resolved.endpoints.get(addressType);
  if (kept && kept.zone === zone) return kept;
  const ep = podToEndpoint(pod, node, service, addressType);
  const built = { zone, ep, identity: endpointIdentity(ep) };
  resolved.endpoints.set(addressType, built);
  return built;
}

interface PortGroup {
  key: string;
  ports: SlicePort[];
  endpoints: Map<string, SliceEndpoint>;
}

/**
 * The EndpointSlices the controller keeps for `service`: for every address type of the service,
 * the pods' endpoints grouped by resolved port set, ≤ maxEndpointsPerSlice per slice, or one empty
 * placeholder slice when there are none (upstream always keeps one per address type). Empty for
 * services the controller leaves alone (no selector, ExternalName).
 */
export function desiredEndpointSlices(service: Service, pods: readonly Pod[], opts: EndpointSliceOptions = {}): EndpointSlice[] {
  const selector = managedSelector(service);
  if (!selector) return [];
  const maxPerSlice = opts.maxEndpointsPerSlice ?? DEFAULT_MAX_ENDPOINTS_PER_SLICE;
  if (!Number.isInteger(maxPerSlice) || maxPerSlice < 1) throw new RangeError(`maxEndpointsPerSlice must be a positive integer, got ${maxPerSlice}`);
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  const out: EndpointSlice[] = [];
  const taken = new Set<string>(opts.reservedNames);
  for (const addressType of addressTypesForService(service)) {
    const groups = new Map<string, PortGroup>();
    for (const pod of pods) {
      const resolved = podPorts(service, pod);
      if (!resolved) continue;
      let group = groups.get(resolved.key);
      if (!group) groups.set(resolved.key, (group = { key: resolved.key, ports: resolved.ports, endpoints: new Map() }));
      let node: Node | undefined;
      if (opts.nodes) {
        node = opts.nodes.get(pod.spec?.nodeName ?? '');
        // Node not found: skipped until it shows up.
        if (!node && !publishNotReady && opts.missingNodes !== 'keep') continue;
      }
      const { ep, identity } = endpointOf(resolved, pod, node, service, addressType);
      if (ep.addresses.length > 0) group.endpoints.set(identity, ep);
    }

    const chunks: { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = [];
    for (const group of [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
      const eps = sortSliceEndpoints(group.endpoints.values());
      for (let i = 0; i < eps.length; i += maxPerSlice) chunks.push({ ports: group.ports, endpoints: eps.slice(i, i + maxPerSlice) });
    }
    if (chunks.length === 0) chunks.push({ ports: [], endpoints: [] }); // the placeholder slice
    if (opts.topology && hintsEnabled(service.metadata.annotations)) {
      // The allocation writes each endpoint's hints: on copies, as the pods' memo keeps the originals.
      for (const c of chunks) c.endpoints = c.endpoints.map((ep) => ({ ...ep }));
      allocateHints(chunks.flatMap((c) => c.endpoints), opts.topology.ratios);
    }

    chunks.forEach((chunk, index) => {
      out.push(newEndpointSlice(service, addressType, chunk.ports, chunk.endpoints, index, taken, opts.now));
    });
  }
  return out;
}

function newEndpointSlice(
  service: Service,
  addressType: AddressType,
  ports: SlicePort[],
  endpoints: SliceEndpoint[],
  index: number,
  taken: Set<string>,
  now: string | undefined,
): EndpointSlice {
  const serviceName = service.metadata.name ?? '';
  const namespace = service.metadata.namespace ?? '';
  const prefix = endpointSlicePrefix(serviceName);
  const metadata: EndpointSlice['metadata'] = {
    name: endpointSliceName(prefix, { controller: ENDPOINTSLICE_CONTROLLER_NAME, namespace, name: serviceName, addressType, index }, taken),
    generateName: prefix,
    namespace,
    labels: endpointSliceLabels(service, ENDPOINTSLICE_CONTROLLER_NAME),
  };
  if (now !== undefined) metadata.annotations = { [LAST_CHANGE_TRIGGER_TIME_ANNOTATION]: now };
  metadata.ownerReferences = [
    { apiVersion: 'v1', kind: 'Service', name: serviceName, uid: service.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
  ];
  return { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', metadata, addressType, endpoints, ports };
}
