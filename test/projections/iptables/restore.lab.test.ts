// The rendered text against the real iptables-restore / ip6tables-restore in a fresh netns.

import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { partialRestoreInput, renderIptablesRestore } from '../../../projections/iptables/index.js';
import { goldenConfig, goldenServices, goldenSlices, TEST_NODE } from './fixtures.js';
import { computeAll, diffTables } from './helpers.js';
import { node, nodeTable, service, slice, type ViewInput } from './view.js';
import { netnsSkipReason, titled } from '../../support/host.js';

const skipReason = netnsSkipReason(['iptables-restore', 'ip6tables-restore']);
const created: string[] = [];

function newNetns(): string {
  const name = `nltest-${randomBytes(4).toString('hex')}`;
  execFileSync('ip', ['netns', 'add', name]);
  created.push(name);
  return name;
}
function restore(ns: string, tool: string, args: string[], input: string): { status: number | null; stderr: string } {
  const r = spawnSync('ip', ['netns', 'exec', ns, tool, ...args], { input, encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}
/** iptables-save output as chain -> rules (chain listing order is backend-specific). */
function saved(ns: string, tool: string, table: string): Map<string, string[]> {
  const text = execFileSync('ip', ['netns', 'exec', ns, tool, '-t', table], { encoding: 'utf8' });
  const chains = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) chains.set(line.slice(1).split(' ')[0]!, chains.get(line.slice(1).split(' ')[0]!) ?? []);
    else if (line.startsWith('-A ')) chains.get(line.split(' ')[1]!)!.push(line);
  }
  return new Map([...chains].sort(([a], [b]) => (a < b ? -1 : 1)));
}

const rich: ViewInput = {
  config: { ...goldenConfig, clusterCIDRs: ['10.0.0.0/8', 'fd00:10::/64'] },
  nodes: [node(TEST_NODE, ['192.168.0.2', 'fd00::2'], ['10.244.1.0/24', 'fd00:244:1::/64'], 'za')],
  services: [
    ...goldenServices,
    service('ns7', 'dual', {
      type: 'LoadBalancer',
      clusterIP: '172.30.0.47',
      clusterIPs: ['172.30.0.47', 'fd00:172::47'],
      ipFamilies: ['IPv4', 'IPv6'],
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 32001,
      sessionAffinity: 'ClientIP',
      loadBalancerSourceRanges: ['192.168.0.0/16', 'fd00::/8'],
      externalIPs: ['192.168.99.77', 'fd00:99::77'],
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', nodePort: 30053 },
        { name: 'sctp', port: 9, protocol: 'SCTP', nodePort: 30009 },
      ],
    }, { loadBalancer: { ingress: [{ ip: '5.6.7.9' }, { ip: 'fd00:lb::9' }] } }),
    service('ns8', 'itp', { clusterIP: '172.30.0.48', internalTrafficPolicy: 'Local', ports: [{ name: 'p80', port: 80 }] }),
    service('ns10', 'zoned', { clusterIP: '172.30.0.50', sessionAffinity: 'ClientIP', ports: [{ name: 'p80', port: 80 }] }),
  ],
  slices: [
    ...goldenSlices,
    slice('ns7', 'dual', 1, [{ ip: '10.180.7.1', node: TEST_NODE }, { ip: '10.180.7.2' }], [{ name: 'dns', port: 5353, protocol: 'UDP' }, { name: 'sctp', port: 9, protocol: 'SCTP' }]),
    slice('ns7', 'dual', 2, [{ ip: 'fd00:10:180::71', node: TEST_NODE }, { ip: 'fd00:10:180::72', ready: false, serving: true, terminating: true }], [{ name: 'dns', port: 5353, protocol: 'UDP' }, { name: 'sctp', port: 9, protocol: 'SCTP' }], 'IPv6'),
    slice('ns8', 'itp', 1, [{ ip: '10.180.8.1', node: TEST_NODE }]),
    // Zone hints: this node (zone za) picks two of the three endpoints.
    slice('ns10', 'zoned', 1, [{ ip: '10.180.10.1', zones: ['za'] }, { ip: '10.180.10.2', zones: ['za'] }, { ip: '10.180.10.3', zones: ['zb'] }]),
  ],
};
const tableOf = (input: ViewInput, family: 'ipv4' | 'ipv6') => nodeTable(computeAll(input), family === 'ipv4' ? 'iptables' : 'ip6tables', TEST_NODE);

describe.skipIf(skipReason !== undefined)(titled('iptables-restore in a netns', skipReason), () => {
  afterAll(() => {
    for (const ns of created) spawnSync('ip', ['netns', 'del', ns]);
  });

  it.each([
    ['ipv4', 'iptables-restore'],
    ['ipv6', 'ip6tables-restore'],
  ] as const)('%s full sync passes %s --test (with node-cidr too)', (family, tool) => {
    const ns = newNetns();
    for (const config of [rich.config, { ...rich.config, localDetector: 'node-cidr' as const, nodePortAddresses: ['192.168.0.0/16', 'fd00::/8'], iptablesRandomFully: true }]) {
      const text = renderIptablesRestore(tableOf({ ...rich, config }, family), family, { jumps: true });
      const r = restore(ns, tool, ['--test'], text);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });

  it('accepts large-cluster mode (no comments on endpoint rules) and a table without KUBE-FIREWALL', () => {
    const ns = newNetns();
    const eps = Array.from({ length: 1001 }, (_, i) => ({ ip: `10.181.${i >> 8}.${i & 255}` }));
    const large: ViewInput = {
      ...rich,
      config: { ...rich.config, nodePortAddresses: ['192.168.0.0/16'] },
      services: [...rich.services!, service('ns9', 'big', { clusterIP: '172.30.0.49', sessionAffinity: 'ClientIP', ports: [{ name: 'p80', port: 80 }] })],
      slices: [...rich.slices!, slice('ns9', 'big', 1, eps)],
    };
    const text = renderIptablesRestore(tableOf(large, 'ipv4'), 'ipv4', { jumps: true });
    expect(text).toContain('-m recent --name ');
    expect(text).not.toMatch(/^-A KUBE-SEP-.* --comment /m);
    const r = restore(ns, 'iptables-restore', ['--test'], text);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('applies a partial restore that leaves the same state as a full restore', () => {
    const before = tableOf(rich, 'ipv4');
    const next: ViewInput = {
      ...rich,
      services: rich.services!.filter((s) => s.metadata.name !== 'svc5'),
      slices: rich.slices!.map((s) => (s.metadata.name === 'svc1-1' ? slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1' }, { ip: '10.180.0.11' }]) : s)),
    };
    const after = tableOf(next, 'ipv4');
    const { changed, removed } = diffTables(before, after);
    const partial = partialRestoreInput(after, changed, removed, 'ipv4');
    expect(partial).toContain('-X KUBE-SVC-NUKIZ6OKUXPJNT4C\n');
    expect(partial).not.toContain(':KUBE-SVC-4SW47YFZTEDKD3PK ');

    const a = newNetns();
    const b = newNetns();
    expect(restore(a, 'iptables-restore', ['--noflush'], renderIptablesRestore(before, 'ipv4')).stderr).toBe('');
    const r = restore(a, 'iptables-restore', ['--noflush'], partial);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(restore(b, 'iptables-restore', ['--noflush'], renderIptablesRestore(after, 'ipv4')).status).toBe(0);

    const natA = saved(a, 'iptables-save', 'nat');
    expect([...natA.values()].flat().join('\n')).toContain('--to-destination 10.180.0.11:80');
    expect(natA.has('KUBE-SVC-NUKIZ6OKUXPJNT4C')).toBe(false);
    expect(natA).toEqual(saved(b, 'iptables-save', 'nat'));
    expect(saved(a, 'iptables-save', 'filter')).toEqual(saved(b, 'iptables-save', 'filter'));
  });
});
