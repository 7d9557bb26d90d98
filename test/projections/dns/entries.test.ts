// The table itself: key grammar, value shapes, merge, and unit fan-out.

import { describe, expect, it } from 'vitest';
import { dnsProjection } from '../../../projections/dns/index.js';
import { ask } from './ask.js';
import { buildTable } from './fold.js';
import { richCluster } from './fixture.js';
import { makeView, service, slice } from './view.js';

describe('entries', () => {
  const table = buildTable(dnsProjection, richCluster());

  it('RRsets are `<fqdn>/<TYPE>` → {ttl, records}; the SOA carries no serial', () => {
    expect(table.get('kubernetes.default.svc.cluster.local./A')).toEqual({ ttl: 5, records: ['10.3.0.1'] });
    expect(table.get('cluster.local./SOA')).toEqual({
      ttl: 5,
      records: [{ mname: 'ns.dns.cluster.local.', rname: 'hostmaster.cluster.local.', refresh: 7200, retry: 1800, expire: 86400, minimum: 5 }],
    });
    expect(table.get('_https._tcp.kubernetes.default.svc.cluster.local./SRV')).toEqual({
      ttl: 5,
      records: [{ priority: 0, weight: 100, port: 443, target: 'kubernetes.default.svc.cluster.local.' }],
    });
    expect(table.get('1.0.3.10.in-addr.arpa./PTR')).toEqual({ ttl: 5, records: ['kubernetes.default.svc.cluster.local.'], clusterIP: true });
    expect(table.get('dns-version.cluster.local./TXT')).toEqual({ ttl: 28800, records: ['1.1.0'] });
  });

  it('A records are in address order, not string order', () => {
    expect(table.get('headless.default.svc.cluster.local./A')).toEqual({ ttl: 5, records: ['10.3.0.3', '10.3.0.100', '10.3.0.101'] });
  });

  it('existence facts for empty non-terminals', () => {
    for (const name of ['svc.cluster.local.', 'pod.cluster.local.', 'default.svc.cluster.local.', 'empty-ns.svc.cluster.local.']) {
      expect(table.get(`${name}/EXISTS`)).toBe(true);
    }
    expect(table.has('default.pod.cluster.local./EXISTS')).toBe(false); // pods disabled
    expect([...table.keys()].every((k) => /^[a-z0-9_.:-]+\.\/(SOA|NS|A|AAAA|CNAME|PTR|SRV|TXT|EXISTS|PODS)$/.test(k))).toBe(true);
  });

  it('every contribution is cluster-scoped in table dns', () => {
    const view = richCluster({ dnsPods: 'verified' });
    for (const unit of dnsProjection.allUnits(view)) {
      for (const c of dnsProjection.compute(unit, view)) expect([c.table, c.scope]).toEqual(['dns', '']);
    }
  });
});

describe('merge', () => {
  it('two services whose endpoints share an IP → one PTR RRset with both targets, sorted', () => {
    const view = makeView({
      namespaces: ['ns'],
      services: [service('ns', 'b', { clusterIP: 'None' }), service('ns', 'a', { clusterIP: 'None' })],
      slices: [slice('ns', 'b', 'b-1', 'IPv4', [{ ip: '10.244.0.7' }]), slice('ns', 'a', 'a-1', 'IPv4', [{ ip: '10.244.0.7', hostname: 'web' }])],
    });
    const t = buildTable(dnsProjection, view);
    expect(t.get('7.0.244.10.in-addr.arpa./PTR')).toEqual({ ttl: 5, records: ['10-244-0-7.b.ns.svc.cluster.local.', 'web.a.ns.svc.cluster.local.'] });
    expect(t.get('ns.svc.cluster.local./EXISTS')).toBe(true);
  });
  it('a ClusterIP PTR wins over an endpoint PTR for the same address', () => {
    const merged = dnsProjection.merge!('dns', '1.0.0.10.in-addr.arpa./PTR', [
      { ttl: 5, records: ['ep.a.ns.svc.cluster.local.'] },
      { ttl: 5, records: ['b.ns.svc.cluster.local.'], clusterIP: true },
    ]);
    expect(merged).toEqual({ ttl: 5, records: ['b.ns.svc.cluster.local.'], clusterIP: true });
  });
  it('merge is order-independent', () => {
    const a = { ttl: 5, records: ['10.0.0.2'] };
    const b = { ttl: 5, records: ['10.0.0.10', '10.0.0.2'] };
    expect(JSON.stringify(dnsProjection.merge!('dns', 'x.ns.pod.cluster.local./A', [a, b]))).toBe(
      JSON.stringify(dnsProjection.merge!('dns', 'x.ns.pod.cluster.local./A', [b, a])),
    );
  });
  it('two pods with one IP (hostNetwork) share the pod record', () => {
    const view = makeView({
      config: { dnsPods: 'verified' },
      namespaces: ['ns'],
      pods: [
        { metadata: { namespace: 'ns', name: 'p1' }, status: { podIP: '192.168.1.10' } },
        { metadata: { namespace: 'ns', name: 'p2' }, status: { podIP: '192.168.1.10' } },
      ],
    });
    const t = buildTable(dnsProjection, view);
    expect(t.get('192-168-1-10.ns.pod.cluster.local./A')).toEqual({ ttl: 5, records: ['192.168.1.10'] });
    expect(ask(t, '192-168-1-10.ns.pod.cluster.local.', 'A').answers).toEqual(['192-168-1-10.ns.pod.cluster.local.\t5\tIN\tA\t192.168.1.10']);
  });
});

describe('unitsAffected', () => {
  const view = richCluster({ dnsPods: 'verified' });
  const units = (change: Parameters<typeof dnsProjection.unitsAffected>[0]) => [...dnsProjection.unitsAffected(change, view)];
  it('fans out as the reference says', () => {
    expect(units({ kind: 'Service', namespace: 'testns', name: 'svc1' })).toEqual(['svc:testns/svc1']);
    expect(units({ kind: 'Namespace', namespace: '', name: 'testns' })).toEqual(['ns:testns']);
    expect(units({ kind: 'Pod', namespace: 'testns', name: 'p' })).toEqual(['pod:testns/p']);
    expect(units({ kind: 'Node', namespace: '', name: 'node-1' })).toEqual([]);
    const before = slice('testns', 'old', 's', 'IPv4', []);
    const after = slice('testns', 'new', 's', 'IPv4', []);
    expect(units({ kind: 'EndpointSlice', namespace: 'testns', name: 's', before, after })).toEqual(['svc:testns/old', 'svc:testns/new']);
    expect(units({ kind: 'ClusterNetworkConfig', namespace: '', name: 'cluster' })).toEqual([...dnsProjection.allUnits(view)]);
  });
  it('pod changes touch nothing unless pods are verified', () => {
    const disabled = richCluster();
    expect([...dnsProjection.unitsAffected({ kind: 'Pod', namespace: 'testns', name: 'p' }, disabled)]).toEqual([]);
  });
});
