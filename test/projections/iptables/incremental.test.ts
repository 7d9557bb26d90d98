// Recomputing only unitsAffected gives the same per-node output as a from-scratch build.

import { describe, expect, it } from 'vitest';
import type { EndpointSlice, KubeObject, Node, Service } from '../../../domain/objects.js';
import { iptablesProjection, renderIptablesRestore } from '../../../projections/iptables/index.js';
import type { Contribution, ObjectChange } from '../../../projections/model.js';
import { goldenConfig, goldenServices, goldenSlices, TEST_NODE } from './fixtures.js';
import { buildView, node, nodeTable, service, slice, type ViewInput } from './view.js';

type Kind = 'Service' | 'EndpointSlice' | 'Node';
interface World {
  config: ViewInput['config'];
  Service: Map<string, Service>;
  EndpointSlice: Map<string, EndpointSlice>;
  Node: Map<string, Node>;
}
const keyOf = (o: KubeObject) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!);
const viewOf = (w: World) =>
  buildView({ config: w.config, services: [...w.Service.values()], slices: [...w.EndpointSlice.values()], nodes: [...w.Node.values()] });

function renderAll(units: Map<string, Contribution[]>, nodes: string[]): string[] {
  const contribs = [...units.values()].flat();
  return nodes.flatMap((n) => [
    renderIptablesRestore(nodeTable(contribs, 'iptables', n), 'ipv4'),
    renderIptablesRestore(nodeTable(contribs, 'ip6tables', n), 'ipv6'),
  ]);
}

function fromScratch(w: World): Map<string, Contribution[]> {
  const view = viewOf(w);
  return new Map([...iptablesProjection.allUnits(view)].map((u) => [u, iptablesProjection.compute(u, view)]));
}

describe('incrementality', () => {
  it('matches a full rebuild after every change of a sequence, touching few units', () => {
    const w: World = {
      config: goldenConfig,
      Service: new Map(goldenServices.map((s) => [keyOf(s), s])),
      EndpointSlice: new Map(goldenSlices.map((s) => [keyOf(s), s])),
      Node: new Map([node(TEST_NODE, ['192.168.0.2', 'fd00::2'], ['10.244.1.0/24']), node('n2', ['192.168.0.3'])].map((n) => [keyOf(n), n])),
    };
    const nodeNames = [TEST_NODE, 'n2', 'n3'];
    const units = fromScratch(w);
    const steps: [Kind, KubeObject | { delete: string }][] = [
      ['EndpointSlice', slice('ns2', 'svc2', 1, [{ ip: '10.180.0.2', node: TEST_NODE }])],
      ['EndpointSlice', slice('ns2', 'svc2', 1, [{ ip: '10.180.0.2', node: 'n2' }, { ip: '10.180.0.7', node: TEST_NODE, ready: false, serving: true, terminating: true }])],
      ['EndpointSlice', slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1' }, { ip: '10.180.0.11' }, { ip: '10.180.0.12' }])],
      ['Service', service('ns1', 'svc1', { clusterIP: '172.30.0.41', internalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] })],
      ['EndpointSlice', slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1', node: 'n2' }])],
      ['Node', node('n3', ['192.168.0.4'])],
      ['Node', node('n2', ['203.0.113.9'])],
      ['Service', service('ns7', 'dual', { clusterIP: '172.30.0.47', clusterIPs: ['172.30.0.47', 'fd00:172::47'], ipFamilies: ['IPv4', 'IPv6'], type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'UDP', nodePort: 3007 }] })],
      ['EndpointSlice', slice('ns7', 'dual', 1, [{ ip: 'fd00:10:180::7', node: 'n3' }], [{ name: 'p80', port: 80, protocol: 'UDP' }], 'IPv6')],
      // Zone hints: n2 moves into the hinted zone, then the hints change.
      ['EndpointSlice', slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1', zones: ['za'] }, { ip: '10.180.0.11', zones: ['zb'] }, { ip: '10.180.0.12', zones: ['za'] }])],
      ['Node', node('n2', ['203.0.113.9'], [], 'za')],
      ['Node', node('n3', ['192.168.0.4'], [], 'zb')],
      ['EndpointSlice', slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1', zones: ['za'] }, { ip: '10.180.0.11', zones: ['zb'] }, { ip: '10.180.0.12' }])],
      ['Node', node('n2', ['203.0.113.9'], [], 'zc')],
      ['Service', { delete: 'ns5/svc5' }],
      ['EndpointSlice', { delete: 'ns4/svc4-1' }],
      ['ClusterNetworkConfig' as Kind, { metadata: {}, ...{ config: { ...goldenConfig, localDetector: 'node-cidr', nodePortAddresses: ['192.168.0.0/16'] } } }],
    ];
    for (const [kind, obj] of steps) {
      let change: ObjectChange;
      if ((kind as string) === 'ClusterNetworkConfig') {
        w.config = (obj as unknown as { config: ViewInput['config'] }).config;
        change = { kind, namespace: '', name: 'config' };
      } else {
        const map = w[kind];
        const deleted = 'delete' in obj ? (obj as { delete: string }).delete : null;
        const after = deleted === null ? (obj as KubeObject) : undefined;
        const key = deleted ?? keyOf(after!);
        const before = map.get(key);
        if (after) (map as Map<string, KubeObject>).set(key, after);
        else map.delete(key);
        const [namespace, name] = key.includes('/') ? key.split('/') : ['', key];
        change = { kind, namespace: namespace!, name: name!, before, after };
      }
      const view = viewOf(w);
      const affected = [...iptablesProjection.unitsAffected(change, view)];
      if (kind !== ('ClusterNetworkConfig' as Kind)) expect(affected.length).toBeLessThanOrEqual(1);
      for (const u of affected) units.set(u, iptablesProjection.compute(u, view));
      expect(renderAll(units, nodeNames)).toEqual(renderAll(fromScratch(w), nodeNames));
    }
  });

  it('costs O(nodes hosting endpoints) for externalTrafficPolicy Local, not O(nodes)', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => node(`n${i}`, [`192.168.${i >> 8}.${i & 255}`]));
    const svc = service('ns', 'lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, clusterIP: '172.30.1.1', ports: [{ name: 'http', port: 80, nodePort: 31000 }] }, { loadBalancer: { ingress: [{ ip: '1.1.1.1' }] } });
    const view = buildView({ nodes, services: [svc], slices: [slice('ns', 'lb', 1, [{ ip: '10.244.3.3', node: 'n3' }, { ip: '10.244.7.7', node: 'n7' }], [{ name: 'http', port: 8080 }])] });
    const contribs = iptablesProjection.compute('svc:ns/lb', view);
    expect(new Set(contribs.map((c) => c.scope))).toEqual(new Set(['', 'n3', 'n7']));
  });
});
