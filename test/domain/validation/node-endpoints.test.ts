import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Node } from '../../../domain/objects.js';
import { validateObject, validateStatusUpdate, validateUpdate } from '../../../domain/validation/index.js';
import { ctx, DNS1123_LABEL_MSG, lines } from './helpers.js';

describe('Node (ValidateNode / ValidateNodeUpdate)', () => {
  it('podCIDRs are CIDRs, at most one per family, and podCIDR is podCIDRs[0]', () => {
    const n = (spec: Node['spec']): Node => ({ metadata: { name: 'n1' }, spec });
    expect(lines(validateObject('Node', n({ podCIDR: '10.244.1.0/33' }), ctx))).toEqual([
      'spec.podCIDRs[0]: Invalid value: "10.244.1.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ]);
    expect(lines(validateObject('Node', n({ podCIDRs: ['10.244.1.0/24', '10.244.2.0/24'] }), ctx))).toEqual([
      'spec.podCIDRs: Invalid value: []string{"10.244.1.0/24", "10.244.2.0/24"}: may specify no more than one CIDR for each IP family',
    ]);
    expect(lines(validateObject('Node', n({ podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.2.0/24'] }), ctx))).toEqual([
      'spec.podCIDRs[0]: Invalid value: "10.244.2.0/24": must be equal to `podCIDR`',
    ]);
    expect(validateObject('Node', n({ podCIDRs: ['10.244.1.0/24', 'fd00:244:1::/64'] }), ctx)).toEqual([]);
  });

  it('taint effects; taints reported under metadata as upstream does', () => {
    const node: Node = { metadata: { name: 'n1' }, spec: { taints: [{ key: 'k', effect: 'NoRun' }, { key: 'a', effect: 'NoSchedule' }, { key: 'a', effect: 'NoSchedule' }] } };
    expect(lines(validateObject('Node', node, ctx))).toEqual([
      'metadata.taints[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'metadata.taints[2]: Duplicate value: core.Taint{Key:"a", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
    ]);
  });

  it('podCIDRs are immutable once set; addresses unique', () => {
    const old: Node = { metadata: { name: 'n1', uid: 'u', resourceVersion: '4' }, spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'] } };
    const next = structuredClone(old);
    next.spec = { podCIDR: '10.244.9.0/24', podCIDRs: ['10.244.9.0/24'] };
    expect(lines(validateUpdate('Node', next, old, ctx))).toEqual(['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid']);
    const fresh: Node = { metadata: { name: 'n1', uid: 'u', resourceVersion: '4' }, spec: {} };
    expect(validateUpdate('Node', old, fresh, ctx)).toEqual([]);
    const st = structuredClone(old);
    st.status = { addresses: [{ type: 'InternalIP', address: '192.168.1.10' }, { type: 'InternalIP', address: '192.168.1.10' }] };
    expect(lines(validateStatusUpdate('Node', st, old, ctx))).toEqual([
      'status.addresses[1]: Duplicate value: core.NodeAddress{Type:"InternalIP", Address:"192.168.1.10"}',
    ]);
  });
});

describe('Endpoints (validateEndpointSubsets)', () => {
  it('addresses are valid, non-special IPs; ports 1-65535 with known protocols, named when several', () => {
    const ep = {
      metadata: { name: 'web', namespace: 'default' },
      subsets: [
        { addresses: [{ ip: '10.244.1.5' }, { ip: '127.0.0.1' }, { ip: 'fe80::1' }, { ip: '10.244.1' }], ports: [{ port: 0, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'ICMP' }] },
        { ports: [{ port: 80 }] },
      ],
    };
    expect(lines(validateObject('Endpoints', ep, ctx))).toEqual([
      'subsets[0].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[0].addresses[2].ip: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)',
      'subsets[0].addresses[3].ip: Invalid value: "10.244.1": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[0].addresses[3].ip: Invalid value: "10.244.1": must be a valid IP address',
      'subsets[0].ports[0].name: Required value',
      'subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'subsets[0].ports[1].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
      'subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`',
    ]);
  });
});

describe('EndpointSlice (pkg/apis/discovery/validation)', () => {
  const slice = (s: Partial<EndpointSlice>): EndpointSlice => ({ metadata: { name: 'web-abc', namespace: 'default' }, addressType: 'IPv4', ...s });

  it('addressType values', () => {
    expect(lines(validateObject('EndpointSlice', slice({ addressType: 'IPX' as never }), ctx))).toEqual([
      'addressType: Unsupported value: "IPX": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
  });

  it('addresses valid for the type; hostname label; unique port names', () => {
    const s = slice({
      endpoints: [{ addresses: ['fd00::1'] }, { addresses: [] }, { addresses: ['10.244.1.5'], hostname: 'Web' }],
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'http', port: 81, protocol: 'TCP' }],
    });
    expect(lines(validateObject('EndpointSlice', s, ctx))).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
      'endpoints[1].addresses: Required value: must contain at least 1 address',
      `endpoints[2].hostname: Invalid value: "Web": ${DNS1123_LABEL_MSG}`,
      'ports[1].name: Duplicate value: "http"',
    ]);
    const fqdn = slice({ addressType: 'FQDN', endpoints: [{ addresses: ['localhost'] }] });
    expect(lines(validateObject('EndpointSlice', fqdn, ctx))).toEqual([
      'endpoints[0].addresses[0]: Invalid value: "localhost": should be a domain with at least two segments separated by dots',
    ]);
  });

  it('at most 1000 endpoints and 100 ports', () => {
    const s = slice({
      endpoints: Array.from({ length: 1001 }, (_, i) => ({ addresses: [`10.1.${i >> 8}.${(i & 255) + 1}`] })),
      ports: Array.from({ length: 101 }, (_, i) => ({ name: `p${i}`, port: 1000 + i, protocol: 'TCP' as const })),
    });
    expect(lines(validateObject('EndpointSlice', s, ctx))).toEqual([
      'endpoints: Too many: 1001: must have at most 1000 items',
      'ports: Too many: 101: must have at most 100 items',
    ]);
  });

  it('addressType is immutable', () => {
    const old = slice({ metadata: { name: 'web-abc', namespace: 'default', resourceVersion: '3' } });
    const next = slice({ metadata: { name: 'web-abc', namespace: 'default', resourceVersion: '3' }, addressType: 'IPv6' });
    expect(lines(validateUpdate('EndpointSlice', next, old, ctx))).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });
});
