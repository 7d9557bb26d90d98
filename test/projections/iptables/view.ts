// A hand-built ClusterView for projection tests (the real engine is not needed here).

import { DEFAULT_CONFIG, type ClusterNetworkConfig } from '../../../domain/config.js';
import { SERVICE_NAME_LABEL, type EndpointSlice, type KubeObject, type Namespace, type Node, type Pod, type Service } from '../../../domain/objects.js';
import { CLUSTER, type ClusterView, type Contribution, type TableName } from '../../../projections/model.js';

export interface ViewInput {
  config?: Partial<ClusterNetworkConfig>;
  nodes?: Node[];
  services?: Service[];
  slices?: EndpointSlice[];
  pods?: Pod[];
  namespaces?: Namespace[];
}

const nsKey = (o: KubeObject) => `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;

export function buildView(input: ViewInput): ClusterView {
  const config = { ...DEFAULT_CONFIG, ...input.config };
  const nodes = new Map((input.nodes ?? []).map((n) => [n.metadata.name!, n]));
  const namespaces = new Map((input.namespaces ?? []).map((n) => [n.metadata.name!, n]));
  const services = new Map((input.services ?? []).map((s) => [nsKey(s), s]));
  const pods = new Map((input.pods ?? []).map((p) => [nsKey(p), p]));
  const endpointSlices = new Map((input.slices ?? []).map((s) => [nsKey(s), s]));
  return {
    config,
    nodes,
    namespaces,
    services,
    pods,
    endpointSlices,
    slicesForService(namespace, name) {
      return [...endpointSlices.values()]
        .filter((s) => (s.metadata.namespace ?? 'default') === namespace && s.metadata.labels?.[SERVICE_NAME_LABEL] === name)
        .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    },
    podsOnNode(nodeName) {
      return [...pods.values()].filter((p) => p.spec?.nodeName === nodeName).sort((a, b) => (nsKey(a) < nsKey(b) ? -1 : 1));
    },
  };
}

/** A node's effective table: cluster entries overlaid by its own (null = tombstone). */
export function nodeTable(contribs: Iterable<Contribution>, table: TableName, node: string): Map<string, unknown> {
  const cluster = new Map<string, unknown>();
  const own = new Map<string, unknown>();
  for (const c of contribs) {
    if (c.table !== table) continue;
    if (c.scope === CLUSTER) cluster.set(c.key, c.value);
    else if (c.scope === node) own.set(c.key, c.value);
  }
  for (const [k, v] of own) {
    if (v === null) cluster.delete(k);
    else cluster.set(k, v);
  }
  return new Map([...cluster].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// ---- object builders ----

export function node(name: string, addresses: string[], podCIDRs: string[] = [], zone?: string): Node {
  return {
    metadata: { name, ...(zone ? { labels: { 'topology.kubernetes.io/zone': zone } } : {}) },
    spec: { podCIDR: podCIDRs[0], podCIDRs },
    status: { addresses: addresses.map((address) => ({ type: 'InternalIP', address })) },
  };
}

export function service(ns: string, name: string, spec: Service['spec'], status?: Service['status']): Service {
  return { metadata: { namespace: ns, name }, spec, ...(status ? { status } : {}) };
}

export interface EpSpec {
  ip: string;
  node?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
  /** hints.forZones names. */
  zones?: string[];
}

export function slice(
  ns: string,
  svc: string,
  n: number,
  eps: EpSpec[],
  ports: { name?: string; port: number; protocol?: 'TCP' | 'UDP' | 'SCTP' }[] = [{ name: 'p80', port: 80 }],
  addressType: 'IPv4' | 'IPv6' = 'IPv4',
): EndpointSlice {
  return {
    metadata: { namespace: ns, name: `${svc}-${n}`, labels: { [SERVICE_NAME_LABEL]: svc } },
    addressType,
    endpoints: eps.map((e) => ({
      addresses: [e.ip],
      ...(e.node ? { nodeName: e.node } : {}),
      ...(e.zones ? { hints: { forZones: e.zones.map((name) => ({ name })) } } : {}),
      conditions: {
        ...(e.ready !== undefined ? { ready: e.ready } : {}),
        ...(e.serving !== undefined ? { serving: e.serving } : {}),
        ...(e.terminating !== undefined ? { terminating: e.terminating } : {}),
      },
    })),
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}
