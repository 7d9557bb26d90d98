import { describe, expect, it } from 'vitest';
import { mirroredEndpointSlices } from '../../../domain/controllers/index.js';
import type { Endpoints } from '../../../domain/objects.js';
import { service } from './fixtures.js';

const userEndpoints = (extra: Partial<Endpoints['metadata']> = {}): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: {
    name: 'ext',
    namespace: 'ns',
    uid: 'uid-ep-ext',
    labels: { team: 'a' },
    annotations: {
      note: 'kept',
      'endpoints.kubernetes.io/last-change-trigger-time': '2024-01-01T00:00:00Z',
      'kubectl.kubernetes.io/last-applied-configuration': '{}',
    },
    ...extra,
  },
  subsets: [
    {
      addresses: [{ ip: '192.0.2.11', hostname: 'db-1' }, { ip: '192.0.2.10', nodeName: 'node-1' }, { ip: '2001:DB8::1' }],
      notReadyAddresses: [{ ip: '192.0.2.12' }, { ip: 'not-an-ip' }],
      ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
    },
  ],
});

const selectorless = service('ext', { selector: null });

describe('mirroredEndpointSlices', () => {
  it('mirrors a selector-less service\'s Endpoints: one slice per address type, ready from the list', () => {
    const meta = (name: string) => ({
      name,
      generateName: 'ext-',
      namespace: 'ns',
      labels: {
        'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
        'kubernetes.io/service-name': 'ext',
        team: 'a',
      },
      annotations: { note: 'kept' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: 'ext', uid: 'uid-ep-ext', controller: true, blockOwnerDeletion: true }],
    });
    const ports = [{ name: 'pg', protocol: 'TCP', port: 5432 }];
    expect(mirroredEndpointSlices(userEndpoints(), selectorless)).toEqual([
      {
        kind: 'EndpointSlice',
        apiVersion: 'discovery.k8s.io/v1',
        metadata: meta('ext-grn8w'),
        addressType: 'IPv4',
        endpoints: [
          { addresses: ['192.0.2.10'], conditions: { ready: true }, nodeName: 'node-1' },
          { addresses: ['192.0.2.11'], conditions: { ready: true }, hostname: 'db-1' },
          { addresses: ['192.0.2.12'], conditions: { ready: false } },
        ],
        ports,
      },
      {
        kind: 'EndpointSlice',
        apiVersion: 'discovery.k8s.io/v1',
        metadata: meta('ext-wz6cp'),
        addressType: 'IPv6',
        endpoints: [{ addresses: ['2001:db8::1'], conditions: { ready: true } }],
        ports,
      },
    ]);
  });

  it('one slice per subset port set', () => {
    const ep = userEndpoints();
    ep.subsets = [
      { addresses: [{ ip: '192.0.2.1' }], ports: [{ name: 'a', port: 1, protocol: 'TCP' }] },
      { addresses: [{ ip: '192.0.2.2' }], ports: [{ name: 'a', port: 2, protocol: 'TCP' }] },
      { addresses: [{ ip: '192.0.2.3' }], ports: [{ name: 'a', port: 1, protocol: 'TCP' }] },
    ];
    const slices = mirroredEndpointSlices(ep, selectorless);
    expect(slices.map((s) => [s.ports, s.endpoints!.map((e) => e.addresses[0])])).toEqual([
      [[{ name: 'a', protocol: 'TCP', port: 1 }], ['192.0.2.1', '192.0.2.3']],
      [[{ name: 'a', protocol: 'TCP', port: 2 }], ['192.0.2.2']],
    ]);
  });

  it('caps each subset at maxEndpointsPerSubset addresses, ready ones first', () => {
    const slices = mirroredEndpointSlices(userEndpoints(), selectorless, { maxEndpointsPerSubset: 2 });
    expect(slices.flatMap((s) => s.endpoints!.map((e) => e.addresses[0]))).toEqual(['192.0.2.10', '192.0.2.11']);
  });

  it('skips Endpoints marked skip-mirror, services with a selector, and missing services', () => {
    const skip = userEndpoints({ labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } });
    expect(mirroredEndpointSlices(skip, selectorless)).toEqual([]);
    expect(mirroredEndpointSlices(userEndpoints({ labels: { 'endpointslice.kubernetes.io/skip-mirror': 'false' } }), selectorless)).toHaveLength(2);
    expect(mirroredEndpointSlices(userEndpoints(), service('ext'))).toEqual([]);
    expect(mirroredEndpointSlices(userEndpoints(), undefined)).toEqual([]);
    const leader = userEndpoints({ annotations: { 'control-plane.alpha.kubernetes.io/leader': '{}' } });
    expect(mirroredEndpointSlices(leader, selectorless)).toEqual([]);
  });

  it('mirrors nothing for Endpoints without addresses', () => {
    const ep = userEndpoints();
    ep.subsets = [];
    expect(mirroredEndpointSlices(ep, selectorless)).toEqual([]);
  });
});
