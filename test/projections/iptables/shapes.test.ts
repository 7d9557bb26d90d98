// Per-shape rule blocks: verbatim reference snippets where given, DERIVED (reference §2.4
// algorithm, names from the verified hash) otherwise.

import { describe, expect, it } from 'vitest';
import { endpointChainName, renderIptablesRestore } from '../../../projections/iptables/index.js';
import { CLUSTER } from '../../../projections/model.js';
import { goldenConfig, goldenServices, goldenSlices, TEST_NODE } from './fixtures.js';
import { chainText, computeAll, declaredChains } from './helpers.js';
import { node, nodeTable, service, slice, type ViewInput } from './view.js';

const N1 = node(TEST_NODE, ['192.168.0.2'], ['10.244.1.0/24']);
const N2 = node('other-node', ['192.168.0.3']);
const render = (input: ViewInput, nodeName = TEST_NODE, family: 'ipv4' | 'ipv6' = 'ipv4') =>
  renderIptablesRestore(nodeTable(computeAll(input), family === 'ipv4' ? 'iptables' : 'ip6tables', nodeName), family);
const svc1 = (spec: object = {}) => service('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }], ...spec });
const SEP = (ip: string, spn = 'ns1/svc1:p80') => endpointChainName(spn, 'tcp', `${ip}:80`);

describe('ClusterIP', () => {
  it('with 3 endpoints splits 1/3, 1/2, rest in IP:port string order', () => {
    const text = render({
      config: goldenConfig,
      nodes: [N1],
      services: [svc1()],
      slices: [slice('ns1', 'svc1', 1, [{ ip: '10.180.0.3' }, { ip: '10.180.0.1' }, { ip: '10.180.0.2' }])],
    });
    expect(chainText(text, 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O')).toBe(
      `-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.3333333333 -j KUBE-SEP-SXIVWICOYRO3J4NJ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.2:80" -m statistic --mode random --probability 0.5000000000 -j ${SEP('10.180.0.2')}
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.3:80" -j ${SEP('10.180.0.3')}
`,
    );
    expect(declaredChains(text, 'nat').filter((c) => c.startsWith('KUBE-SEP-'))).toHaveLength(3);
  });

  it('canonicalises sloppy IPs (10.180.00.001 hashes and prints as 10.180.0.1)', () => {
    const text = render({ config: goldenConfig, nodes: [N1], services: [svc1()], slices: [slice('ns1', 'svc1', 1, [{ ip: '10.180.00.001' }])] });
    expect(chainText(text, 'nat', 'KUBE-SEP-SXIVWICOYRO3J4NJ')).toBe(
      `-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -s 10.180.0.1 -j KUBE-MARK-MASQ
-A KUBE-SEP-SXIVWICOYRO3J4NJ -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination 10.180.0.1:80
`,
    );
  });

  it('falls back to serving-terminating endpoints, and rejects when none is usable', () => {
    const term = render({
      config: goldenConfig,
      services: [svc1()],
      slices: [slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1', ready: false, serving: true, terminating: true }, { ip: '10.180.0.2', ready: false, serving: false, terminating: true }])],
    });
    expect(chainText(term, 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O')).toContain('-j KUBE-SEP-SXIVWICOYRO3J4NJ\n');
    expect(declaredChains(term, 'nat')).not.toContain(SEP('10.180.0.2'));
    const none = render({ config: goldenConfig, services: [svc1()], slices: [slice('ns1', 'svc1', 1, [{ ip: '10.180.0.2', ready: false, serving: false }])] });
    expect(chainText(none, 'filter', 'KUBE-SERVICES')).toBe(
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j REJECT\n',
    );
    expect(declaredChains(none, 'nat')).toEqual(['KUBE-NODEPORTS', 'KUBE-SERVICES', 'KUBE-MARK-MASQ', 'KUBE-POSTROUTING']);
  });

  it('gives headless and ExternalName Services no rules, and selector-less Services their slices', () => {
    const contribs = computeAll({
      config: goldenConfig,
      services: [
        service('ns1', 'headless', { clusterIP: 'None', ports: [{ name: 'p80', port: 80 }] }),
        service('ns1', 'ext', { type: 'ExternalName', externalName: 'example.com' }),
        service('ns1', 'manual', { clusterIP: '172.30.0.50', ports: [{ name: 'p80', port: 80 }] }),
      ],
      slices: [slice('ns1', 'headless', 1, [{ ip: '10.180.0.1' }]), slice('ns1', 'manual', 1, [{ ip: '10.180.0.9' }])],
    });
    expect(contribs.filter((c) => c.key.includes('/ns1/headless') || c.key.includes('/ns1/ext'))).toEqual([]);
    expect(contribs.map((c) => c.key)).toContain('nat/KUBE-SERVICES/ns1/manual');
  });
});

describe('NoEndpointsReject (reference §2.6)', () => {
  it('rejects ClusterIP, externalIP, LB IP and NodePort', () => {
    const text = render({
      config: goldenConfig,
      services: [
        svc1({ type: 'LoadBalancer', externalIPs: ['192.168.99.11'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] }),
      ].map((s) => ({ ...s, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } })),
    });
    expect(chainText(text, 'filter', 'KUBE-EXTERNAL-SERVICES')).toBe(
      `-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 192.168.99.11 --dport 80 -j REJECT
-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m tcp -p tcp -d 1.2.3.4 --dport 80 -j REJECT
-A KUBE-EXTERNAL-SERVICES -m comment --comment "ns1/svc1:p80 has no endpoints" -m addrtype --dst-type LOCAL -m tcp -p tcp --dport 3001 -j REJECT
`,
    );
  });
});

describe('externalTrafficPolicy Local (golden svc2)', () => {
  const base = { config: goldenConfig, nodes: [N1, N2], services: goldenServices };
  const withLocal = { ...base, slices: goldenSlices.map((s) => (s.metadata.name === 'svc2-1' ? slice('ns2', 'svc2', 1, [{ ip: '10.180.0.2', node: TEST_NODE }]) : s)) };

  it('on the node hosting the endpoint: EXT falls through to KUBE-SVL, no DROP rules', () => {
    const text = render(withLocal, TEST_NODE);
    expect(chainText(text, 'nat', 'KUBE-EXT-GNZBNJ2PO5MGZ6GT')).toBe(
      `-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "pod traffic for ns2/svc2:p80 external destinations" -s 10.0.0.0/8 -j KUBE-SVC-GNZBNJ2PO5MGZ6GT
-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "masquerade LOCAL traffic for ns2/svc2:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ
-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -m comment --comment "route LOCAL traffic for ns2/svc2:p80 external destinations" -m addrtype --src-type LOCAL -j KUBE-SVC-GNZBNJ2PO5MGZ6GT
-A KUBE-EXT-GNZBNJ2PO5MGZ6GT -j KUBE-SVL-GNZBNJ2PO5MGZ6GT
`,
    );
    expect(chainText(text, 'nat', 'KUBE-SVL-GNZBNJ2PO5MGZ6GT')).toBe(
      '-A KUBE-SVL-GNZBNJ2PO5MGZ6GT -m comment --comment "ns2/svc2:p80 -> 10.180.0.2:80" -j KUBE-SEP-RS4RBKLTHTF2IUXJ\n',
    );
    expect(chainText(text, 'filter', 'KUBE-EXTERNAL-SERVICES')).toBe('');
    expect(chainText(text, 'filter', 'KUBE-NODEPORTS')).toBe(
      '-A KUBE-NODEPORTS -m comment --comment "ns2/svc2:p80 health check node port" -m tcp -p tcp --dport 30000 -j ACCEPT\n',
    );
  });

  it('on other nodes: the no-local-endpoints form (golden), via cluster-scoped entries', () => {
    const text = render(withLocal, 'other-node');
    expect(chainText(text, 'nat', 'KUBE-EXT-GNZBNJ2PO5MGZ6GT')).not.toContain('KUBE-SVL');
    expect(declaredChains(text, 'nat')).not.toContain('KUBE-SVL-GNZBNJ2PO5MGZ6GT');
    expect(chainText(text, 'filter', 'KUBE-EXTERNAL-SERVICES')).toContain('"ns2/svc2:p80 has no local endpoints"');
    const nodeScoped = computeAll(withLocal).filter((c) => c.scope !== CLUSTER && !c.key.startsWith('meta/') && c.key !== 'nat/KUBE-SERVICES/~nodeports');
    expect(new Set(nodeScoped.map((c) => c.scope))).toEqual(new Set([TEST_NODE]));
    expect(nodeScoped.filter((c) => c.value === null).map((c) => c.key)).toEqual(['filter/KUBE-EXTERNAL-SERVICES/ns2/svc2']);
  });
});

describe('internalTrafficPolicy Local', () => {
  const input = (node?: string) => ({
    config: goldenConfig,
    nodes: [N1, N2],
    services: [svc1({ internalTrafficPolicy: 'Local' })],
    slices: [slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1', ...(node ? { node } : {}) }])],
  });
  it('drops traffic on nodes without local endpoints', () => {
    const text = render(input('other-node'));
    expect(chainText(text, 'filter', 'KUBE-SERVICES')).toBe(
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 has no local endpoints" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j DROP\n',
    );
    expect(declaredChains(text, 'nat')).toEqual(['KUBE-NODEPORTS', 'KUBE-SERVICES', 'KUBE-MARK-MASQ', 'KUBE-POSTROUTING']);
  });
  it('jumps to KUBE-SVL (carrying the masquerade rule) on the node hosting one; no KUBE-SVC', () => {
    const text = render(input(TEST_NODE));
    expect(chainText(text, 'nat', 'KUBE-SERVICES')).toContain(
      '-A KUBE-SERVICES -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 -j KUBE-SVL-XPGD46QRK7WJZT7O\n',
    );
    expect(chainText(text, 'nat', 'KUBE-SVL-XPGD46QRK7WJZT7O')).toBe(
      `-A KUBE-SVL-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d 172.30.0.41 --dport 80 ! -s 10.0.0.0/8 -j KUBE-MARK-MASQ
-A KUBE-SVL-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j KUBE-SEP-SXIVWICOYRO3J4NJ
`,
    );
    expect(declaredChains(text, 'nat')).not.toContain('KUBE-SVC-XPGD46QRK7WJZT7O');
  });
});

describe('LoadBalancer source ranges and the node IP', () => {
  it('allows the LB IP as source when a range contains the node IP', () => {
    const svc = svc1({ type: 'LoadBalancer', loadBalancerSourceRanges: ['192.168.0.0/16', '203.0.113.0/25'] });
    const input = {
      config: goldenConfig,
      nodes: [N1, node('far', ['172.16.0.9'])],
      services: [{ ...svc, status: { loadBalancer: { ingress: [{ ip: '5.6.7.8' }, { ip: 'fd00::1' }, { ip: '9.9.9.9', ipMode: 'Proxy' as const }] } } }],
      slices: [slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1' }])],
    };
    const head = '-A KUBE-FW-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 loadbalancer IP"';
    const tail = '-A KUBE-FW-XPGD46QRK7WJZT7O -m comment --comment "other traffic to ns1/svc1:p80 will be dropped by KUBE-PROXY-FIREWALL"\n';
    const ranges = `${head} -s 192.168.0.0/16 -j KUBE-EXT-XPGD46QRK7WJZT7O\n${head} -s 203.0.113.0/25 -j KUBE-EXT-XPGD46QRK7WJZT7O\n`;
    expect(chainText(render(input), 'nat', 'KUBE-FW-XPGD46QRK7WJZT7O')).toBe(`${ranges}${head} -s 5.6.7.8 -j KUBE-EXT-XPGD46QRK7WJZT7O\n${tail}`);
    expect(chainText(render(input, 'far'), 'nat', 'KUBE-FW-XPGD46QRK7WJZT7O')).toBe(`${ranges}${tail}`);
  });
});

describe('local traffic detector node-cidr and --nodeport-addresses', () => {
  const input = {
    config: { ...goldenConfig, localDetector: 'node-cidr' as const, nodePortAddresses: ['192.168.0.0/16', '127.0.0.0/8'] },
    nodes: [N1, N2],
    services: [svc1()],
    slices: [slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1' }])],
  };
  it("uses the node's pod CIDR, and omits the masquerade rule without one", () => {
    expect(chainText(render(input, TEST_NODE), 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O')).toContain('--dport 80 ! -s 10.244.1.0/24 -j KUBE-MARK-MASQ\n');
    expect(chainText(render(input, 'other-node'), 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O')).toBe(
      '-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -j KUBE-SEP-SXIVWICOYRO3J4NJ\n',
    );
  });
  it('tail-calls KUBE-NODEPORTS once per matching node address', () => {
    const c = '-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain"';
    expect(chainText(render(input, TEST_NODE), 'nat', 'KUBE-SERVICES').split('\n').slice(-3).join('\n')).toBe(
      `${c} -d 127.0.0.1 -j KUBE-NODEPORTS\n${c} -d 192.168.0.2 -j KUBE-NODEPORTS\n`,
    );
  });
});

describe('IPv6', () => {
  it('brackets endpoints, uses the IPv6 cluster CIDR and never localhost NodePorts', () => {
    const input = {
      config: goldenConfig,
      nodes: [node(TEST_NODE, ['192.168.0.2', 'fd00::2'])],
      services: [svc1({ clusterIP: 'fd00:172:30::41', clusterIPs: ['fd00:172:30::41'], ipFamilies: ['IPv6'], type: 'NodePort', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] })],
      slices: [slice('ns1', 'svc1', 1, [{ ip: 'fd00:10:180::1' }], undefined, 'IPv6')],
    };
    const text = render(input, TEST_NODE, 'ipv6');
    expect(chainText(text, 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O')).toBe(
      `-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 cluster IP" -m tcp -p tcp -d fd00:172:30::41 --dport 80 ! -s fd00:10::/64 -j KUBE-MARK-MASQ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> [fd00:10:180::1]:80" -j KUBE-SEP-OGYCNMB4EMRUSJ6N
`,
    );
    expect(chainText(text, 'nat', 'KUBE-SEP-OGYCNMB4EMRUSJ6N')).toBe(
      `-A KUBE-SEP-OGYCNMB4EMRUSJ6N -m comment --comment ns1/svc1:p80 -s fd00:10:180::1 -j KUBE-MARK-MASQ
-A KUBE-SEP-OGYCNMB4EMRUSJ6N -m comment --comment ns1/svc1:p80 -m tcp -p tcp -j DNAT --to-destination [fd00:10:180::1]:80
`,
    );
    expect(chainText(text, 'nat', 'KUBE-NODEPORTS')).toBe('-A KUBE-NODEPORTS -m comment --comment ns1/svc1:p80 -m tcp -p tcp --dport 3001 -j KUBE-EXT-XPGD46QRK7WJZT7O\n');
    expect(declaredChains(text, 'filter')).not.toContain('KUBE-FIREWALL');
    expect(render(input, TEST_NODE, 'ipv4')).not.toContain('ns1/svc1');
  });
});

describe('session affinity with several endpoints', () => {
  it('writes every --rcheck rule before the probability rules', () => {
    const text = render({
      config: goldenConfig,
      services: [svc1({ sessionAffinity: 'ClientIP' })],
      slices: [slice('ns1', 'svc1', 1, [{ ip: '10.180.0.1' }, { ip: '10.180.0.2' }])],
    });
    const s2 = SEP('10.180.0.2');
    expect(chainText(text, 'nat', 'KUBE-SVC-XPGD46QRK7WJZT7O').split('\n').slice(1).join('\n')).toBe(
      `-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m recent --name KUBE-SEP-SXIVWICOYRO3J4NJ --rcheck --seconds 10800 --reap -j KUBE-SEP-SXIVWICOYRO3J4NJ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.2:80" -m recent --name ${s2} --rcheck --seconds 10800 --reap -j ${s2}
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.1:80" -m statistic --mode random --probability 0.5000000000 -j KUBE-SEP-SXIVWICOYRO3J4NJ
-A KUBE-SVC-XPGD46QRK7WJZT7O -m comment --comment "ns1/svc1:p80 -> 10.180.0.2:80" -j ${s2}
`,
    );
  });
});
