// A minimal ClusterView for routes tests: only config and nodes matter to this projection.

import { DEFAULT_CONFIG, type ClusterNetworkConfig } from '../../../domain/config.js';
import type { Node } from '../../../domain/objects.js';
import type { ClusterView } from '../../../projections/model.js';

export function makeView(nodes: Iterable<Node>, config: Partial<ClusterNetworkConfig> = {}): ClusterView {
  const byName = new Map<string, Node>();
  for (const n of nodes) byName.set(n.metadata.name!, n);
  return {
    config: { ...DEFAULT_CONFIG, ...config },
    nodes: byName,
    namespaces: new Map(),
    services: new Map(),
    pods: new Map(),
    endpointSlices: new Map(),
    slicesForService: () => [],
    podsOnNode: () => [],
  };
}

export interface NodeSpecLite {
  name: string;
  podCIDRs?: string[];
  ips?: string[];
  mac?: string;
  mac6?: string;
  mtu?: number;
}

export function makeNode({ name, podCIDRs = [], ips = [], mac, mac6, mtu }: NodeSpecLite): Node {
  const annotations: Record<string, string> = {};
  if (mac) annotations['flannel.alpha.coreos.com/backend-data'] = JSON.stringify({ VNI: 1, VtepMAC: mac });
  if (mac6) annotations['flannel.alpha.coreos.com/backend-v6-data'] = JSON.stringify({ VNI: 1, VtepMAC: mac6 });
  if (mtu !== undefined) annotations['netledger.io/underlay-mtu'] = String(mtu);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, annotations },
    spec: podCIDRs.length ? { podCIDR: podCIDRs[0], podCIDRs } : {},
    status: {
      addresses: [...ips.map((address) => ({ type: 'InternalIP', address })), { type: 'Hostname', address: name }],
    },
  };
}

/** The reference's node-a / node-b / node-c (Part A.3.2), plus node-d with no published MAC. */
export function referenceNodes(extra: { dualStack?: boolean } = {}): Node[] {
  const ds = extra.dualStack === true;
  return [
    makeNode({ name: 'node-a', podCIDRs: ['10.244.1.0/24', ...(ds ? ['fd00:10:244:1::/64'] : [])], ips: ['192.168.56.11', ...(ds ? ['fd00:56::11'] : [])], mac: '12:c6:65:89:b4:e3', mac6: ds ? '12:c6:65:89:b4:e4' : undefined }),
    makeNode({ name: 'node-b', podCIDRs: ['10.244.2.0/24', ...(ds ? ['fd00:10:244:2::/64'] : [])], ips: ['192.168.56.12', ...(ds ? ['fd00:56::12'] : [])], mac: '6e:2f:a0:11:22:33', mac6: ds ? '6e:2f:a0:11:22:34' : undefined }),
    makeNode({ name: 'node-c', podCIDRs: ['10.244.3.0/24', ...(ds ? ['fd00:10:244:3::/64'] : [])], ips: ['192.168.56.13', ...(ds ? ['fd00:56::13'] : [])], mac: '7a:10:5c:44:55:66', mac6: ds ? '7a:10:5c:44:55:67' : undefined }),
    makeNode({ name: 'node-d', podCIDRs: ['10.244.4.0/24', ...(ds ? ['fd00:10:244:4::/64'] : [])], ips: ['192.168.56.14', ...(ds ? ['fd00:56::14'] : [])] }),
  ];
}
