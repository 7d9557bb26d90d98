import { describe, expect, it } from 'vitest';
import { desiredEndpoints } from '../../../domain/controllers/index.js';
import { truncateSubsets } from '../../../domain/controllers/endpointsController.js';
import { pod, podRef, service } from './fixtures.js';

const addr = (name: string, ip: string, extra: Record<string, unknown> = {}) => ({ ip, ...extra, nodeName: 'node-1', targetRef: podRef(name) });

describe('desiredEndpoints', () => {
  it('puts ready pods in addresses and unready ones in notReadyAddresses, in one subset', () => {
    const eps = desiredEndpoints(service('web'), [
      pod('b', { ip: '10.244.1.3' }),
      pod('a', { ip: '10.244.1.2' }),
      pod('c', { ip: '10.244.1.4', ready: false }),
    ]);
    expect(eps).toEqual({
      kind: 'Endpoints',
      apiVersion: 'v1',
      metadata: { name: 'web', namespace: 'ns' },
      subsets: [
        {
          addresses: [addr('a', '10.244.1.2'), addr('b', '10.244.1.3')],
          notReadyAddresses: [addr('c', '10.244.1.4')],
          ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        },
      ],
    });
  });

  it('drops terminating pods, terminal pods, pods without IP and pods of other namespaces', () => {
    const eps = desiredEndpoints(service('web'), [
      pod('keep', { ip: '10.244.1.2' }),
      pod('deleting', { ip: '10.244.1.3', deleting: true }),
      pod('done', { ip: '10.244.1.4', phase: 'Succeeded' }),
      pod('failed', { ip: '10.244.1.5', phase: 'Failed' }),
      pod('noip', {}),
      pod('other', { ip: '10.244.1.6', ns: 'elsewhere' }),
      pod('unlabelled', { ip: '10.244.1.7', labels: { app: 'db' } }),
    ]);
    expect(eps?.subsets).toEqual([{ addresses: [addr('keep', '10.244.1.2')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] }]);
  });

  it('with publishNotReadyAddresses lists unready and terminating pods as ready addresses', () => {
    const eps = desiredEndpoints(service('web', { publishNotReadyAddresses: true }), [
      pod('a', { ip: '10.244.1.2', ready: false }),
      pod('b', { ip: '10.244.1.3', deleting: true }),
    ]);
    expect(eps?.subsets).toEqual([
      { addresses: [addr('a', '10.244.1.2'), addr('b', '10.244.1.3')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
    ]);
  });

  it('resolves a named targetPort per pod and splits subsets by the resolved port', () => {
    const svc = service('web', { ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'web' }] });
    const eps = desiredEndpoints(svc, [
      pod('a', { ip: '10.244.1.2', ports: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }] }),
      pod('b', { ip: '10.244.1.3', ports: [{ name: 'web', containerPort: 9090, protocol: 'TCP' }] }),
      pod('c', { ip: '10.244.1.4', ports: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }] }),
      pod('udp-only', { ip: '10.244.1.5', ports: [{ name: 'web', containerPort: 8080, protocol: 'UDP' }] }),
      pod('none', { ip: '10.244.1.6' }),
    ]);
    // Subsets are ordered by the md5 of their Go rendering, as SortSubsets does.
    expect(eps?.subsets).toEqual([
      { addresses: [addr('a', '10.244.1.2'), addr('c', '10.244.1.4')], ports: [{ name: 'http', port: 8080, protocol: 'TCP' }] },
      { addresses: [addr('b', '10.244.1.3')], ports: [{ name: 'http', port: 9090, protocol: 'TCP' }] },
    ]);
  });

  it('orders ports as kube-controller-manager does for kube-dns (dns-tcp, dns, metrics)', () => {
    const svc = service('kube-dns', {
      ns: 'kube-system',
      selector: { 'k8s-app': 'kube-dns' },
      clusterIP: '10.96.0.10',
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153 },
      ],
    });
    const eps = desiredEndpoints(svc, [pod('coredns', { ns: 'kube-system', labels: { 'k8s-app': 'kube-dns' }, ip: '10.244.0.2' })]);
    expect(eps?.subsets?.[0]?.ports).toEqual([
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ]);
  });

  it('sets hostname only when the pod names this service as its subdomain', () => {
    const svc = service('nginx', { clusterIP: 'None', clusterIPs: ['None'] });
    const eps = desiredEndpoints(svc, [
      pod('web-0', { ip: '10.244.1.2', hostname: 'web-0', subdomain: 'nginx' }),
      pod('web-1', { ip: '10.244.1.3', hostname: 'web-1', subdomain: 'other' }),
      pod('web-2', { ip: '10.244.1.4', subdomain: 'nginx' }),
    ]);
    expect(eps).toEqual({
      kind: 'Endpoints',
      apiVersion: 'v1',
      metadata: { name: 'nginx', namespace: 'ns', labels: { 'service.kubernetes.io/headless': '' } },
      subsets: [
        {
          addresses: [addr('web-0', '10.244.1.2', { hostname: 'web-0' }), addr('web-1', '10.244.1.3'), addr('web-2', '10.244.1.4')],
          ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
        },
      ],
    });
  });

  it('copies service labels, drops a stray headless label on a service with a cluster IP', () => {
    const eps = desiredEndpoints(service('web', { labels: { app: 'web', 'service.kubernetes.io/headless': '' } }), []);
    expect(eps).toEqual({ kind: 'Endpoints', apiVersion: 'v1', metadata: { name: 'web', namespace: 'ns', labels: { app: 'web' } } });
  });

  it('headless service without ports gets port-less subsets', () => {
    const svc = service('db', { clusterIP: 'None', clusterIPs: ['None'], ports: [] });
    const eps = desiredEndpoints(svc, [pod('a', { ip: '10.244.1.2' }), pod('b', { ip: '10.244.1.3', ready: false })]);
    expect(eps?.subsets).toEqual([{ addresses: [addr('a', '10.244.1.2')], notReadyAddresses: [addr('b', '10.244.1.3')] }]);
  });

  it('takes the address of the primary family from dual-stack pods', () => {
    const svc = service('web', { clusterIP: 'fd00:10:96::1', clusterIPs: ['fd00:10:96::1', '10.96.0.1'], ipFamilies: ['IPv6', 'IPv4'] });
    const eps = desiredEndpoints(svc, [pod('a', { ips: ['10.244.1.2', 'fd00:10:244:1::2'] })]);
    expect(eps?.subsets?.[0]?.addresses?.map((a) => a.ip)).toEqual(['fd00:10:244:1::2']);
  });

  it('is undefined for selector-less and ExternalName services (their Endpoints are the user\'s)', () => {
    expect(desiredEndpoints(service('ext', { selector: null }), [pod('a', { ip: '10.244.1.2' })])).toBeUndefined();
    expect(desiredEndpoints(service('ext', { selector: {} }), [pod('a', { ip: '10.244.1.2' })])).toBeUndefined();
    const ext = service('ext');
    ext.spec!.type = 'ExternalName';
    expect(desiredEndpoints(ext, [pod('a', { ip: '10.244.1.2' })])).toBeUndefined();
  });

  it('stamps the trigger time only when asked', () => {
    const eps = desiredEndpoints(service('web'), [], { now: '2024-05-01T10:00:00Z' });
    expect(eps?.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': '2024-05-01T10:00:00Z' });
  });

  it('truncates to 1000 addresses, ready first, and marks the Endpoints over capacity', () => {
    const pods = [];
    for (let i = 0; i < 1100; i++) pods.push(pod(`p${i}`, { ip: `10.244.${Math.floor(i / 250)}.${(i % 250) + 1}`, ready: i >= 50 }));
    const eps = desiredEndpoints(service('web'), pods)!;
    expect(eps.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/over-capacity': 'truncated' });
    expect(eps.subsets).toHaveLength(1);
    const s = eps.subsets![0]!;
    // 1050 ready > 1000: ready ones are cut to 1000 (in address order) and unready ones dropped.
    expect(s.addresses).toHaveLength(1000);
    expect(s.notReadyAddresses).toBeUndefined();
    // Addresses are sorted by their text (bytes.Compare), then the first 1000 kept.
    const readyIPs = pods.filter((_, i) => i >= 50).map((p) => p.status!.podIP!).sort();
    expect(s.addresses!.map((a) => a.ip)).toEqual(readyIPs.slice(0, 1000));
    expect(s.addresses![0]!.ip).toBe('10.244.0.100');
  });

  it('truncates only unready addresses when the ready ones fit', () => {
    const pods = [];
    for (let i = 0; i < 1001; i++) pods.push(pod(`p${i}`, { ip: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`, ready: i < 900 }));
    const eps = desiredEndpoints(service('web'), pods)!;
    expect(eps.metadata.annotations?.['endpoints.kubernetes.io/over-capacity']).toBe('truncated');
    expect(eps.subsets![0]!.addresses).toHaveLength(900);
    expect(eps.subsets![0]!.notReadyAddresses).toHaveLength(100);
    expect(desiredEndpoints(service('web'), pods.slice(0, 1000))!.metadata.annotations).toBeUndefined();
  });
});

describe('truncateSubsets (truncateEndpoints)', () => {
  const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ ip: `${prefix}.${i}` }));

  it('shares the ready budget between subsets in proportion, rounding up', () => {
    const subsets = [{ addresses: many('a', 600) }, { addresses: many('b', 600), notReadyAddresses: many('c', 5) }];
    expect(truncateSubsets(subsets)).toBe(true);
    expect(subsets.map((s) => [s.addresses.length, s.notReadyAddresses?.length])).toEqual([
      [500, undefined],
      [500, undefined],
    ]);
  });

  it('keeps every ready address and shares what is left among the unready ones', () => {
    const subsets = [
      { addresses: many('a', 300), notReadyAddresses: many('b', 500) },
      { addresses: many('c', 200), notReadyAddresses: many('d', 300) },
    ];
    expect(truncateSubsets(subsets)).toBe(true);
    // 500 left for 800 unready: ceil(500/800*500) = 313, then the remaining 187.
    expect(subsets.map((s) => [s.addresses.length, s.notReadyAddresses.length])).toEqual([
      [300, 313],
      [200, 187],
    ]);
  });
});
