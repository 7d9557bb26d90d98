// Topology-aware routing (reference §2.12, pkg/proxy/topology.go): when every ready endpoint
// carries zone hints, a node in a zone some endpoint is hinted for picks only those endpoints
// (and has KUBE-SEP chains only for them); any other node, or one with no zone label, uses all
// ready endpoints. The rules stay cluster-wide entries; each node's render keeps its zone's
// variant (projections/iptables/topology.ts).

import { describe, expect, it } from 'vitest';
import { endpointChainName, partialRestoreInput, renderIptablesRestore } from '../../../projections/iptables/index.js';
import { CLUSTER } from '../../../projections/model.js';
import { goldenConfig } from './fixtures.js';
import { chainText, computeAll, declaredChains } from './helpers.js';
import { node, nodeTable, service, slice, type EpSpec, type ViewInput } from './view.js';

const SVC = 'KUBE-SVC-XPGD46QRK7WJZT7O';
const SEP = (ip: string) => endpointChainName('ns1/svc1:p80', 'tcp', `${ip}:80`);
const NODES = [
  node('in-a', ['192.168.0.2'], ['10.244.1.0/24'], 'za'),
  node('in-b', ['192.168.0.3'], ['10.244.2.0/24'], 'zb'),
  node('in-c', ['192.168.0.4'], ['10.244.3.0/24'], 'zc'),
  node('no-zone', ['192.168.0.5'], ['10.244.4.0/24']),
];
const svc1 = (spec: object = {}) => service('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }], ...spec });
const input = (eps: EpSpec[], spec: object = {}): ViewInput => ({ config: goldenConfig, nodes: NODES, services: [svc1(spec)], slices: [slice('ns1', 'svc1', 1, eps)] });
const render = (i: ViewInput, nodeName: string) => renderIptablesRestore(nodeTable(computeAll(i), 'iptables', nodeName), 'ipv4');
const jumps = (text: string) => chainText(text, 'nat', SVC).split('\n').filter((l) => l.includes('-j KUBE-SEP-'));
const seps = (text: string) => declaredChains(text, 'nat').filter((c) => c.startsWith('KUBE-SEP-')).sort();

const HINTED: EpSpec[] = [
  { ip: '10.180.0.1', zones: ['za'] },
  { ip: '10.180.0.2', zones: ['za'] },
  { ip: '10.180.0.3', zones: ['zb'] },
];

describe('zone hints (PreferSameZone)', () => {
  it("a node in a hinted zone picks that zone's endpoints, with probabilities over them alone", () => {
    const a = render(input(HINTED), 'in-a');
    expect(jumps(a)).toEqual([
      `-A ${SVC} -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.5000000000 -j ${SEP('10.180.0.1')}`,
      `-A ${SVC} -m comment --comment "ns1/svc1:p80 -> 10.180.0.2:80" -j ${SEP('10.180.0.2')}`,
    ]);
    expect(seps(a)).toEqual([SEP('10.180.0.1'), SEP('10.180.0.2')].sort());
    const b = render(input(HINTED), 'in-b');
    expect(jumps(b)).toEqual([`-A ${SVC} -m comment --comment "ns1/svc1:p80 -> 10.180.0.3:80" -j ${SEP('10.180.0.3')}`]);
    expect(seps(b)).toEqual([SEP('10.180.0.3')]);
    // The chain's masquerade rule comes first, once, on every node.
    expect(chainText(b, 'nat', SVC).split('\n')[0]).toContain('-j KUBE-MARK-MASQ');
  });

  it('a node in a zone no endpoint is hinted for, or with no zone label, uses every ready endpoint', () => {
    for (const n of ['in-c', 'no-zone']) {
      const text = render(input(HINTED), n);
      expect(jumps(text)).toHaveLength(3);
      expect(jumps(text)[0]).toContain('--probability 0.3333333333');
      expect(seps(text)).toHaveLength(3);
    }
  });

  it('hints apply only when every ready endpoint has them (not-ready ones do not count)', () => {
    const partial = input([...HINTED, { ip: '10.180.0.4' }]);
    expect(jumps(render(partial, 'in-a'))).toHaveLength(4);
    const notReady = input([...HINTED, { ip: '10.180.0.4', ready: false }]);
    expect(jumps(render(notReady, 'in-a'))).toHaveLength(2);
  });

  it('is all cluster-wide entries: no node override, and no marker when the hints change nothing', () => {
    const contributions = computeAll(input(HINTED));
    expect(contributions.filter((c) => c.scope !== CLUSTER && c.key !== 'meta/node')).toEqual([]);
    const everywhere = computeAll(input(HINTED.map((e) => ({ ...e, zones: ['za', 'zb', 'zc'] }))));
    expect(JSON.stringify(everywhere.filter((c) => c.key.includes('KUBE-S')))).not.toContain('{zone');
  });

  it('a Local service keeps its local endpoints reachable on their node whatever the zone picks', () => {
    const local = input(
      [
        { ip: '10.180.0.1', zones: ['za'] },
        { ip: '10.180.0.3', zones: ['zb'], node: 'in-a' },
      ],
      { type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 30080 }] },
    );
    const a = render(local, 'in-a');
    // Cluster traffic: zone a's endpoint; external traffic: the local one, so both SEPs exist.
    expect(jumps(a)).toEqual([`-A ${SVC} -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j ${SEP('10.180.0.1')}`]);
    expect(seps(a)).toEqual([SEP('10.180.0.1'), SEP('10.180.0.3')].sort());
    expect(chainText(a, 'nat', 'KUBE-SVL-XPGD46QRK7WJZT7O')).toContain(`-j ${SEP('10.180.0.3')}`);
    const b = render(local, 'in-b');
    expect(seps(b)).toEqual([SEP('10.180.0.3')]);
  });

  it("a node's zone change rewrites its service chains and deletes the KUBE-SEP chains it no longer uses", () => {
    const before = nodeTable(computeAll(input(HINTED)), 'iptables', 'in-a');
    const moved = { ...input(HINTED), nodes: [node('in-a', ['192.168.0.2'], ['10.244.1.0/24'], 'zb'), ...NODES.slice(1)] };
    const after = nodeTable(computeAll(moved), 'iptables', 'in-a');
    expect(after.get('meta/node')).toMatchObject({ zone: 'zb' });
    // Only meta/node changed: the agent rewrites what depends on it.
    const changed = [...after.keys()].filter((k) => JSON.stringify(after.get(k)) !== JSON.stringify(before.get(k)));
    expect(changed).toEqual(['meta/node']);
    const partial = partialRestoreInput(after, changed, [], 'ipv4');
    expect(partial).toContain(`-X ${SEP('10.180.0.1')}\n`);
    expect(partial).toContain(`-X ${SEP('10.180.0.2')}\n`);
    expect(partial).toContain(`:${SEP('10.180.0.3')} - [0:0]\n`);
    expect(partial).toContain(`-A ${SVC} -m comment --comment "ns1/svc1:p80 -> 10.180.0.3:80" -j ${SEP('10.180.0.3')}\n`);
    expect(partial).not.toContain('{zone');
  });

  it('zone names that are no plain label values cannot break the markers', () => {
    const odd = input([
      { ip: '10.180.0.1', zones: ['z,a} x'] },
      { ip: '10.180.0.2', zones: ['zb'] },
    ]);
    const nodes = [node('odd', ['192.168.0.9'], [], 'z,a} x'), ...NODES];
    const text = render({ ...odd, nodes }, 'odd');
    expect(jumps(text)).toEqual([`-A ${SVC} -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j ${SEP('10.180.0.1')}`]);
  });

  it("a full sync neither writes nor deletes the KUBE-SEP chains of other zones, unless the kernel holds them", async () => {
    const { fullRestoreInput } = await import('../../../agent/apply/iptables.js');
    const entries = nodeTable(computeAll(input(HINTED)), 'iptables', 'in-b');
    const other = SEP('10.180.0.1');
    const clean = fullRestoreInput(entries, 'ipv4', []);
    expect(clean).not.toContain(other);
    expect(clean).toBe(renderIptablesRestore(entries, 'ipv4'));
    // Left behind from when the node was in zone a: deleted.
    const left = fullRestoreInput(entries, 'ipv4', [`nat/${other}`]);
    expect(left).toContain(`:${other} - [0:0]\n`);
    expect(left).toContain(`-X ${other}\n`);
  });
});
