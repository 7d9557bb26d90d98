import { describe, expect, it } from 'vitest';
import { desiredEndpointSlices } from '../../../domain/controllers/index.js';
import type { Node } from '../../../domain/objects.js';
import { pod, podRef, service } from './fixtures.js';

const meta = (name: string, labels: Record<string, string> = {}, svc = 'web') => ({
  name,
  generateName: `${svc}-`,
  namespace: 'ns',
  labels: { ...labels, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc },
  ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc, uid: `uid-svc-${svc}`, controller: true, blockOwnerDeletion: true }],
});
const ep = (name: string, ip: string, cond = { ready: true, serving: true, terminating: false }, extra: Record<string, unknown> = {}) => ({
  addresses: [ip],
  conditions: cond,
  ...extra,
  targetRef: podRef(name),
  nodeName: 'node-1',
});
const http = (port: number) => [{ name: 'http', protocol: 'TCP', port }];

describe('desiredEndpointSlices', () => {
  it('one IPv4 slice with ready, unready and terminating endpoints as upstream computes them', () => {
    const slices = desiredEndpointSlices(service('web', { labels: { app: 'web' } }), [
      pod('b', { ip: '10.244.1.3', ready: false }),
      pod('a', { ip: '10.244.1.2' }),
      pod('c', { ip: '10.244.1.4', deleting: true }),
      pod('d', { ip: '10.244.1.5', deleting: true, ready: false }),
      pod('done', { ip: '10.244.1.6', phase: 'Succeeded' }),
      pod('noip'),
      pod('other', { ip: '10.244.1.7', ns: 'elsewhere' }),
    ]);
    expect(slices).toEqual([
      {
        kind: 'EndpointSlice',
        apiVersion: 'discovery.k8s.io/v1',
        metadata: meta('web-77l6g', { app: 'web' }),
        addressType: 'IPv4',
        endpoints: [
          ep('a', '10.244.1.2'),
          ep('b', '10.244.1.3', { ready: false, serving: false, terminating: false }),
          ep('c', '10.244.1.4', { ready: false, serving: true, terminating: true }),
          ep('d', '10.244.1.5', { ready: false, serving: false, terminating: true }),
        ],
        ports: http(8080),
      },
    ]);
  });

  it('publishNotReadyAddresses makes every endpoint ready, terminating ones included', () => {
    const [slice] = desiredEndpointSlices(service('web', { publishNotReadyAddresses: true }), [
      pod('a', { ip: '10.244.1.2', ready: false }),
      pod('b', { ip: '10.244.1.3', deleting: true }),
    ]);
    expect(slice!.endpoints).toEqual([
      ep('a', '10.244.1.2', { ready: true, serving: false, terminating: false }),
      ep('b', '10.244.1.3', { ready: true, serving: true, terminating: true }),
    ]);
  });

  it('pods resolving a named targetPort to different numbers go to different slices', () => {
    const svc = service('web', { ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 'web' }] });
    const slices = desiredEndpointSlices(svc, [
      pod('a', { ip: '10.244.1.2', ports: [{ name: 'web', containerPort: 8080, protocol: 'TCP' }] }),
      pod('b', { ip: '10.244.1.3', ports: [{ name: 'web', containerPort: 9090, protocol: 'TCP' }] }),
      pod('none', { ip: '10.244.1.4' }),
    ]);
    // Groups are ordered by PortMapKey; a pod lacking the named port still gets a port-less slice.
    expect(slices.map((s) => ({ name: s.metadata.name, ports: s.ports, ips: s.endpoints!.map((e) => e.addresses[0]) }))).toEqual([
      { name: 'web-77l6g', ports: http(8080), ips: ['10.244.1.2'] },
      { name: 'web-xbtgr', ports: [], ips: ['10.244.1.4'] },
      { name: 'web-l8ngs', ports: http(9090), ips: ['10.244.1.3'] },
    ]);
  });

  it('headless: labelled, hostname set by the subdomain rule', () => {
    const svc = service('nginx', { clusterIP: 'None', clusterIPs: ['None'] });
    const slices = desiredEndpointSlices(svc, [
      pod('web-0', { ip: '10.244.1.2', hostname: 'web-0', subdomain: 'nginx' }),
      pod('web-1', { ip: '10.244.1.3', hostname: 'web-1', subdomain: 'other' }),
    ]);
    expect(slices).toEqual([
      {
        kind: 'EndpointSlice',
        apiVersion: 'discovery.k8s.io/v1',
        metadata: meta('nginx-hlpbn', { 'service.kubernetes.io/headless': '' }, 'nginx'),
        addressType: 'IPv4',
        endpoints: [ep('web-0', '10.244.1.2', undefined, { hostname: 'web-0' }), ep('web-1', '10.244.1.3')],
        ports: http(8080),
      },
    ]);
  });

  it('dual-stack service: one slice per family, primary family first, addresses canonicalised', () => {
    const svc = service('web', { clusterIPs: ['10.96.0.50', 'fd00:10:96::50'], ipFamilies: ['IPv4', 'IPv6'] });
    const slices = desiredEndpointSlices(svc, [
      pod('a', { ips: ['10.244.1.2', 'FD00:10:244:1:0:0:0:2'] }),
      pod('v4only', { ips: ['10.244.1.3'] }),
    ]);
    expect(slices.map((s) => [s.metadata.name, s.addressType, s.endpoints!.map((e) => e.addresses)])).toEqual([
      ['web-77l6g', 'IPv4', [['10.244.1.2'], ['10.244.1.3']]],
      ['web-jlpbq', 'IPv6', [['fd00:10:244:1::2']]],
    ]);
  });

  it('splits more than maxEndpointsPerSlice endpoints over several slices, in address order', () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(`p${i}`, { ip: `10.244.${Math.floor(i / 100)}.${(i % 100) + 1}` }));
    const slices = desiredEndpointSlices(service('web'), pods);
    const allIPs = pods.map((p) => p.status!.podIP!).sort();
    expect(slices.map((s) => s.metadata.name)).toEqual(['web-77l6g', 'web-xbtgr']);
    expect(slices.map((s) => s.endpoints!.length)).toEqual([100, 50]);
    expect(slices.flatMap((s) => s.endpoints!.map((e) => e.addresses[0]))).toEqual(allIPs);
    expect(desiredEndpointSlices(service('web'), pods, { maxEndpointsPerSlice: 50 }).map((s) => s.endpoints!.length)).toEqual([50, 50, 50]);
  });

  it('keeps one empty placeholder slice per address type when nothing is selected', () => {
    const svc = service('web', { clusterIPs: ['10.96.0.50', 'fd00:10:96::50'], ipFamilies: ['IPv4', 'IPv6'] });
    const slices = desiredEndpointSlices(svc, [pod('a', { ip: '10.244.1.2', ready: false, phase: 'Failed' })]);
    expect(slices).toEqual([
      { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', metadata: meta('web-77l6g'), addressType: 'IPv4', endpoints: [], ports: [] },
      { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', metadata: meta('web-jlpbq'), addressType: 'IPv6', endpoints: [], ports: [] },
    ]);
  });

  it('orders ports by their PortMapKey hash, names unnamed ports "", copies appProtocol', () => {
    const svc = service('kube-dns', {
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 },
        { name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53 },
        { name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153, appProtocol: 'http' },
      ],
    });
    const [slice] = desiredEndpointSlices(svc, [pod('coredns', { labels: { 'k8s-app': 'kube-dns' }, ip: '10.244.0.2' })]);
    expect(slice!.ports).toEqual([
      { name: 'dns', protocol: 'UDP', port: 53 },
      { name: 'dns-tcp', protocol: 'TCP', port: 53 },
      { name: 'metrics', protocol: 'TCP', port: 9153, appProtocol: 'http' },
    ]);
    const [unnamed] = desiredEndpointSlices(service('web', { ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }] }), [pod('a', { ip: '10.244.1.2' })]);
    expect(unnamed!.ports).toEqual([{ name: '', protocol: 'TCP', port: 80 }]);
  });

  it('takes the zone from the node and skips pods on unknown nodes', () => {
    const nodes = new Map<string, Node>([['node-1', { metadata: { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'z1' } } }]]);
    const pods = [pod('a', { ip: '10.244.1.2' }), pod('lost', { ip: '10.244.9.2', node: 'gone' })];
    const [slice] = desiredEndpointSlices(service('web'), pods, { nodes });
    expect(slice!.endpoints).toEqual([ep('a', '10.244.1.2', undefined, { zone: 'z1' })]);
    // publishNotReadyAddresses keeps the pod whose node is missing.
    const [kept] = desiredEndpointSlices(service('web', { publishNotReadyAddresses: true }), pods, { nodes });
    expect(kept!.endpoints!.map((e) => e.targetRef!.name)).toEqual(['a', 'lost']);
  });

  it('trafficDistribution PreferClose hints each ready endpoint for its own zone (trafficdist.ReconcileHints)', () => {
    const nodes = new Map<string, Node>([
      ['node-1', { metadata: { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'z1' } } }],
      ['node-2', { metadata: { name: 'node-2' } }],
    ]);
    const pods = [pod('a', { ip: '10.244.1.2' }), pod('b', { ip: '10.244.1.3', ready: false }), pod('c', { ip: '10.244.2.2', node: 'node-2' })];
    const [close] = desiredEndpointSlices(service('web', { trafficDistribution: 'PreferClose' }), pods, { nodes });
    const byName = new Map(close!.endpoints!.map((e) => [e.targetRef!.name, e]));
    expect(byName.get('a')).toMatchObject({ zone: 'z1', hints: { forZones: [{ name: 'z1' }] } });
    // Not ready: no hint; no zone label: neither zone nor hint.
    expect(byName.get('b')!.zone).toBe('z1');
    expect(byName.get('b')!.hints).toBeUndefined();
    expect(byName.get('c')!.zone).toBeUndefined();
    expect(byName.get('c')!.hints).toBeUndefined();
    // Upstream's field order: …, nodeName, zone, hints.
    expect(Object.keys(byName.get('a')!)).toEqual(['addresses', 'conditions', 'targetRef', 'nodeName', 'zone', 'hints']);
    // Without it, or when the topology-mode annotation asks for the topology cache: no hints.
    const [plain] = desiredEndpointSlices(service('web'), pods, { nodes });
    expect(plain!.endpoints!.some((e) => e.hints)).toBe(false);
    const auto = service('web', { trafficDistribution: 'PreferClose' });
    auto.metadata.annotations = { 'service.kubernetes.io/topology-mode': 'Auto' };
    expect(desiredEndpointSlices(auto, pods, { nodes })[0]!.endpoints!.some((e) => e.hints)).toBe(false);
  });

  it("keeps a pod whose node is missing when asked to (missingNodes: 'keep', the reactor's choice)", () => {
    const pods = [pod('lost', { ip: '10.244.9.2', node: 'gone' })];
    expect(desiredEndpointSlices(service('web'), pods, { nodes: new Map() })[0]!.endpoints).toEqual([]);
    expect(desiredEndpointSlices(service('web'), pods, { nodes: new Map(), missingNodes: 'keep' })[0]!.endpoints!.map((e) => e.targetRef!.name)).toEqual(['lost']);
  });

  it('truncates long service names as generateName does (58 + 5 characters)', () => {
    const long = 'a'.repeat(63);
    const [slice] = desiredEndpointSlices(service(long), []);
    expect(slice!.metadata.generateName).toBe(`${long}-`);
    expect(slice!.metadata.name).toMatch(/^a{58}[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('is empty for services the controller does not manage', () => {
    expect(desiredEndpointSlices(service('ext', { selector: null }), [pod('a', { ip: '10.244.1.2' })])).toEqual([]);
  });

  it('is deterministic: same input, same slices', () => {
    const pods = [pod('b', { ip: '10.244.1.3' }), pod('a', { ip: '10.244.1.2' })];
    expect(desiredEndpointSlices(service('web'), pods)).toEqual(desiredEndpointSlices(service('web'), [...pods].reverse()));
  });
});
