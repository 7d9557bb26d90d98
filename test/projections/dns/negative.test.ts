// The NXDOMAIN / NODATA matrix (reference §2.8) and pod records (§2.6).

import { describe, expect, it } from 'vitest';
import { answerQuery, dnsProjection } from '../../../projections/dns/index.js';
import { ask, nodata, nxdomain, ok, SOA_LINE } from './ask.js';
import { buildTable } from './fold.js';
import { richCluster } from './fixture.js';

const table = buildTable(dnsProjection, richCluster());
const REVERSE_SOA = 'in-addr.arpa.\t5\tIN\tSOA\tns.dns.in-addr.arpa. hostmaster.in-addr.arpa. 42 7200 1800 86400 5';

describe('§2.8 matrix, default options', () => {
  it.each([
    ['cluster.local.', 'A', nodata],
    ['cluster.local.', 'TXT', nodata],
    ['svc.cluster.local.', 'A', nodata],
    ['pod.cluster.local.', 'TXT', nodata],
    ['foo.cluster.local.', 'A', nxdomain],
    ['dns-version.cluster.local.', 'A', nxdomain],
    ['dns.cluster.local.', 'A', nxdomain],
    ['ns.dns.cluster.local.', 'AAAA', nodata],
    ['ns.dns.cluster.local.', 'TXT', nxdomain],
    // Services' isDefaultNS branch answers every other type (nothing of it: NODATA); TXT and PTR
    // never reach it and fail to parse the name.
    ['ns.dns.cluster.local.', 'SRV', nodata],
    ['ns.dns.cluster.local.', 'MX', nodata],
    ['ns.dns.cluster.local.', 'CNAME', nodata],
    ['ns.dns.cluster.local.', 'NS', nodata],
    ['ns.dns.cluster.local.', 'PTR', nxdomain],
    ['testns.svc.cluster.local.', 'A', nodata],
    ['empty-ns.svc.cluster.local.', 'SRV', nodata],
    ['nonexistent.svc.cluster.local.', 'A', nxdomain],
    ['kubernetes.default.svc.cluster.local.', 'AAAA', nodata],
    ['kubernetes.default.svc.cluster.local.', 'TXT', nodata],
    ['kubernetes.default.svc.cluster.local.', 'MX', nodata],
    ['kubernetes.default.svc.cluster.local.', 'PTR', nodata],
    ['missing.default.svc.cluster.local.', 'A', nxdomain],
    ['missing.default.svc.cluster.local.', 'SOA', nodata],
    ['kubernetes.default.svc.cluster.local.', 'SOA', nodata],
    ['_tcp.kubernetes.default.svc.cluster.local.', 'SRV', nxdomain],
    ['a.b.c.kubernetes.default.svc.cluster.local.', 'A', nxdomain],
    ['unknown.headless.default.svc.cluster.local.', 'A', nxdomain],
    ['1-2-3-4.default.pod.cluster.local.', 'A', nxdomain],
    ['default.pod.cluster.local.', 'A', nxdomain],
  ])('%s %s', (name, type, expected) => {
    expect(ask(table, name, type)).toEqual(expected);
  });

  it('apex SOA and NS (with ns.dns glue = the DNS service IP)', () => {
    expect(ask(table, 'cluster.local.', 'SOA')).toEqual(ok([SOA_LINE]));
    expect(ask(table, 'cluster.local.', 'NS')).toEqual(
      ok(['cluster.local.\t5\tIN\tNS\tns.dns.cluster.local.'], ['ns.dns.cluster.local.\t5\tIN\tA\t10.96.0.10']),
    );
    expect(ask(table, 'ns.dns.cluster.local.', 'A')).toEqual(ok(['ns.dns.cluster.local.\t5\tIN\tA\t10.96.0.10']));
  });

  it('reverse names: a miss is NXDOMAIN with the reverse zone SOA, and so is any other type at a PTR name (CoreDNS Records: errNoItems)', () => {
    expect(ask(table, '9.9.9.9.in-addr.arpa.', 'PTR')).toEqual({ rcode: 'NXDOMAIN', answers: [], authority: [REVERSE_SOA], additional: [] });
    expect(ask(table, '10.in-addr.arpa.', 'PTR').rcode).toBe('NXDOMAIN');
    expect(ask(table, '1.0.3.10.in-addr.arpa.', 'A')).toEqual({ rcode: 'NXDOMAIN', answers: [], authority: [REVERSE_SOA], additional: [] });
    expect(ask(table, '1.0.3.10.in-addr.arpa.', 'TXT').rcode).toBe('NXDOMAIN');
    expect(ask(table, '1.0.3.10.in-addr.arpa.', 'NS').rcode).toBe('NXDOMAIN');
    expect(ask(table, '1.0.3.10.in-addr.arpa.', 'SOA')).toEqual({ rcode: 'NOERROR', answers: [], authority: [REVERSE_SOA], additional: [] });
  });

  it('reverse zone apex: NS is ns.dns.<apex> with our own address as glue (plugin.NS); other types NODATA', () => {
    expect(ask(table, 'in-addr.arpa.', 'NS')).toEqual(ok(['in-addr.arpa.\t5\tIN\tNS\tns.dns.in-addr.arpa.'], ['ns.dns.in-addr.arpa.\t5\tIN\tA\t10.96.0.10']));
    expect(ask(table, 'ip6.arpa.', 'NS')).toEqual(ok(['ip6.arpa.\t5\tIN\tNS\tns.dns.ip6.arpa.'], ['ns.dns.ip6.arpa.\t5\tIN\tA\t10.96.0.10']));
    expect(ask(table, 'in-addr.arpa.', 'A')).toEqual({ rcode: 'NOERROR', answers: [], authority: [REVERSE_SOA], additional: [] });
  });

  it('outside the zone and zone transfers: REFUSED', () => {
    expect(ask(table, 'example.com.', 'A')).toEqual({ rcode: 'REFUSED', answers: [], authority: [], additional: [] });
    expect(ask(table, 'cluster.local.', 'AXFR').rcode).toBe('REFUSED');
  });

  it('an empty table (not yet synced) answers SERVFAIL', () => {
    expect(ask(new Map(), 'kubernetes.default.svc.cluster.local.', 'A').rcode).toBe('SERVFAIL');
  });

  it('the serial is the one passed in, modulo 2^32', () => {
    const r = answerQuery(table, { name: 'cluster.local', type: 'SOA' }, { zone: 'cluster.local', serial: 2 ** 32 + 7 });
    expect((r.answers[0]!.data as { serial: number }).serial).toBe(7);
  });
});

describe('§2.6 pod records', () => {
  it('insecure: any dashed IP in an existing namespace', () => {
    const t = buildTable(dnsProjection, richCluster({ dnsPods: 'insecure' }));
    expect(ask(t, '1-2-3-4.default.pod.cluster.local.', 'A')).toEqual(ok(['1-2-3-4.default.pod.cluster.local.\t5\tIN\tA\t1.2.3.4']));
    expect(ask(t, '1-2-3-4.default.pod.cluster.local.', 'AAAA')).toEqual(nodata);
    expect(ask(t, '2001-db8--1.default.pod.cluster.local.', 'AAAA')).toEqual(ok(['2001-db8--1.default.pod.cluster.local.\t5\tIN\tAAAA\t2001:db8::1']));
    expect(ask(t, 'default.pod.cluster.local.', 'A')).toEqual(nodata);
    expect(ask(t, '1-2-3-4.nons.pod.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, 'not-an-ip.default.pod.cluster.local.', 'A')).toEqual(nxdomain);
    // findPods reads the pod label and the namespace alone: one or two labels in front of them
    // (parse.go's endpoint, or port and protocol) change nothing; three are too many.
    expect(ask(t, 'a.1-2-3-4.default.pod.cluster.local.', 'A')).toEqual(ok(['a.1-2-3-4.default.pod.cluster.local.\t5\tIN\tA\t1.2.3.4']));
    expect(ask(t, '_a._b.1-2-3-4.default.pod.cluster.local.', 'A')).toEqual(ok(['_a._b.1-2-3-4.default.pod.cluster.local.\t5\tIN\tA\t1.2.3.4']));
    expect(ask(t, 'a.1-2-3-4.nons.pod.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, 'x.a.b.1-2-3-4.default.pod.cluster.local.', 'A')).toEqual(nxdomain);
  });
  it('verified: only the IP of a live pod in that namespace', () => {
    const t = buildTable(dnsProjection, richCluster({ dnsPods: 'verified' }));
    expect(ask(t, '10-244-1-5.testns.pod.cluster.local.', 'A')).toEqual(ok(['10-244-1-5.testns.pod.cluster.local.\t5\tIN\tA\t10.244.1.5']));
    expect(ask(t, '10-244-1-5.default.pod.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, '10-244-1-6.testns.pod.cluster.local.', 'A')).toEqual(nxdomain); // terminating
    // CoreDNS watches pods with status.phase!=Succeeded,status.phase!=Failed,status.phase!=Unknown.
    expect(ask(t, '10-244-1-7.testns.pod.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, '10-244-1-8.testns.pod.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, '10-244-1-10.testns.pod.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, '10-244-1-11.testns.pod.cluster.local.', 'A')).toEqual(ok(['10-244-1-11.testns.pod.cluster.local.\t5\tIN\tA\t10.244.1.11']));
    expect(ask(t, '1-2-3-4.testns.pod.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, 'web.10-244-1-5.testns.pod.cluster.local.', 'A')).toEqual(ok(['web.10-244-1-5.testns.pod.cluster.local.\t5\tIN\tA\t10.244.1.5']));
    expect(ask(t, 'web.1-2-3-4.testns.pod.cluster.local.', 'A')).toEqual(nxdomain);
    expect(ask(t, 'testns.pod.cluster.local.', 'A')).toEqual(nodata);
    expect(ask(t, 'empty-ns.pod.cluster.local.', 'A')).toEqual(nodata);
  });
});
