// localhostNodePorts (reference §2.3: "KUBE-FIREWALL chain+rule only for IPv4 with
// localhostNodePorts=true"): kube-proxy's NewProxier turns it off when --nodeport-addresses
// contains no IPv4 loopback address (NodePortAddresses.ContainsIPv4Loopback; no CIDR of the
// family means 0.0.0.0/0, loopback included). `primary` alone is expanded by kube-proxy's
// server to the node's primary IPs (<ip>/32, <ip>/128; none for a missing or loopback one).

import { describe, expect, it } from 'vitest';
import { iptablesProjection, renderIptablesRestore } from '../../../projections/iptables/index.js';
import type { Contribution } from '../../../projections/model.js';
import { goldenConfig, TEST_NODE } from './fixtures.js';
import { chainText, computeAll, declaredChains } from './helpers.js';
import { buildView, node, nodeTable, service, slice, type ViewInput } from './view.js';

const FIREWALL_RULE =
  '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP\n';
const TAIL = '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain"';
const NFACCT_LOCALHOST = 'localhost_nps_accepted_pkts';

const V6_ONLY = 'v6-only';
const nodes = [node(TEST_NODE, ['192.168.0.2', 'fd00::2']), node(V6_ONLY, ['fd00::3'])];
const np = service('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3003 }] });
const input = (nodePortAddresses: string[], nfacct = false): ViewInput => ({
  config: { ...goldenConfig, nodePortAddresses, iptablesNfacct: nfacct },
  nodes,
  services: [np],
  slices: [slice('ns3', 'svc3', 1, [{ ip: '10.180.0.3' }])],
});
/** The nodeports tail-call rules of nat KUBE-SERVICES. */
const tail = (text: string) =>
  chainText(text, 'nat', 'KUBE-SERVICES')
    .split('\n')
    .filter((l) => l.startsWith(TAIL))
    .map((l) => `${l}\n`)
    .join('');
const render = (i: ViewInput, nodeName = TEST_NODE, jumps = false) => renderIptablesRestore(nodeTable(computeAll(i), 'iptables', nodeName), 'ipv4', { jumps });

describe('KUBE-FIREWALL and localhost NodePorts follow --nodeport-addresses', () => {
  it.each([[[]], [['0.0.0.0/0']], [['127.0.0.0/8', '192.168.0.0/16']], [['127.0.0.1/32']], [['fd00::/8']], [['0.0.0.0/1']]])(
    'keeps them when %j contains an IPv4 loopback address',
    (addresses) => {
      const text = render(input(addresses, true));
      expect(declaredChains(text, 'filter')).toContain('KUBE-FIREWALL');
      expect(chainText(text, 'filter', 'KUBE-FIREWALL')).toBe(FIREWALL_RULE);
      expect(chainText(text, 'nat', 'KUBE-NODEPORTS')).toContain(`-d 127.0.0.0/8 --dport 3003 -m nfacct --nfacct-name ${NFACCT_LOCALHOST} `);
    },
  );

  it.each([[['192.168.0.0/16']], [['10.0.0.0/8', '192.168.0.2/32', 'fd00::/8']], [['primary']], [['primary', '192.168.0.0/16']]])(
    'drops them when %j does not',
    (addresses) => {
      const text = render(input(addresses, true));
      expect(declaredChains(text, 'filter')).not.toContain('KUBE-FIREWALL');
      expect(text).not.toContain('KUBE-FIREWALL');
      expect(text).not.toContain(NFACCT_LOCALHOST);
      expect(tail(text)).toBe(`${TAIL} -d 192.168.0.2 -j KUBE-NODEPORTS\n`);
    },
  );

  it('never has them on IPv6', () => {
    const text = renderIptablesRestore(nodeTable(computeAll(input([], true)), 'ip6tables', TEST_NODE), 'ipv6');
    expect(text).not.toContain('KUBE-FIREWALL');
  });

  it('with `primary` alone, gives a node without a primary IPv4 address all addresses, loopback included', () => {
    const i = input(['primary'], true);
    const text = render(i, V6_ONLY);
    expect(chainText(text, 'filter', 'KUBE-FIREWALL')).toBe(FIREWALL_RULE);
    expect(tail(text)).toBe(`${TAIL} -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS\n`);
    expect(chainText(text, 'nat', 'KUBE-NODEPORTS')).toContain(NFACCT_LOCALHOST);
    // Node-scoped: the other node keeps none of it.
    const contribs = computeAll(i);
    expect(contribs.filter((c) => c.key === 'filter/KUBE-FIREWALL').map((c) => [c.table, c.scope])).toEqual([['iptables', V6_ONLY]]);
    // Its IPv6 table: the node's primary IPv6 address.
    const v6 = renderIptablesRestore(nodeTable(contribs, 'ip6tables', V6_ONLY), 'ipv6');
    expect(tail(v6)).toBe(`${TAIL} -d fd00::3 -j KUBE-NODEPORTS\n`);
  });

  it('with `primary` alone, follows a node that gains a primary IPv4 address (node unit only)', () => {
    const before = input(['primary']);
    const after = { ...before, nodes: [nodes[0]!, node(V6_ONLY, ['192.168.0.3', 'fd00::3'])] };
    const change = { kind: 'Node', namespace: '', name: V6_ONLY, before: before.nodes![1], after: after.nodes![1] };
    const units = [...iptablesProjection.unitsAffected(change, buildView(after))];
    expect(units).toEqual([`node:${V6_ONLY}`]);
    const patched: Contribution[] = [
      ...computeAll(before).filter((c) => !(c.scope === V6_ONLY)),
      ...units.flatMap((u) => iptablesProjection.compute(u, buildView(after))),
    ];
    expect(renderIptablesRestore(nodeTable(patched, 'iptables', V6_ONLY), 'ipv4')).toBe(render(after, V6_ONLY));
    expect(render(after, V6_ONLY)).not.toContain('KUBE-FIREWALL');
  });

  it('still lets the rendered top-level jumps reach KUBE-FIREWALL (EnsureChain: an empty chain)', () => {
    const text = render(input(['192.168.0.0/16']), TEST_NODE, true);
    expect(declaredChains(text, 'filter')).toContain('KUBE-FIREWALL');
    expect(chainText(text, 'filter', 'KUBE-FIREWALL')).toBe('');
    expect(text).toContain('-I INPUT -j KUBE-FIREWALL\n');
  });
});
