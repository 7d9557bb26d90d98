import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deterministicVtepMac,
  renderRoutesBatch,
  routesProjection,
  splitRoutesBatch,
  vtepMacFor,
} from '../../../projections/routes/index.js';
import { addressOrder } from '../../../projections/routes/addr.js';
import { makeNode, makeView, referenceNodes } from './view.js';
import { tableFor } from './fold.js';

const DUAL = { clusterCIDRs: ['10.244.0.0/16', 'fd00:10:244::/56'] };

// Reference Part A.3.2, "Equivalent commands" for remote lease 10.244.2.0/24 / 192.168.56.12 /
// 6e:2f:a0:11:22:33, verbatim. In batch form the tool name is dropped.
const REF_VXLAN_ADD = [
  'ip neigh replace 10.244.2.0 lladdr 6e:2f:a0:11:22:33 dev flannel.1 nud permanent',
  'bridge fdb replace 6e:2f:a0:11:22:33 dev flannel.1 dst 192.168.56.12 self permanent',
  'ip route replace 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
];
// Reference Part A.4, host-gw.
const REF_HOSTGW_ADD = 'ip route replace 10.244.2.0/24 via 192.168.56.12 dev eth0';

const batchForm = (cmd: string) => cmd.replace(/^(ip|bridge) /, '');

describe('routes projection: vxlan (reference A.3)', () => {
  const view = makeView(referenceNodes().slice(0, 3));

  it('renders node-a exactly as flannel programs it', () => {
    const text = renderRoutesBatch(tableFor(routesProjection, view, 'node-a'), { underlay: 'eth0' });
    expect(text).toBe(
      [
        '# ip -batch -',
        '# link cni0 type bridge, address 10.244.1.1/24',
        '# link flannel.1 type vxlan id 1 local 192.168.56.11 dev eth0 dstport 8472 nolearning, address 12:c6:65:89:b4:e3 mtu 1450, addr 10.244.1.0/32',
        'neigh replace 10.244.2.0 lladdr 6e:2f:a0:11:22:33 dev flannel.1 nud permanent',
        'neigh replace 10.244.3.0 lladdr 7a:10:5c:44:55:66 dev flannel.1 nud permanent',
        "# route 10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1 (the kernel's, from cni0's address)",
        'route replace 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
        'route replace 10.244.3.0/24 via 10.244.3.0 dev flannel.1 onlink',
        '# bridge -batch -',
        'fdb replace 6e:2f:a0:11:22:33 dev flannel.1 dst 192.168.56.12 self permanent',
        'fdb replace 7a:10:5c:44:55:66 dev flannel.1 dst 192.168.56.13 self permanent',
        '',
      ].join('\n'),
    );
    const { ip, bridge } = splitRoutesBatch(text);
    for (const cmd of REF_VXLAN_ADD) {
      const block = cmd.startsWith('bridge ') ? bridge : ip;
      expect(block.split('\n')).toContain(batchForm(cmd));
    }
  });

  it('holds the node-a table entries as documented', () => {
    const table = tableFor(routesProjection, view, 'node-a');
    expect(Object.fromEntries(table)).toEqual({
      'fdb/flannel.1/6e:2f:a0:11:22:33': { mac: '6e:2f:a0:11:22:33', dev: 'flannel.1', dst: '192.168.56.12', flags: ['self'], state: 'permanent' },
      'fdb/flannel.1/7a:10:5c:44:55:66': { mac: '7a:10:5c:44:55:66', dev: 'flannel.1', dst: '192.168.56.13', flags: ['self'], state: 'permanent' },
      'link/cni0': { kind: 'bridge', name: 'cni0', addresses: ['10.244.1.1/24'] },
      'link/flannel.1': {
        kind: 'vxlan', name: 'flannel.1', vni: 1, port: 8472, local: '192.168.56.11', dev: '@underlay',
        learning: false, mac: '12:c6:65:89:b4:e3', mtu: 1450, address: '10.244.1.0/32',
      },
      'neigh/flannel.1/10.244.2.0': { dst: '10.244.2.0', lladdr: '6e:2f:a0:11:22:33', dev: 'flannel.1', nud: 'permanent' },
      'neigh/flannel.1/10.244.3.0': { dst: '10.244.3.0', lladdr: '7a:10:5c:44:55:66', dev: 'flannel.1', nud: 'permanent' },
      'route/10.244.1.0/24': { dst: '10.244.1.0/24', dev: 'cni0', proto: 'kernel', scope: 'link', src: '10.244.1.1' },
      'route/10.244.2.0/24': { dst: '10.244.2.0/24', via: '10.244.2.0', dev: 'flannel.1', onlink: true },
      'route/10.244.3.0/24': { dst: '10.244.3.0/24', via: '10.244.3.0', dev: 'flannel.1', onlink: true },
    });
    // JSON key order is part of the digest: fixed, as documented.
    expect(JSON.stringify(table.get('route/10.244.2.0/24'))).toBe('{"dst":"10.244.2.0/24","via":"10.244.2.0","dev":"flannel.1","onlink":true}');
  });

  it("gives each node its own view: local route, no neighbour or FDB entry for itself", () => {
    for (const [name, cidr, net, mac] of [
      ['node-a', '10.244.1.0/24', '10.244.1.0', '12:c6:65:89:b4:e3'],
      ['node-b', '10.244.2.0/24', '10.244.2.0', '6e:2f:a0:11:22:33'],
    ] as const) {
      const t = tableFor(routesProjection, view, name);
      expect((t.get(`route/${cidr}`) as { dev: string }).dev).toBe('cni0');
      expect(t.has(`neigh/flannel.1/${net}`)).toBe(false);
      expect(t.has(`fdb/flannel.1/${mac}`)).toBe(false);
      expect([...t.keys()].filter((k) => k.startsWith('route/'))).toHaveLength(3);
    }
    expect(tableFor(routesProjection, view, 'node-b').get('route/10.244.1.0/24')).toEqual({
      dst: '10.244.1.0/24', via: '10.244.1.0', dev: 'flannel.1', onlink: true,
    });
  });

  it('uses the annotated underlay MTU, and 1500 when it is absent or unusable', () => {
    const mtuOf = (mtu: number | undefined) => {
      const n = makeNode({ name: 'x', podCIDRs: ['10.244.9.0/24'], ips: ['10.0.0.9'], mtu });
      return (tableFor(routesProjection, makeView([n]), 'x').get('link/flannel.1') as { mtu: number }).mtu;
    };
    expect(mtuOf(9001)).toBe(8951);
    expect(mtuOf(undefined)).toBe(1450);
    expect(mtuOf(12)).toBe(1450);
  });

  it('leaves out a node without an InternalIP on other nodes, keeping its own local route', () => {
    const lone = makeNode({ name: 'node-x', podCIDRs: ['10.244.9.0/24'] });
    const v = makeView([...referenceNodes().slice(0, 2), lone]);
    const a = tableFor(routesProjection, v, 'node-a');
    expect(a.has('route/10.244.9.0/24')).toBe(false);
    const x = tableFor(routesProjection, v, 'node-x');
    expect(x.get('route/10.244.9.0/24')).toEqual({ dst: '10.244.9.0/24', dev: 'cni0', proto: 'kernel', scope: 'link', src: '10.244.9.1' });
    expect(x.has('link/flannel.1')).toBe(false);
  });
});

describe('routes projection: host-gw (reference A.4)', () => {
  const view = makeView(referenceNodes().slice(0, 3), { podNetwork: 'host-gw' });

  it('routes remote pod CIDRs via the remote InternalIP on the underlay, nothing else', () => {
    const table = tableFor(routesProjection, view, 'node-a');
    expect([...table.keys()]).toEqual(['link/cni0', 'route/10.244.1.0/24', 'route/10.244.2.0/24', 'route/10.244.3.0/24']);
    expect(table.get('route/10.244.2.0/24')).toEqual({ dst: '10.244.2.0/24', via: '192.168.56.12', dev: '@underlay' });
    const text = renderRoutesBatch(table, { underlay: 'eth0' });
    expect(text).toBe(
      [
        '# ip -batch -',
        '# link cni0 type bridge, address 10.244.1.1/24',
        "# route 10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1 (the kernel's, from cni0's address)",
        'route replace 10.244.2.0/24 via 192.168.56.12 dev eth0',
        'route replace 10.244.3.0/24 via 192.168.56.13 dev eth0',
        '# bridge -batch -',
        '',
      ].join('\n'),
    );
    expect(text.split('\n')).toContain(batchForm(REF_HOSTGW_ADD));
  });

  it('leaves the device to the kernel when the underlay name is not known', () => {
    const text = renderRoutesBatch(tableFor(routesProjection, view, 'node-a'));
    expect(text.split('\n')).toContain('route replace 10.244.2.0/24 via 192.168.56.12');
  });
});

describe('routes projection: dual-stack', () => {
  it('programs flannel-v6.1 likewise for the IPv6 pod CIDRs', () => {
    const view = makeView(referenceNodes({ dualStack: true }).slice(0, 2), DUAL);
    const table = tableFor(routesProjection, view, 'node-a');
    expect(table.get('link/flannel-v6.1')).toEqual({
      kind: 'vxlan', name: 'flannel-v6.1', vni: 1, port: 8472, local: 'fd00:56::11', dev: '@underlay',
      learning: false, mac: '12:c6:65:89:b4:e4', mtu: 1430, address: 'fd00:10:244:1::/128',
    });
    expect(table.get('link/cni0')).toEqual({ kind: 'bridge', name: 'cni0', addresses: ['10.244.1.1/24', 'fd00:10:244:1::1/64'] });
    const lines = renderRoutesBatch(table, { underlay: 'eth0' }).split('\n');
    for (const l of [
      'neigh replace 10.244.2.0 lladdr 6e:2f:a0:11:22:33 dev flannel.1 nud permanent',
      'neigh replace fd00:10:244:2:: lladdr 6e:2f:a0:11:22:34 dev flannel-v6.1 nud permanent',
      "# route fd00:10:244:1::/64 dev cni0 proto kernel metric 256 (the kernel's, from cni0's address)",
      'route replace fd00:10:244:2::/64 via fd00:10:244:2:: dev flannel-v6.1 onlink',
      'fdb replace 6e:2f:a0:11:22:33 dev flannel.1 dst 192.168.56.12 self permanent',
      'fdb replace 6e:2f:a0:11:22:34 dev flannel-v6.1 dst fd00:56::12 self permanent',
    ]) {
      expect(lines).toContain(l);
    }
    // IPv4 before IPv6 within each kind; neighbours before routes; FDB in its own block.
    expect(lines.filter((l) => !l.startsWith('#') && l)).toEqual([
      'neigh replace 10.244.2.0 lladdr 6e:2f:a0:11:22:33 dev flannel.1 nud permanent',
      'neigh replace fd00:10:244:2:: lladdr 6e:2f:a0:11:22:34 dev flannel-v6.1 nud permanent',
      'route replace 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
      'route replace fd00:10:244:2::/64 via fd00:10:244:2:: dev flannel-v6.1 onlink',
      'fdb replace 6e:2f:a0:11:22:33 dev flannel.1 dst 192.168.56.12 self permanent',
      'fdb replace 6e:2f:a0:11:22:34 dev flannel-v6.1 dst fd00:56::12 self permanent',
    ]);
  });

  it('gives a node without an IPv6 InternalIP no flannel-v6.1 entries to apply, and the others none of its own', () => {
    // node-c has an IPv6 pod CIDR but no IPv6 underlay: flannel has no v6 lease for it, so it
    // gets no flannel-v6.1, and the others' IPv6 entries (cluster-wide) are not its to hold.
    const nodes = referenceNodes({ dualStack: true }).map((n) =>
      n.metadata.name === 'node-c' ? { ...n, status: { ...n.status, addresses: n.status!.addresses!.filter((a) => !a.address.includes(':')) } } : n,
    );
    const view = makeView(nodes, DUAL);
    const c = tableFor(routesProjection, view, 'node-c');
    expect(c.has('link/flannel-v6.1')).toBe(false);
    expect(c.has('neigh/flannel-v6.1/fd00:10:244:1::')).toBe(true); // the cluster's entry, as stored
    const lines = renderRoutesBatch(c, { underlay: 'eth0' }).split('\n');
    expect(lines.filter((l) => l.includes('flannel-v6.1'))).toEqual([]);
    expect(lines).toContain('route replace 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink');
    expect(lines).toContain("# route fd00:10:244:3::/64 dev cni0 proto kernel metric 256 (the kernel's, from cni0's address)");
    // node-a still has its IPv6 overlay to node-b, and none to node-c.
    const a = renderRoutesBatch(tableFor(routesProjection, view, 'node-a'), { underlay: 'eth0' }).split('\n');
    expect(a).toContain('route replace fd00:10:244:2::/64 via fd00:10:244:2:: dev flannel-v6.1 onlink');
    expect(a.filter((l) => l.includes('fd00:10:244:3:'))).toEqual([]);
  });

  it('ignores IPv6 pod CIDRs when the cluster pod network is IPv4 only', () => {
    const view = makeView(referenceNodes({ dualStack: true }).slice(0, 2));
    const keys = [...tableFor(routesProjection, view, 'node-a').keys()];
    expect(keys.some((k) => k.includes(':') && !k.startsWith('fdb/'))).toBe(false);
    expect(keys).not.toContain('link/flannel-v6.1');
  });
});

describe('VTEP MACs', () => {
  it('takes the MAC flannel published in backend-data', () => {
    const n = makeNode({ name: 'node-b', mac: '6E:2F:A0:11:22:33' });
    expect(vtepMacFor(n)).toBe('6e:2f:a0:11:22:33');
  });

  it('otherwise derives a locally administered unicast MAC from sha256 of the name', () => {
    const hw = [...createHash('sha256').update('node-d').digest().subarray(0, 6)];
    hw[0] = (hw[0]! & 0xfe) | 0x02;
    const expected = hw.map((b) => b.toString(16).padStart(2, '0')).join(':');
    const n = makeNode({ name: 'node-d' });
    expect(vtepMacFor(n)).toBe(expected);
    expect(deterministicVtepMac('node-d')).toBe(expected);
    expect(parseInt(expected.slice(0, 2), 16) & 0x03).toBe(0x02);
    expect(vtepMacFor(n, 6)).not.toBe(expected);
    expect(vtepMacFor(makeNode({ name: 'node-e' }))).not.toBe(expected);
  });

  it('falls back to the derived MAC when the annotation is unusable', () => {
    const derived = deterministicVtepMac('n');
    for (const bad of ['not json', '{"VNI":1}', '{"VtepMAC":"01:00:5e:00:00:01"}', '{"VtepMAC":"zz:00:00:00:00:00"}', 'null']) {
      const n = makeNode({ name: 'n' });
      n.metadata.annotations!['flannel.alpha.coreos.com/backend-data'] = bad;
      expect(vtepMacFor(n)).toBe(derived);
    }
  });

  it('puts the derived MAC on the FDB and neighbour entries of other nodes', () => {
    const view = makeView(referenceNodes());
    const mac = deterministicVtepMac('node-d');
    const a = tableFor(routesProjection, view, 'node-a');
    expect(a.get(`fdb/flannel.1/${mac}`)).toEqual({ mac, dev: 'flannel.1', dst: '192.168.56.14', flags: ['self'], state: 'permanent' });
    expect((a.get('neigh/flannel.1/10.244.4.0') as { lladdr: string }).lladdr).toBe(mac);
  });
});

describe('routes projection: cost', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => makeNode({ name: `n${i}`, podCIDRs: [`10.244.${i}.0/24`], ips: [`10.0.${i >> 8}.${i & 255}`] }));

  it('a node change names one unit whose contributions do not grow with the cluster', () => {
    const small = makeView(many(4));
    const large = makeView(many(250));
    const change = { kind: 'Node', namespace: '', name: 'n1', after: small.nodes.get('n1') };
    expect([...routesProjection.unitsAffected(change, large)]).toEqual(['node:n1']);
    expect(routesProjection.compute('node:n1', large)).toHaveLength(routesProjection.compute('node:n1', small).length);
    // cluster route, neigh, fdb; own route override, two tombstones, link/flannel.1, link/cni0
    expect(routesProjection.compute('node:n1', large)).toHaveLength(8);
    expect([...routesProjection.unitsAffected({ kind: 'Service', namespace: 'd', name: 's' }, large)]).toEqual([]);
    expect([...routesProjection.unitsAffected({ kind: 'ClusterNetworkConfig', namespace: '', name: 'c' }, small)]).toHaveLength(4);
  });

  it('returns no contributions for a node that is gone', () => {
    expect(routesProjection.compute('node:missing', makeView(many(2)))).toEqual([]);
  });
});

describe('address order of the routes text', () => {
  it('IPv4 before IPv6, numerically (10.244.9 before 10.244.10), an address before its CIDRs, then text that is no address', () => {
    const order = addressOrder();
    const sorted = ['fd00::/64', '10.244.10.0/24', 'garbage', '10.244.9.0/24', '9.0.0.0/8', '10.244.9.0', 'fd00::1', '10.244.9.0/23'].sort(order);
    expect(sorted).toEqual(['9.0.0.0/8', '10.244.9.0', '10.244.9.0/23', '10.244.9.0/24', '10.244.10.0/24', 'fd00::/64', 'fd00::1', 'garbage']);
  });
});
