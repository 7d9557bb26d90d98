// The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go syncService) as a pure
// function: the core/v1 Endpoints it would write for a Service with a selector.

import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from '../objects.js';
import { isIPv6String, parseIPSloppy } from './ip.js';
import { isPodReady, podIPs, shouldPodBeInEndpoints, shouldSetHostname } from './pods.js';
import { repackSubsets } from './repackSubsets.js';
import { podMemo } from '../memo.js';
import { HEADLESS_LABEL, findPort, isServiceIPSet, managedSelector, selectorMatches, servicePortProtocol } from './services.js';

/** maxCapacity: addresses kept in one Endpoints object. */
export const ENDPOINTS_MAX_CAPACITY = 1000;
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';
export const LAST_CHANGE_TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';

export interface EndpointsOptions {
  /**
   * Upstream stamps `last-change-trigger-time` from its trigger-time tracker (wall-clock state).
   * Left out by default so the same log replays to the same objects; pass the triggering event's
   * time to have it set.
   */
  now?: string;
}

/**
 * podToEndpointAddressForService: one address per pod, of the service's primary family
 * (ipFamilies[0]; for old objects the cluster IP's family, or the pod IP's for headless).
 */
function podToEndpointAddress(service: Service, pod: Pod): EndpointAddress | undefined {
  const ips = podIPs(pod);
  let wantV6: boolean;
  const families = service.spec?.ipFamilies ?? [];
  if (families.length > 0) wantV6 = families[0] === 'IPv6';
  else if (isServiceIPSet(service)) wantV6 = isIPv6String(service.spec?.clusterIP);
  else wantV6 = isIPv6String(ips[0]);
  const ip = ips.find((candidate) => parseIPSloppy(candidate) !== undefined && isIPv6String(candidate) === wantV6);
  if (ip === undefined) return undefined;
  const addr: EndpointAddress = { ip };
  if (shouldSetHostname(pod, service)) addr.hostname = pod.spec!.hostname!;
  // Upstream points NodeName at pod.Spec.NodeName unconditionally, so it is "" when unscheduled.
  addr.nodeName = pod.spec?.nodeName ?? '';
  addr.targetRef = { kind: 'Pod', ...objectRefOf(pod) };
  return addr;
}

function objectRefOf(pod: Pod): { namespace?: string; name?: string; uid?: string } {
  const ref: { namespace?: string; name?: string; uid?: string } = {};
  if (pod.metadata.namespace) ref.namespace = pod.metadata.namespace;
  if (pod.metadata.name) ref.name = pod.metadata.name;
  if (pod.metadata.uid) ref.uid = pod.metadata.uid;
  return ref;
}

/**
 * truncateEndpoints: keep at most 1000 addresses, ready ones first, each subset keeping its share
 * (rounded up) of what survives. Returns whether anything was cut.
 */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const s of subsets) {
    totalReady += s.addresses?.length ?? 0;
    totalNotReady += s.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= ENDPOINTS_MAX_CAPACITY) return false;

  const truncateReady = totalReady > ENDPOINTS_MAX_CAPACITY;
  const max = truncateReady ? ENDPOINTS_MAX_CAPACITY : ENDPOINTS_MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (const s of subsets) {
    const numInSubset = (truncateReady ? s.addresses?.length : s.notReadyAddresses?.length) ?? 0;
    const toBeAdded = Math.min(Math.ceil((numInSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      if (s.addresses && s.addresses.length > toBeAdded) s.addresses = s.addresses.slice(0, toBeAdded);
      delete s.notReadyAddresses;
      canBeAdded -= s.addresses?.length ?? 0;
    } else {
      if (s.notReadyAddresses && s.notReadyAddresses.length > toBeAdded) s.notReadyAddresses = s.notReadyAddresses.slice(0, toBeAdded);
      canBeAdded -= s.notReadyAddresses?.length ?? 0;
    }
  }
  return true;
}

/** Service labels, plus the headless marker exactly when the service has no cluster IP. */
export function endpointsLabels(service: Service): Record<string, string> {
  const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
  if (isServiceIPSet(service)) delete labels[HEADLESS_LABEL];
  else labels[HEADLESS_LABEL] = '';
  return sortedRecord(labels);
}

export function sortedRecord(r: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k]!;
  return out;
}

/**
 * The subsets one pod contributes to its Service's Endpoints before they are repacked: one per
 * service port the pod resolves (an address-only one for a headless Service without ports),
 * none when the pod is not the Service's or not to be listed. Memoized per pod and Service.
 */
const podSubsets = podMemo((service: Service, pod: Pod): readonly EndpointSubset[] => {
  const selector = managedSelector(service)!;
  const publishNotReady = service.spec?.publishNotReadyAddresses === true;
  if ((pod.metadata.namespace ?? '') !== (service.metadata.namespace ?? '') || !selectorMatches(selector, pod.metadata.labels)) return [];
  if (!shouldPodBeInEndpoints(pod, publishNotReady)) return [];
  const addr = podToEndpointAddress(service, pod);
  if (!addr) return [];
  const subset = (port: EndpointPort | undefined): EndpointSubset => {
    const s: EndpointSubset = publishNotReady || isPodReady(pod) ? { addresses: [addr] } : { notReadyAddresses: [addr] };
    if (port) s.ports = [port];
    return s;
  };
  const servicePorts = service.spec?.ports ?? [];
  // Headless services may have no ports: address-only subsets (DNS A records, no SRV).
  if (servicePorts.length === 0) return service.spec?.clusterIP === 'None' ? [subset(undefined)] : [];
  const out: EndpointSubset[] = [];
  for (const sp of servicePorts) {
    const portNum = findPort(pod, sp);
    if (portNum === undefined) continue; // this pod does not expose the named port
    const epp: EndpointPort = { port: portNum, protocol: servicePortProtocol(sp) };
    const withName: EndpointPort = sp.name ? { name: sp.name, ...epp } : epp;
    if (sp.appProtocol !== undefined) withName.appProtocol = sp.appProtocol;
    out.push(subset(withName));
  }
  return out;
});

/**
 * What the endpoints controller writes for `service`, given the pods of the cluster (any
 * namespace; others are filtered out). Undefined when the controller leaves the Endpoints to the
 * user: no selector, or type ExternalName.
 */
export function desiredEndpoints(service: Service, pods: readonly Pod[], opts: EndpointsOptions = {}): Endpoints | undefined {
  const selector = managedSelector(service);
  if (!selector) return undefined;
  const namespace = service.metadata.namespace ?? '';
  const subsets: EndpointSubset[] = [];
  for (const pod of pods) for (const s of podSubsets(service, pod)) subsets.push(s);

  const packed = repackSubsets(subsets);
  const annotations: Record<string, string> = {};
  if (opts.now !== undefined) annotations[LAST_CHANGE_TRIGGER_TIME_ANNOTATION] = opts.now;
  if (truncateSubsets(packed)) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';

  const metadata: Endpoints['metadata'] = { name: service.metadata.name, namespace };
  const labels = endpointsLabels(service);
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  if (Object.keys(annotations).length > 0) metadata.annotations = sortedRecord(annotations);
  const endpoints: Endpoints = { kind: 'Endpoints', apiVersion: 'v1', metadata };
  if (packed.length > 0) endpoints.subsets = packed;
  return endpoints;
}
