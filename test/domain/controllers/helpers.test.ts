import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isPodReady,
  isPodTerminating,
  podEndpointAddresses,
  repackSubsets,
  sameEndpoints,
  sameSlices,
  servicesSelectingPod,
  desiredEndpoints,
  desiredEndpointSlices,
} from '../../../domain/controllers/index.js';
import { fnv128a, md5Hex } from '../../../domain/controllers/goHash.js';
import { parseIPSloppy } from '../../../domain/controllers/ip.js';
import { pod, service } from './fixtures.js';

describe('pod predicates', () => {
  it('ready means the Ready condition is True; terminating means a deletionTimestamp', () => {
    expect(isPodReady(pod('a'))).toBe(true);
    expect(isPodReady(pod('a', { ready: false }))).toBe(false);
    const noConditions = pod('a');
    delete noConditions.status!.conditions;
    expect(isPodReady(noConditions)).toBe(false);
    expect(isPodTerminating(pod('a', { deleting: true }))).toBe(true);
    expect(isPodTerminating(pod('a'))).toBe(false);
  });

  it('podEndpointAddresses canonicalises and filters by family, falling back to podIP', () => {
    const p = pod('a', { ips: ['010.244.001.002', 'FD00::0:2'] });
    expect(podEndpointAddresses(p)).toEqual(['10.244.1.2', 'fd00::2']);
    expect(podEndpointAddresses(p, 'IPv6')).toEqual(['fd00::2']);
    const legacy = pod('b');
    legacy.status!.podIP = '10.0.0.9';
    expect(podEndpointAddresses(legacy, 'IPv4')).toEqual(['10.0.0.9']);
  });

  it('parses IPs as Go does: IPv4-mapped IPv6 is IPv4, zones and junk are rejected', () => {
    expect(parseIPSloppy('::ffff:10.0.0.1')).toEqual({ family: 'IPv4', text: '10.0.0.1' });
    expect(parseIPSloppy('2001:db8:0:0:1:0:0:1')).toEqual({ family: 'IPv6', text: '2001:db8::1:0:0:1' });
    expect(parseIPSloppy('fe80::1%eth0')).toBeUndefined();
    expect(parseIPSloppy('10.0.0.256')).toBeUndefined();
  });
});

describe('servicesSelectingPod', () => {
  it('matches every selector key, same namespace only, never selector-less services', () => {
    const services = [
      service('web', { selector: { app: 'web' } }),
      service('web-canary', { selector: { app: 'web', track: 'canary' } }),
      service('other-ns', { ns: 'x', selector: { app: 'web' } }),
      service('manual', { selector: null }),
      service('empty', { selector: {} }),
    ];
    const names = (labels: Record<string, string>) => servicesSelectingPod(pod('p', { labels }), services).map((s) => s.metadata.name);
    expect(names({ app: 'web' })).toEqual(['web']);
    expect(names({ app: 'web', track: 'canary' })).toEqual(['web', 'web-canary']);
    expect(names({ app: 'db' })).toEqual([]);
  });
});

describe('hash primitives', () => {
  it('fnv-128a and md5 match their published test vectors', () => {
    expect(fnv128a('')).toBe('6c62272e07bb014262b821756295c58d');
    expect(fnv128a('a')).toBe('d228cb696f1a8caf78912b704e4a8964');
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('fnv-128a over limbs equals the textbook BigInt definition on any text', () => {
    const reference = (text: string) => {
      let h = 0x6c62272e07bb014262b821756295c58dn;
      for (const b of Buffer.from(text, 'utf8')) h = ((h ^ BigInt(b)) * 0x0000000001000000000000000000013bn) & ((1n << 128n) - 1n);
      return h.toString(16).padStart(32, '0');
    };
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => fnv128a(text) === reference(text)), { numRuns: 500 });
  });
});

describe('repackSubsets', () => {
  it('merges addresses sharing a port set, de-duplicates by IP+UID, not-ready wins', () => {
    const port = { name: 'p', port: 80, protocol: 'TCP' as const };
    const packed = repackSubsets([
      { addresses: [{ ip: '10.0.0.2' }], ports: [port] },
      { addresses: [{ ip: '10.0.0.1' }], ports: [port] },
      { notReadyAddresses: [{ ip: '10.0.0.2' }], ports: [port] },
      { addresses: [{ ip: '10.0.0.1' }], ports: [port] },
    ]);
    expect(packed).toEqual([{ addresses: [{ ip: '10.0.0.1' }], notReadyAddresses: [{ ip: '10.0.0.2' }], ports: [port] }]);
  });

  it('an address set offering two ports becomes one subset with both', () => {
    const a = { name: 'a', port: 1, protocol: 'TCP' as const };
    const b = { name: 'b', port: 2, protocol: 'TCP' as const };
    const packed = repackSubsets([
      { addresses: [{ ip: '10.0.0.1' }], ports: [a] },
      { addresses: [{ ip: '10.0.0.1' }], ports: [b] },
    ]);
    expect(packed).toHaveLength(1);
    expect(packed[0]!.addresses).toEqual([{ ip: '10.0.0.1' }]);
    expect(new Set(packed[0]!.ports)).toEqual(new Set([a, b]));
  });
});

describe('sameEndpoints / sameSlices', () => {
  const pods = [pod('a', { ip: '10.244.1.2' })];

  it('ignore server-set metadata, the trigger time and targetRef resourceVersions', () => {
    const want = desiredEndpoints(service('web'), pods, { now: '2024-01-01T00:00:00Z' })!;
    const stored = structuredClone(want);
    stored.metadata = { ...stored.metadata, uid: 'x', resourceVersion: '7', creationTimestamp: 't', annotations: {} };
    stored.subsets![0]!.addresses![0]!.targetRef!.resourceVersion = '42';
    expect(sameEndpoints(stored, want)).toBe(true);
    const changed = desiredEndpoints(service('web'), [pod('a', { ip: '10.244.1.2', ready: false })])!;
    expect(sameEndpoints(stored, changed)).toBe(false);
    expect(sameEndpoints(undefined, undefined)).toBe(true);
    expect(sameEndpoints(want, undefined)).toBe(false);
  });

  it('compare single slices and sets of slices', () => {
    const want = desiredEndpointSlices(service('web'), pods);
    const stored = want.map((s) => ({ ...structuredClone(s), metadata: { ...s.metadata, uid: 'u', resourceVersion: '3' } }));
    expect(sameSlices(stored, want)).toBe(true);
    expect(sameSlices(stored[0], want[0])).toBe(true);
    const other = desiredEndpointSlices(service('web'), [pod('a', { ip: '10.244.1.2', deleting: true })]);
    expect(sameSlices(stored[0], other[0])).toBe(false);
    expect(sameSlices(stored, [])).toBe(false);
  });

  it('treat absent, null and empty lists or maps alike at any depth, and ignore key order', () => {
    const want = desiredEndpoints(service('web'), pods)!;
    const reordered = structuredClone(want);
    reordered.subsets = reordered.subsets!.map((s) => ({ ports: s.ports, notReadyAddresses: [], addresses: s.addresses }));
    reordered.metadata.labels = { ...Object.fromEntries(Object.entries(want.metadata.labels ?? {}).reverse()) };
    expect(sameEndpoints(reordered, want)).toBe(true);
    const extraPort = structuredClone(want);
    extraPort.subsets![0]!.ports = [...extraPort.subsets![0]!.ports!, { name: 'x', port: 1, protocol: 'TCP' }];
    expect(sameEndpoints(extraPort, want)).toBe(false);
    const renamed = structuredClone(want);
    renamed.subsets![0]!.addresses![0]!.hostname = 'other';
    expect(sameEndpoints(renamed, want)).toBe(false);
  });
});
