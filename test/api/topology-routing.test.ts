// Topology-aware routing end to end, as a user sets it up: Nodes labelled with their zone, a
// Service with trafficDistribution: PreferClose, pods turning ready. The endpointslice controller
// gives each ready endpoint its node's zone and a hint for it; each node's iptables then sends
// cluster traffic only to its own zone's endpoints, and a node in a zone without endpoints to all.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

const s = suiteServer();
const ZONE = 'topology.kubernetes.io/zone';

async function ok(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const r = await api(s.url, method, path, body, headers);
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${r.text}`);
  return r.json;
}

const dnatTargets = (text: string) => [...text.matchAll(/-j DNAT --to-destination ([\d.]+):8080/g)].map((m) => m[1]).sort();

describe('trafficDistribution: PreferClose', () => {
  it("keeps each node's cluster traffic in its zone, and spreads it where the zone has no endpoint", async () => {
    for (const [i, [name, zone]] of [['za-1', 'za'], ['zb-1', 'zb'], ['zc-1', 'zc']].entries()) {
      await ok('POST', '/api/v1/nodes', { metadata: { name, labels: { [ZONE]: zone } }, status: { addresses: [{ type: 'InternalIP', address: `192.168.60.${11 + i}` }] } });
    }
    await ok('POST', '/api/v1/namespaces/default/services', {
      metadata: { name: 'near' },
      spec: { selector: { app: 'near' }, trafficDistribution: 'PreferClose', ports: [{ port: 80, targetPort: 8080 }] },
    });
    const ips: Record<string, string> = {};
    for (const [pod, node] of [['a1', 'za-1'], ['a2', 'za-1'], ['b1', 'zb-1']]) {
      const created = await ok('POST', '/api/v1/namespaces/default/pods', { metadata: { name: pod, labels: { app: 'near' } }, spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }] } });
      ips[pod] = created.status.podIP;
      await ok('PATCH', `/api/v1/namespaces/default/pods/${pod}/status`, { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, { 'content-type': 'application/merge-patch+json' });
    }
    const slices = await ok('GET', '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dnear');
    const eps = slices.items.flatMap((sl: any) => sl.endpoints);
    expect(eps.map((e: any) => [e.targetRef.name, e.zone, e.hints]).sort()).toEqual([
      ['a1', 'za', { forZones: [{ name: 'za' }] }],
      ['a2', 'za', { forZones: [{ name: 'za' }] }],
      ['b1', 'zb', { forZones: [{ name: 'zb' }] }],
    ]);
    const table = async (node: string) => (await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/${node}/tables/iptables?format=text`)).text;
    expect(dnatTargets(await table('za-1'))).toEqual([ips.a1, ips.a2].sort());
    expect(dnatTargets(await table('zb-1'))).toEqual([ips.b1]);
    expect(dnatTargets(await table('zc-1'))).toEqual([ips.a1, ips.a2, ips.b1].sort());
    // Blame searches what the node holds: zone a's DNAT is on za-1, not on zb-1 (whose table
    // carries that chain only for nodes of zone a).
    const blame = (node: string) => api(s.url, 'GET', `/apis/netledger.io/v1/nodes/${node}/tables/iptables/blame?contains=${encodeURIComponent(`--to-destination ${ips.a1}:8080`)}`);
    expect((await blame('za-1')).json.items).toHaveLength(1);
    expect((await blame('zb-1')).status).toBe(404);

    // A node relabelled into zone b picks zone b's endpoint from then on.
    await ok('PATCH', '/api/v1/nodes/zc-1', { metadata: { labels: { [ZONE]: 'zb' } } }, { 'content-type': 'application/merge-patch+json' });
    expect(dnatTargets(await table('zc-1'))).toEqual([ips.b1]);
    // b1 stops being ready: zone b has no hinted endpoint left, so its nodes spread over zone a's.
    await ok('PATCH', '/api/v1/namespaces/default/pods/b1/status', { status: { conditions: [{ type: 'Ready', status: 'False' }] } }, { 'content-type': 'application/merge-patch+json' });
    expect(dnatTargets(await table('zb-1'))).toEqual([ips.a1, ips.a2].sort());
    expect(dnatTargets(await table('zc-1'))).toEqual([ips.a1, ips.a2].sort());
  });
});

describe('service.kubernetes.io/topology-mode: Auto', () => {
  const readyNode = (name: string, zone: string | undefined, cpu: string, ip: string) => ({
    metadata: { name, labels: zone ? { [ZONE]: zone } : {} },
    status: { addresses: [{ type: 'InternalIP', address: ip }], allocatable: { cpu }, conditions: [{ type: 'Ready', status: 'True' }] },
  });
  const hints = async () => {
    const slices = await ok('GET', '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dauto');
    return Object.fromEntries(slices.items.flatMap((sl: any) => sl.endpoints).map((e: any) => [e.targetRef.name, e.hints?.forZones.map((z: any) => z.name).join(',')]));
  };
  // This Service's DNAT rules only (the suite's first Service's are in the same tables).
  const table = async (node: string) =>
    (await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/${node}/tables/iptables?format=text`)).text
      .split('\n')
      .filter((l) => l.includes('--comment default/auto'))
      .join('\n');

  it('allocates hints by the zones’ allocatable CPU, moves them when a node changes that, and drops them when a node has no zone', async () => {
    await ok('POST', '/api/v1/nodes', readyNode('ta-1', 'ta', '4', '192.168.61.11'));
    await ok('POST', '/api/v1/nodes', readyNode('tb-1', 'tb', '4', '192.168.61.12'));
    await ok('POST', '/api/v1/namespaces/default/services', {
      metadata: { name: 'auto', annotations: { 'service.kubernetes.io/topology-mode': 'Auto' } },
      spec: { selector: { app: 'auto' }, ports: [{ port: 80, targetPort: 8080 }] },
    });
    const ips: Record<string, string> = {};
    for (const [pod, node] of [['ta-p1', 'ta-1'], ['ta-p2', 'ta-1'], ['tb-p1', 'tb-1'], ['tb-p2', 'tb-1']]) {
      const created = await ok('POST', '/api/v1/namespaces/default/pods', { metadata: { name: pod, labels: { app: 'auto' } }, spec: { nodeName: node, containers: [{ name: 'c', image: 'nginx' }] } });
      ips[pod] = created.status.podIP;
      await ok('PATCH', `/api/v1/namespaces/default/pods/${pod}/status`, { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, { 'content-type': 'application/merge-patch+json' });
    }
    // Equal CPU: each endpoint stays in its own zone.
    expect(await hints()).toEqual({ 'ta-p1': 'ta', 'ta-p2': 'ta', 'tb-p1': 'tb', 'tb-p2': 'tb' });
    expect(dnatTargets(await table('ta-1'))).toEqual([ips['ta-p1'], ips['ta-p2']].sort());

    // Zone tb triples its CPU (tb 12 of 16): its share of 4 endpoints is 3, so it overloads and
    // zone ta gives it its first endpoint.
    await ok('POST', '/api/v1/nodes', readyNode('tb-2', 'tb', '8', '192.168.61.13'));
    expect(await hints()).toEqual({ 'ta-p1': 'tb', 'ta-p2': 'ta', 'tb-p1': 'tb', 'tb-p2': 'tb' });
    expect(dnatTargets(await table('ta-1'))).toEqual([ips['ta-p2']]);
    expect(dnatTargets(await table('tb-2'))).toEqual([ips['ta-p1'], ips['tb-p1'], ips['tb-p2']].sort());
    const slice = (await ok('GET', '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dauto')).items[0];
    const events = await ok('GET', `/apis/netledger.io/v1/events?kind=EndpointSlice&name=${slice.metadata.name}&limit=100`);
    const nodeEvent = (await ok('GET', '/apis/netledger.io/v1/events?kind=Node&name=tb-2')).items[0];
    expect(events.items.at(-1).cause).toBe(nodeEvent.resourceVersion); // blame names the Node change

    // A ready node without a zone: the cache cannot allocate, every hint goes.
    await ok('POST', '/api/v1/nodes', readyNode('tx-1', undefined, '2', '192.168.61.14'));
    expect(await hints()).toEqual({ 'ta-p1': undefined, 'ta-p2': undefined, 'tb-p1': undefined, 'tb-p2': undefined });
    expect(dnatTargets(await table('ta-1'))).toEqual(Object.values(ips).sort());
  });
});
