// Record formats of the Kubernetes DNS spec 1.1.0 (reference §1.2) as CoreDNS answers them
// (priority 0, weight floor(100/N), TTL = dnsTTL), through answerQuery.

import { describe, expect, it } from 'vitest';
import { dnsProjection } from '../../../projections/dns/index.js';
import { ask, nodata, nxdomain, ok } from './ask.js';
import { buildTable } from './fold.js';
import { richCluster, richClusterInput } from './fixture.js';
import { makeView, service, slice } from './view.js';

const table = buildTable(dnsProjection, richCluster());
const IP6_PTR_2001_DB8__1 = '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.';

describe('spec §2.2–2.3: schema version and ClusterIP services', () => {
  it('dns-version TXT is "1.1.0" with TTL 28800', () => {
    expect(ask(table, 'dns-version.cluster.local.', 'TXT')).toEqual(ok(['dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"']));
  });
  it('A from the ClusterIP', () => {
    expect(ask(table, 'kubernetes.default.svc.cluster.local.', 'A')).toEqual(ok(['kubernetes.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.1']));
  });
  it('named-port SRV points at the service name, with the A record as additional', () => {
    expect(ask(table, '_https._tcp.kubernetes.default.svc.cluster.local.', 'SRV')).toEqual(
      ok(
        ['_https._tcp.kubernetes.default.svc.cluster.local.\t5\tIN\tSRV\t0 100 443 kubernetes.default.svc.cluster.local.'],
        ['kubernetes.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.1'],
      ),
    );
  });
  it('PTR of the ClusterIP', () => {
    expect(ask(table, '1.0.3.10.in-addr.arpa.', 'PTR')).toEqual(ok(['1.0.3.10.in-addr.arpa.\t5\tIN\tPTR\tkubernetes.default.svc.cluster.local.']));
  });
  it('bare-name SRV lists every port, unnamed ones too (CoreDNS), weight floor(100/2)', () => {
    expect(ask(table, 'svc1.testns.svc.cluster.local.', 'SRV')).toEqual(
      ok(
        [
          'svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 50 80 svc1.testns.svc.cluster.local.',
          'svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 50 8080 svc1.testns.svc.cluster.local.',
        ],
        ['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.96.0.20'],
      ),
    );
  });
  it('A on a _port._proto name answers the addresses (CoreDNS quirk); unknown ports are NXDOMAIN', () => {
    expect(ask(table, '_http._tcp.svc1.testns.svc.cluster.local.', 'A')).toEqual(ok(['_http._tcp.svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.96.0.20']));
    expect(ask(table, '_https._tcp.svc1.testns.svc.cluster.local.', 'SRV')).toEqual(nxdomain);
    expect(ask(table, '_http._udp.svc1.testns.svc.cluster.local.', 'SRV')).toEqual(nxdomain);
  });
  it('port and protocol labels without their underscores ask the same (CoreDNS stripUnderscore); the owner is the question', () => {
    for (const name of ['https.tcp.kubernetes.default.svc.cluster.local.', '_https.tcp.kubernetes.default.svc.cluster.local.', 'https._tcp.kubernetes.default.svc.cluster.local.']) {
      expect(ask(table, name, 'SRV')).toEqual(ok([`${name}\t5\tIN\tSRV\t0 100 443 kubernetes.default.svc.cluster.local.`], ['kubernetes.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.1']));
    }
    expect(ask(table, 'http.tcp.svc1.testns.svc.cluster.local.', 'A')).toEqual(ok(['http.tcp.svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.96.0.20']));
    expect(ask(table, 'http.udp.svc1.testns.svc.cluster.local.', 'SRV')).toEqual(nxdomain);
  });
  it('dual-stack: A and AAAA from spec.clusterIPs, one SRV of weight 50 with both glue records', () => {
    expect(ask(table, 'dual.testns.svc.cluster.local.', 'A')).toEqual(ok(['dual.testns.svc.cluster.local.\t5\tIN\tA\t10.96.0.30']));
    expect(ask(table, 'dual.testns.svc.cluster.local.', 'AAAA')).toEqual(ok(['dual.testns.svc.cluster.local.\t5\tIN\tAAAA\tfd00:10:96::30']));
    expect(ask(table, '_dns._udp.dual.testns.svc.cluster.local.', 'SRV')).toEqual(
      ok(
        ['_dns._udp.dual.testns.svc.cluster.local.\t5\tIN\tSRV\t0 50 53 dual.testns.svc.cluster.local.'],
        ['dual.testns.svc.cluster.local.\t5\tIN\tA\t10.96.0.30', 'dual.testns.svc.cluster.local.\t5\tIN\tAAAA\tfd00:10:96::30'],
      ),
    );
    expect(ask(table, '0.3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa.', 'PTR').answers).toEqual([
      '0.3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa.\t5\tIN\tPTR\tdual.testns.svc.cluster.local.',
    ]);
  });
  it('endpoint names and endpoint PTRs exist under ClusterIP services too (CoreDNS)', () => {
    expect(ask(table, '10-244-1-5.svc1.testns.svc.cluster.local.', 'A')).toEqual(ok(['10-244-1-5.svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.244.1.5']));
    expect(ask(table, '5.1.244.10.in-addr.arpa.', 'PTR')).toEqual(ok(['5.1.244.10.in-addr.arpa.\t5\tIN\tPTR\t10-244-1-5.svc1.testns.svc.cluster.local.']));
    expect(ask(table, '10-244-1-5.svc1.testns.svc.cluster.local.', 'SRV').answers).toEqual([
      '10-244-1-5.svc1.testns.svc.cluster.local.\t5\tIN\tSRV\t0 100 8080 10-244-1-5.svc1.testns.svc.cluster.local.',
    ]);
  });
  it('a ClusterIP service without endpoints still answers; `ignore empty_service` makes it NXDOMAIN', () => {
    expect(ask(table, 'nopods.testns.svc.cluster.local.', 'A').answers).toEqual(['nopods.testns.svc.cluster.local.\t5\tIN\tA\t10.96.0.40']);
    const ignoring = buildTable(dnsProjection, richCluster({ dnsIgnoreEmptyService: true }));
    expect(ask(ignoring, 'nopods.testns.svc.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(ignoring, 'svc1.testns.svc.cluster.local.', 'A').answers).toEqual(['svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.96.0.20']);
    expect(ask(ignoring, '40.0.96.10.in-addr.arpa.', 'PTR').rcode).toBe('NOERROR');
  });
});

describe('spec §2.4: headless services', () => {
  it('one A per ready endpoint (unready excluded)', () => {
    expect(ask(table, 'headless.default.svc.cluster.local.', 'A')).toEqual(
      ok([
        'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.100',
        'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.101',
        'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.3',
      ]),
    );
    expect(ask(table, '10-3-0-9.headless.default.svc.cluster.local.', 'A')).toEqual(nxdomain);
  });
  it('per-endpoint A by hostname, else dashed IP', () => {
    expect(ask(table, 'my-pet.headless.default.svc.cluster.local.', 'A')).toEqual(ok(['my-pet.headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.100']));
    expect(ask(table, '10-3-0-3.headless.default.svc.cluster.local.', 'A')).toEqual(ok(['10-3-0-3.headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.3']));
  });
  it('N × M SRV records pointing at endpoint names, weight floor(100/3), A glue', () => {
    expect(ask(table, '_https._tcp.headless.default.svc.cluster.local.', 'SRV')).toEqual(
      ok(
        [
          '_https._tcp.headless.default.svc.cluster.local.\t5\tIN\tSRV\t0 33 443 10-3-0-3.headless.default.svc.cluster.local.',
          '_https._tcp.headless.default.svc.cluster.local.\t5\tIN\tSRV\t0 33 443 my-pet-2.headless.default.svc.cluster.local.',
          '_https._tcp.headless.default.svc.cluster.local.\t5\tIN\tSRV\t0 33 443 my-pet.headless.default.svc.cluster.local.',
        ],
        [
          '10-3-0-3.headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.3',
          'my-pet-2.headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.101',
          'my-pet.headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.100',
        ],
      ),
    );
  });
  it('endpoint PTR', () => {
    expect(ask(table, '100.0.3.10.in-addr.arpa.', 'PTR')).toEqual(ok(['100.0.3.10.in-addr.arpa.\t5\tIN\tPTR\tmy-pet.headless.default.svc.cluster.local.']));
  });
  it('IPv6 headless: AAAA per endpoint, ip6.arpa PTR, dashed IPv6 names with the trailing-0 rule, A is NODATA', () => {
    expect(ask(table, 'headless6.default.svc.cluster.local.', 'AAAA')).toEqual(
      ok([
        'headless6.default.svc.cluster.local.\t5\tIN\tAAAA\t2001:db8::1',
        'headless6.default.svc.cluster.local.\t5\tIN\tAAAA\t2001:db8::2',
        'headless6.default.svc.cluster.local.\t5\tIN\tAAAA\t2001:db8:3333:4444:5555:6666::',
      ]),
    );
    expect(ask(table, 'headless6.default.svc.cluster.local.', 'A')).toEqual(nodata);
    expect(ask(table, 'my-pet.headless6.default.svc.cluster.local.', 'AAAA').answers).toEqual(['my-pet.headless6.default.svc.cluster.local.\t5\tIN\tAAAA\t2001:db8::1']);
    expect(ask(table, '2001-db8--2.headless6.default.svc.cluster.local.', 'AAAA').answers).toEqual(['2001-db8--2.headless6.default.svc.cluster.local.\t5\tIN\tAAAA\t2001:db8::2']);
    expect(ask(table, '2001-db8-3333-4444-5555-6666--0.headless6.default.svc.cluster.local.', 'AAAA').answers).toEqual([
      '2001-db8-3333-4444-5555-6666--0.headless6.default.svc.cluster.local.\t5\tIN\tAAAA\t2001:db8:3333:4444:5555:6666::',
    ]);
    expect(ask(table, IP6_PTR_2001_DB8__1, 'PTR')).toEqual(ok([`${IP6_PTR_2001_DB8__1}\t5\tIN\tPTR\tmy-pet.headless6.default.svc.cluster.local.`]));
    // Port-less headless service: address records but no SRV (name exists → NODATA).
    expect(ask(table, 'headless6.default.svc.cluster.local.', 'SRV')).toEqual(nodata);
  });
  it('no ready endpoints → NXDOMAIN for every type', () => {
    expect(ask(table, 'lonely.testns.svc.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(table, 'lonely.testns.svc.cluster.local.', 'SRV')).toEqual(nxdomain);
    expect(ask(table, '_http._tcp.lonely.testns.svc.cluster.local.', 'SRV')).toEqual(nxdomain);
  });
  it('endpoint_pod_names names endpoints after their pods', () => {
    const named = buildTable(dnsProjection, richCluster({ dnsEndpointPodNames: true }));
    expect(ask(named, 'svc1-pod-0.svc1.testns.svc.cluster.local.', 'A').answers).toEqual(['svc1-pod-0.svc1.testns.svc.cluster.local.\t5\tIN\tA\t10.244.1.5']);
    expect(ask(named, '10-244-1-5.svc1.testns.svc.cluster.local.', 'A')).toEqual(nxdomain);
    // hostname still wins
    expect(ask(named, 'my-pet.headless.default.svc.cluster.local.', 'A').rcode).toBe('NOERROR');
  });
  it('endpoint_pod_names with a dotted pod name: the address still counts, its name in SRV targets (with glue) and PTRs, and no question of its own', () => {
    // Pod names are DNS subdomains: `web.1` is a valid one. CoreDNS keeps it as the endpoint name
    // (object/endpoint.go drops only names of 64 characters or more), so the service's records
    // hold the address, and a question for `web.1.<svc>…` parses as port `web`, protocol `1`.
    const view = richClusterInput({ dnsEndpointPodNames: true });
    view.services!.push(service('testns', 'dots', { clusterIP: 'None', clusterIPs: ['None'], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }));
    view.slices!.push(slice('testns', 'dots', 'dots-abc', 'IPv4', [{ ip: '10.244.2.3', pod: 'web.1' }, { ip: '10.244.2.4', pod: 'web-2' }, { ip: '10.244.2.5', pod: 'a.b.c' }], [{ name: 'http', port: 80 }]));
    const t = buildTable(dnsProjection, makeView(view));
    const all = ['10.244.2.3', '10.244.2.4', '10.244.2.5'];
    expect(ask(t, 'dots.testns.svc.cluster.local.', 'A').answers).toEqual(all.map((ip) => `dots.testns.svc.cluster.local.\t5\tIN\tA\t${ip}`));
    // findServices gives every endpoint's address for `_port._proto` A; plugin.SRV glues each target.
    expect(ask(t, '_http._tcp.dots.testns.svc.cluster.local.', 'A').answers).toEqual(all.map((ip) => `_http._tcp.dots.testns.svc.cluster.local.\t5\tIN\tA\t${ip}`));
    expect(ask(t, '_http._tcp.dots.testns.svc.cluster.local.', 'SRV')).toEqual(
      ok(
        ['a.b.c', 'web-2', 'web.1'].map((n) => `_http._tcp.dots.testns.svc.cluster.local.\t5\tIN\tSRV\t0 33 80 ${n}.dots.testns.svc.cluster.local.`),
        [['a.b.c', '10.244.2.5'], ['web-2', '10.244.2.4'], ['web.1', '10.244.2.3']].map(([n, ip]) => `${n}.dots.testns.svc.cluster.local.\t5\tIN\tA\t${ip}`),
      ),
    );
    expect(ask(t, '3.2.244.10.in-addr.arpa.', 'PTR')).toEqual(ok(['3.2.244.10.in-addr.arpa.\t5\tIN\tPTR\tweb.1.dots.testns.svc.cluster.local.']));
    // Two labels left of the service are port and protocol; three are too many (errInvalidRequest).
    expect(ask(t, 'web.1.dots.testns.svc.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, 'a.b.c.dots.testns.svc.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, 'a.b.c.dots.testns.svc.cluster.local.', 'SRV')).toEqual(nxdomain);
    expect(ask(t, 'web-2.dots.testns.svc.cluster.local.', 'A').answers).toEqual(['web-2.dots.testns.svc.cluster.local.\t5\tIN\tA\t10.244.2.4']);
  });
  it('endpoint PTRs come from any EndpointSlice: of an ExternalName service, or of no service at all (reverse.go)', () => {
    const view = richClusterInput();
    view.slices!.push(
      slice('default', 'foo', 'foo-manual', 'IPv4', [{ ip: '10.244.3.1' }], [{ name: 'http', port: 80 }]),
      slice('default', 'ghost', 'ghost-manual', 'IPv4', [{ ip: '10.244.3.2', hostname: 'one' }], [{ name: 'http', port: 80 }]),
    );
    const t = buildTable(dnsProjection, makeView(view));
    expect(ask(t, '1.3.244.10.in-addr.arpa.', 'PTR')).toEqual(ok(['1.3.244.10.in-addr.arpa.\t5\tIN\tPTR\t10-244-3-1.foo.default.svc.cluster.local.']));
    expect(ask(t, '2.3.244.10.in-addr.arpa.', 'PTR')).toEqual(ok(['2.3.244.10.in-addr.arpa.\t5\tIN\tPTR\tone.ghost.default.svc.cluster.local.']));
    // …but no forward names: an ExternalName has no endpoint names, a missing service no names.
    expect(ask(t, '10-244-3-1.foo.default.svc.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, 'one.ghost.default.svc.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, 'ghost.default.svc.cluster.local.', 'A')).toEqual(nxdomain);
  });
});

describe('spec §2.5: ExternalName', () => {
  it('A query → the CNAME (target out of zone, no upstream here)', () => {
    expect(ask(table, 'foo.default.svc.cluster.local.', 'A')).toEqual(ok(['foo.default.svc.cluster.local.\t5\tIN\tCNAME\twww.example.com.']));
    expect(ask(table, 'foo.default.svc.cluster.local.', 'CNAME')).toEqual(ok(['foo.default.svc.cluster.local.\t5\tIN\tCNAME\twww.example.com.']));
  });
  it('SRV/TXT on an ExternalName name are NODATA; sub-names NXDOMAIN', () => {
    expect(ask(table, 'foo.default.svc.cluster.local.', 'SRV')).toEqual(nodata);
    expect(ask(table, 'foo.default.svc.cluster.local.', 'TXT')).toEqual(nodata);
    expect(ask(table, '_http._tcp.foo.default.svc.cluster.local.', 'SRV')).toEqual(nxdomain);
  });
  it('in-zone targets are chased; a target without the asked family drops the CNAME (CoreDNS)', () => {
    expect(ask(table, 'alias.default.svc.cluster.local.', 'A')).toEqual(
      ok(['alias.default.svc.cluster.local.\t5\tIN\tCNAME\tkubernetes.default.svc.cluster.local.', 'kubernetes.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.1']),
    );
    expect(ask(table, 'alias.default.svc.cluster.local.', 'AAAA')).toEqual(nodata);
  });
  it('an IP-valued externalName yields nothing', () => {
    expect(ask(table, 'ipname.default.svc.cluster.local.', 'A')).toEqual(nxdomain);
  });
  it("an IP with a trailing dot is a name to Go's net.ParseIP: a CNAME (msg.Service HostType)", () => {
    const view = richClusterInput();
    view.services!.push(service('default', 'ipdot', { type: 'ExternalName', externalName: '1.2.3.4.' }));
    const t = buildTable(dnsProjection, makeView(view));
    expect(ask(t, 'ipdot.default.svc.cluster.local.', 'CNAME')).toEqual(ok(['ipdot.default.svc.cluster.local.\t5\tIN\tCNAME\t1.2.3.4.']));
  });
});

describe('TTLs', () => {
  it('dnsTTL drives records and the SOA (TTL min(T,300), MINIMUM T); dns-version stays 28800', () => {
    const t600 = buildTable(dnsProjection, richCluster({ dnsTTL: 600 }));
    expect(ask(t600, 'kubernetes.default.svc.cluster.local.', 'A').answers).toEqual(['kubernetes.default.svc.cluster.local.\t600\tIN\tA\t10.3.0.1']);
    expect(ask(t600, 'kubernetes.default.svc.cluster.local.', 'AAAA').authority).toEqual([
      'cluster.local.\t300\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 42 7200 1800 86400 600',
    ]);
    expect(ask(t600, 'dns-version.cluster.local.', 'TXT').answers).toEqual(['dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"']);
    const t0 = buildTable(dnsProjection, richCluster({ dnsTTL: 0 }));
    expect(ask(t0, '_https._tcp.kubernetes.default.svc.cluster.local.', 'SRV').answers).toEqual([
      '_https._tcp.kubernetes.default.svc.cluster.local.\t0\tIN\tSRV\t0 100 443 kubernetes.default.svc.cluster.local.',
    ]);
  });
});

describe('case', () => {
  it('matching is case-insensitive; owners are the question as sent, synthesised names take its zone spelling', () => {
    expect(ask(table, '_HTTPS._tcp.Kubernetes.default.svc.Cluster.Local.', 'SRV')).toEqual(
      ok(
        ['_HTTPS._tcp.Kubernetes.default.svc.Cluster.Local.\t5\tIN\tSRV\t0 100 443 kubernetes.default.svc.Cluster.Local.'],
        ['kubernetes.default.svc.Cluster.Local.\t5\tIN\tA\t10.3.0.1'],
      ),
    );
  });
  it("the SOA's owner, MNAME and RNAME take the zone as the question spelled it (backend_lookup.go SOA), in the reverse zones too", () => {
    expect(ask(table, 'Nope.default.svc.Cluster.Local.', 'A').authority).toEqual(['Cluster.Local.\t5\tIN\tSOA\tns.dns.Cluster.Local. hostmaster.Cluster.Local. 42 7200 1800 86400 5']);
    expect(ask(table, '9.9.9.9.IN-ADDR.arpa.', 'PTR').authority).toEqual(['IN-ADDR.arpa.\t5\tIN\tSOA\tns.dns.IN-ADDR.arpa. hostmaster.IN-ADDR.arpa. 42 7200 1800 86400 5']);
    expect(ask(table, 'IN-ADDR.arpa.', 'NS').answers).toEqual(['IN-ADDR.arpa.\t5\tIN\tNS\tns.dns.IN-ADDR.arpa.']);
  });
});
