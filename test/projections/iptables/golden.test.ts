import { describe, expect, it } from 'vitest';
import {
  chainOfKey,
  endpointChainName,
  portProtoHash,
  probability,
  renderIptablesRestore,
} from '../../../projections/iptables/index.js';
import { GOLDEN_OVERALL, goldenConfig, goldenNodes, goldenServices, goldenSlices, TEST_NODE } from './fixtures.js';
import { computeAll } from './helpers.js';
import { nodeTable } from './view.js';

describe('chain names (reference §1.2 worked examples)', () => {
  it.each([
    ['ns1/svc1:p80', 'tcp', 'XPGD46QRK7WJZT7O'],
    ['ns2/svc2:p80', 'tcp', 'GNZBNJ2PO5MGZ6GT'],
    ['ns3/svc3:p80', 'tcp', 'X27LE4BHSL4DOUIK'],
    ['ns4/svc4:p80', 'tcp', '4SW47YFZTEDKD3PK'],
    ['ns5/svc5:p80', 'tcp', 'NUKIZ6OKUXPJNT4C'],
    ['ns2/svc2:p8080', 'tcp', '2VJB64SDSIJUP5T6'],
    ['ns4/svc4:p8082', 'tcp', 'EBDQOQU5SJFXRIL3'],
    ['default/kubernetes:https', 'tcp', 'NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'ERIFXISQEP7F7OF4'],
    ['kube-system/kube-dns:metrics', 'tcp', 'JD5MR3NA4I4DYORP'],
    ['ns1/svc1', 'tcp', 'AQI2S6QIMU7PVVRP'],
    ['ns1/svc1:p80', 'udp', 'OJWW7NSBVZTDHXNW'],
    ['ns1/svc1:p80', 'sctp', 'GFCIFIA5VTFSTMSM'],
  ])('%s %s -> %s', (spn, proto, hash) => {
    expect(portProtoHash(spn, proto)).toBe(hash);
  });
  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['ns5/svc5:p80', '10.180.0.3:80', 'KUBE-SEP-I77PXRDZVX7PMWMN'],
    ['ns3/svc3:p80', '10.180.0.3:80', 'KUBE-SEP-OYPFS5VJICHGATKP'],
    ['ns1/svc1:p80', '10.0.0.0:80', 'KUBE-SEP-DKGQUZGBKLTPAR56'],
    ['ns1/svc1:p80', '[fd00:10:180::1]:80', 'KUBE-SEP-OGYCNMB4EMRUSJ6N'],
  ])('endpoint %s %s -> %s', (spn, ep, chain) => {
    expect(endpointChainName(spn, 'tcp', ep)).toBe(chain);
  });
});

describe('statistic probabilities (reference §2.5)', () => {
  it.each([
    [1, '1.0000000000'],
    [2, '0.5000000000'],
    [3, '0.3333333333'],
    [10, '0.1000000000'],
    [100, '0.0100000000'],
    [1000, '0.0010000000'],
    [10000, '0.0001000000'],
    [100000, '0.0000100000'],
    [100001, '0.0000099999'],
    [2048, '0.0004882812'],
  ])('1/%i = %s', (n, p) => {
    expect(probability(n)).toBe(p);
  });
});

describe('TestOverallIPTablesRules (golden case-1)', () => {
  const input = { config: { ...goldenConfig, iptablesNfacct: true }, nodes: goldenNodes, services: goldenServices, slices: goldenSlices };

  it('renders the upstream expected full sync byte for byte (nfacct on, as the v1.32 fixture)', () => {
    const table = nodeTable(computeAll(input), 'iptables', TEST_NODE);
    expect(renderIptablesRestore(table, 'ipv4')).toBe(GOLDEN_OVERALL);
  });

  it('renders the pre-nfacct (1.28-1.30) variant with nfacct off', () => {
    const table = nodeTable(computeAll({ ...input, config: goldenConfig }), 'iptables', TEST_NODE);
    const expected = GOLDEN_OVERALL.split('\n')
      .filter((l) => !l.includes('localhost_nps_accepted_pkts'))
      .map((l) => l.replace(' -m nfacct --nfacct-name ct_state_invalid_dropped_pkts', ''))
      .join('\n');
    expect(renderIptablesRestore(table, 'ipv4')).toBe(expected);
  });

  it('with --iptables-random-fully, MASQUERADE --random-fully as kube-proxy with a capable iptables (reference §2.3), nothing else changed', () => {
    const table = nodeTable(computeAll({ ...input, config: { ...input.config, iptablesRandomFully: true } }), 'iptables', TEST_NODE);
    const masquerade = '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE';
    expect(GOLDEN_OVERALL.split('\n')).toContain(masquerade);
    expect(renderIptablesRestore(table, 'ipv4')).toBe(GOLDEN_OVERALL.replace(masquerade, `${masquerade} --random-fully`));
  });

  it('keys per-service chains whole and splits shared chains into per-service fragments', () => {
    const keys = computeAll(input)
      .filter((c) => c.table === 'iptables')
      .map((c) => c.key);
    expect(keys).toContain('nat/KUBE-SVC-XPGD46QRK7WJZT7O');
    expect(keys).toContain('nat/KUBE-SERVICES/ns1/svc1');
    expect(keys).toContain('filter/KUBE-EXTERNAL-SERVICES/ns2/svc2');
    expect(keys).toContain('nat/KUBE-SERVICES/~nodeports');
    expect(keys).not.toContain('nat/KUBE-SERVICES/ns6/svc6');
    expect(chainOfKey('nat/KUBE-SERVICES/ns1/svc1')).toEqual({ table: 'nat', chain: 'KUBE-SERVICES' });
    expect(chainOfKey('nat/KUBE-SEP-SXIVWICOYRO3J4NJ')).toEqual({ table: 'nat', chain: 'KUBE-SEP-SXIVWICOYRO3J4NJ' });
    expect(chainOfKey('nat/KUBE-SERVICES/~nodeports')).toEqual({ table: 'nat', chain: 'KUBE-SERVICES' });
  });

  it('gives the IPv4-only cluster an IPv6 table with only the fixed chains', () => {
    const table = nodeTable(computeAll(input), 'ip6tables', TEST_NODE);
    expect(renderIptablesRestore(table, 'ipv6')).toBe(`*filter
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-EXTERNAL-SERVICES - [0:0]
:KUBE-FORWARD - [0:0]
:KUBE-PROXY-FIREWALL - [0:0]
-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT
-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
COMMIT
*nat
:KUBE-NODEPORTS - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL ! -d ::1/128 -j KUBE-NODEPORTS
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
COMMIT
`);
  });
});
