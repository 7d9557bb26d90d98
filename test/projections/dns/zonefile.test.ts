// renderZoneFile / renderReverseZones: exact lines, and named-checkzone accepts the output even
// with check-names failing hard (`-k fail`, what named does for a primary zone).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dnsProjection, renderReverseZones, renderZoneFile } from '../../../projections/dns/index.js';
import { buildTable } from './fold.js';
import { richCluster } from './fixture.js';
import { missingTool, titled } from '../../support/host.js';

const checkzoneSkip = missingTool(['named-checkzone']);

function checkzone(origin: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dns-zone-'));
  try {
    const file = join(dir, 'zone');
    writeFileSync(file, text);
    const r = spawnSync('named-checkzone', ['-k', 'fail', origin, file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`named-checkzone ${origin} failed:\n${r.stdout}${r.stderr}\n--- zone ---\n${text}`);
    return r.stdout + r.stderr;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('renderZoneFile', () => {
  const table = buildTable(dnsProjection, richCluster());
  const text = renderZoneFile(table, { zone: 'cluster.local', serial: 42 });

  it('starts with the SOA (serial from the caller) and NS, then canonical name order', () => {
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      '; cluster DNS zone cluster.local. (serial 42)',
      '$ORIGIN cluster.local.',
      'cluster.local.\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 42 7200 1800 86400 5',
      'cluster.local.\t5\tIN\tNS\tns.dns.cluster.local.',
      'ns.dns.cluster.local.\t5\tIN\tA\t10.96.0.10',
    ]);
    expect(lines[5]).toBe('dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"');
    expect(lines).toContain('_https._tcp.kubernetes.default.svc.cluster.local.\t5\tIN\tSRV\t0 100 443 kubernetes.default.svc.cluster.local.');
    expect(lines).toContain('foo.default.svc.cluster.local.\t5\tIN\tCNAME\twww.example.com.');
    expect(lines.filter((l) => l.startsWith('headless.default.svc.cluster.local.\t5\tIN\tA\t'))).toEqual([
      'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.3',
      'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.100',
      'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.101',
    ]);
    expect(text).not.toContain('PTR');
    expect(text).not.toContain('EXISTS');
  });

  it('renders a zone of more RRsets than a call takes arguments, in canonical order (the scale envelope has 200k+)', () => {
    // 16,000 services of 10 endpoints each, an endpoint name and its PTR per pod (bench scale's
    // 10,000 services make 330k entries). The lines were spread into one push, which threw a
    // RangeError past ~120k: the envelope's zone file could not be read at all.
    const big = new Map<string, unknown>(table);
    for (let s = 0; s < 16_000; s++) {
      for (let e = 0; e < 10; e++) {
        const ip = `10.${64 + (s >> 8)}.${s & 255}.${e + 1}`;
        const name = `pod-${e}.svc-${s}.ns-${s % 100}.svc.cluster.local.`;
        big.set(`${name}/A`, { ttl: 5, records: [ip] });
        big.set(`${ip.split('.').reverse().join('.')}.in-addr.arpa./PTR`, { ttl: 5, records: [name] });
      }
    }
    const lines = renderZoneFile(big, { zone: 'cluster.local', serial: 42 }).split('\n');
    expect(lines.filter((l) => l.includes('.svc-')).length).toBe(160_000);
    // Labels compare right to left: ns-0 before ns-1 before ns-10; within a namespace svc-0,
    // svc-100, …; a name before its descendants.
    const at = (name: string) => lines.findIndex((l) => l.startsWith(`${name}\t`));
    expect(at('pod-0.svc-0.ns-0.svc.cluster.local.')).toBeLessThan(at('pod-0.svc-100.ns-0.svc.cluster.local.'));
    expect(at('pod-9.svc-9900.ns-0.svc.cluster.local.')).toBeLessThan(at('pod-0.svc-1.ns-1.svc.cluster.local.'));
    expect(at('pod-0.svc-1.ns-1.svc.cluster.local.')).toBeLessThan(at('pod-0.svc-10.ns-10.svc.cluster.local.'));
    const reverse = renderReverseZones(big, { zone: 'cluster.local', serial: 42 })[0]!.text.split('\n');
    expect(reverse.filter((l) => l.includes('\tPTR\tpod-')).length).toBe(160_000);
  });

  it('reverse zones hold the PTRs', () => {
    const zones = renderReverseZones(table, { zone: 'cluster.local', serial: 42 });
    expect(zones.map((z) => z.origin)).toEqual(['in-addr.arpa.', 'ip6.arpa.']);
    const v4 = zones[0]!.text.split('\n');
    expect(v4.slice(1, 4)).toEqual([
      '$ORIGIN in-addr.arpa.',
      'in-addr.arpa.\t5\tIN\tSOA\tns.dns.in-addr.arpa. hostmaster.in-addr.arpa. 42 7200 1800 86400 5',
      'in-addr.arpa.\t5\tIN\tNS\tns.dns.cluster.local.',
    ]);
    expect(v4).toContain('1.0.3.10.in-addr.arpa.\t5\tIN\tPTR\tkubernetes.default.svc.cluster.local.');
    expect(v4).toContain('100.0.3.10.in-addr.arpa.\t5\tIN\tPTR\tmy-pet.headless.default.svc.cluster.local.');
  });

  describe.skipIf(checkzoneSkip !== undefined)(titled('named-checkzone', checkzoneSkip), () => {
    it.each([
      ['defaults', {}],
      ['pods verified, pod names, TTL 3600', { dnsPods: 'verified' as const, dnsEndpointPodNames: true, dnsTTL: 3600 }],
      ['pods insecure, TTL 0', { dnsPods: 'insecure' as const, dnsTTL: 0 }],
    ])('accepts the rich cluster zone (%s) and its reverse zones', (_label, config) => {
      const t = buildTable(dnsProjection, richCluster(config));
      const out = checkzone('cluster.local', renderZoneFile(t, { zone: 'cluster.local', serial: 4242 }));
      expect(out).toContain('loaded serial 4242');
      for (const z of renderReverseZones(t, { zone: 'cluster.local', serial: 4242 })) {
        expect(checkzone(z.origin, z.text)).toContain('loaded serial 4242');
      }
    });
  });
});

