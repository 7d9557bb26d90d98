// A ClusterView built from plain lists, for the dns projection tests (no engine dependency).

import { DEFAULT_CONFIG, type ClusterNetworkConfig } from '../../../domain/config.js';
import {
  SERVICE_NAME_LABEL,
  type EndpointSlice,
  type Namespace,
  type Node,
  type Pod,
  type Service,
} from '../../../domain/objects.js';
import type { ClusterView } from '../../../projections/model.js';

export interface ViewInput {
  config?: Partial<ClusterNetworkConfig>;
  namespaces?: string[];
  services?: Service[];
  slices?: EndpointSlice[];
  pods?: Pod[];
  nodes?: Node[];
}

const nsKey = (o: { metadata: { namespace?: string; name?: string } }): string => `${o.metadata.namespace}/${o.metadata.name}`;

export function makeView(input: ViewInput): ClusterView {
  const namespaces = new Map<string, Namespace>((input.namespaces ?? []).map((n) => [n, { metadata: { name: n } }]));
  const services = new Map((input.services ?? []).map((s) => [nsKey(s), s]));
  const endpointSlices = new Map((input.slices ?? []).map((s) => [nsKey(s), s]));
  const pods = new Map((input.pods ?? []).map((p) => [nsKey(p), p]));
  const nodes = new Map((input.nodes ?? []).map((n) => [n.metadata.name!, n]));
  return {
    config: { ...DEFAULT_CONFIG, ...input.config },
    namespaces,
    services,
    endpointSlices,
    pods,
    nodes,
    slicesForService(namespace, name) {
      return [...endpointSlices.values()]
        .filter((s) => s.metadata.namespace === namespace && s.metadata.labels?.[SERVICE_NAME_LABEL] === name)
        .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    },
    podsOnNode(nodeName) {
      return [...pods.values()].filter((p) => p.spec?.nodeName === nodeName).sort((a, b) => (nsKey(a) < nsKey(b) ? -1 : 1));
    },
  };
}

// ---- object builders ----

export function service(ns: string, name: string, spec: Service['spec']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace: ns, name }, spec };
}

export interface EndpointInput {
  ip: string | string[];
  hostname?: string;
  pod?: string;
  ready?: boolean;
}

export function slice(
  ns: string,
  svc: string,
  sliceName: string,
  addressType: 'IPv4' | 'IPv6',
  endpoints: EndpointInput[],
  ports: { name?: string; port: number; protocol?: 'TCP' | 'UDP' }[] = [],
): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { namespace: ns, name: sliceName, labels: { [SERVICE_NAME_LABEL]: svc } },
    addressType,
    endpoints: endpoints.map((e) => ({
      addresses: Array.isArray(e.ip) ? e.ip : [e.ip],
      ...(e.ready === undefined ? {} : { conditions: { ready: e.ready } }),
      ...(e.hostname ? { hostname: e.hostname } : {}),
      ...(e.pod ? { targetRef: { kind: 'Pod', namespace: ns, name: e.pod } } : {}),
    })),
    ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

export function pod(ns: string, name: string, ip: string, extra: { deleting?: boolean; phase?: string } = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace: ns, name, ...(extra.deleting ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}) },
    spec: { nodeName: 'node-1' },
    status: { podIP: ip, podIPs: [{ ip }], ...(extra.phase ? { phase: extra.phase } : {}) },
  };
}
