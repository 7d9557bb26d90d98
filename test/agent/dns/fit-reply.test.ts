// fitReply: name compression and truncation of replies, checked against dns-packet's decoder on
// random replies whose names share suffixes, as cluster answers do.

import dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitReply } from '../../../agent/dns/fit-reply.js';

const label = fc.constantFrom('web', 'api', 'default', 'kube-system', 'svc', 'cluster', 'local', '10-244-1-5', '_http', '_tcp', 'Web');
const name = fc.array(label, { minLength: 1, maxLength: 6 }).map((ls) => ls.join('.'));
const ip4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((b) => b.join('.'));

const record: fc.Arbitrary<dnsPacket.Answer> = fc.oneof(
  fc.record({ type: fc.constant('A' as const), name, ttl: fc.nat(3600), data: ip4 }),
  fc.record({ type: fc.constant('AAAA' as const), name, ttl: fc.nat(3600), data: fc.constantFrom('fd00::1', '2001:db8::a') }),
  fc.record({ type: fc.constant('CNAME' as const), name, ttl: fc.nat(3600), data: name }),
  fc.record({ type: fc.constant('PTR' as const), name, ttl: fc.nat(3600), data: name }),
  fc.record({ type: fc.constant('NS' as const), name, ttl: fc.nat(3600), data: name }),
  fc.record({ type: fc.constant('TXT' as const), name, ttl: fc.nat(3600), data: fc.constantFrom('1.1.0', 'hello') }),
  fc.record({ type: fc.constant('SRV' as const), name, ttl: fc.nat(3600), data: fc.record({ priority: fc.nat(10), weight: fc.nat(100), port: fc.nat(65535), target: name }) }),
  fc.record({ type: fc.constant('MX' as const), name, ttl: fc.nat(3600), data: fc.record({ preference: fc.nat(10), exchange: name }) }),
  fc.record({
    type: fc.constant('SOA' as const),
    name,
    ttl: fc.nat(3600),
    data: fc.record({ mname: name, rname: name, serial: fc.nat(1e6), refresh: fc.nat(1e4), retry: fc.nat(1e4), expire: fc.nat(1e5), minimum: fc.nat(100) }),
  }),
) as fc.Arbitrary<dnsPacket.Answer>;

const reply = fc.record({
  id: fc.nat(65535),
  question: name,
  answers: fc.array(record, { maxLength: 60 }),
  authorities: fc.array(record, { maxLength: 5 }),
  additionals: fc.array(record, { maxLength: 10 }),
  edns: fc.boolean(),
});

type Reply = typeof reply extends fc.Arbitrary<infer T> ? T : never;

function encode(r: Reply): Buffer {
  const opt = r.edns ? [{ type: 'OPT', name: '.', udpPayloadSize: 1232, extendedRcode: 0, ednsVersion: 0, flags: 0, options: [] } as unknown as dnsPacket.Answer] : [];
  return dnsPacket.encode({
    type: 'response',
    id: r.id,
    flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED,
    questions: [{ type: 'A', name: r.question }],
    answers: r.answers,
    authorities: r.authorities,
    additionals: [...r.additionals, ...opt],
  });
}

/** Every record of a decoded reply, OPT apart, in section order. */
const records = (p: dnsPacket.DecodedPacket) => [...(p.answers ?? []), ...(p.authorities ?? []), ...(p.additionals ?? []).filter((a) => a.type !== 'OPT')];
const hasOpt = (p: dnsPacket.DecodedPacket) => (p.additionals ?? []).some((a) => a.type === 'OPT');

describe('fitReply', () => {
  it('sends a reply that fits as it is, byte for byte', () => {
    fc.assert(
      fc.property(reply, (r) => {
        const wire = encode(r);
        expect(fitReply(wire, wire.length)).toBe(wire);
      }),
    );
  });

  it('compresses names without changing one byte of what decodes, and keeps the records in order', () => {
    fc.assert(
      fc.property(reply, fc.nat(4000), (r, room) => {
        const wire = encode(r);
        const limit = 512 + room;
        const fitted = fitReply(wire, limit);
        expect(fitted.length).toBeLessThanOrEqual(Math.max(limit, 512));
        const before = dnsPacket.decode(wire);
        const after = dnsPacket.decode(fitted);
        expect(after.id).toBe(before.id);
        expect(after.questions).toEqual(before.questions);
        // What was kept is a prefix of what was written, in section order; TC says whether all was.
        const kept = records(after);
        expect(kept).toEqual(records(before).slice(0, kept.length));
        expect(after.flag_tc).toBe(kept.length < records(before).length);
        expect(hasOpt(after)).toBe(hasOpt(before));
        expect(after.flag_aa).toBe(true);
        expect(after.flag_rd).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('makes a headless answer of 40 A records about a third of its written-out size', () => {
    const answers = Array.from({ length: 40 }, (_, i) => ({ type: 'A' as const, name: 'big.default.svc.cluster.local', ttl: 5, data: `10.244.9.${i + 1}` }));
    const wire = dnsPacket.encode({ type: 'response', id: 1, questions: [{ type: 'A', name: 'big.default.svc.cluster.local' }], answers });
    expect(wire.length).toBe(12 + 35 + 40 * 45);
    const fitted = fitReply(wire, 1232);
    expect(fitted.length).toBe(12 + 35 + 40 * 16);
    expect(dnsPacket.decode(fitted).answers).toEqual(dnsPacket.decode(wire).answers);
  });

  it('never compresses an SRV target (RFC 2782), and lets other names point into earlier ones', () => {
    const target = 'web-0.web.default.svc.cluster.local';
    const wire = dnsPacket.encode({
      type: 'response',
      id: 1,
      questions: [{ type: 'SRV', name: 'web.default.svc.cluster.local' }],
      answers: Array.from({ length: 30 }, (_, i) => ({ type: 'SRV' as const, name: 'web.default.svc.cluster.local', ttl: 5, data: { priority: 0, weight: 3, port: 8000 + i, target } })),
    });
    const fitted = fitReply(wire, 512);
    // Each SRV: owner pointer (2) + type/class/TTL/length (10) + priority/weight/port (6) + the
    // target in full (37 bytes).
    const perRecord = 2 + 10 + 6 + (target.length + 2);
    const kept = dnsPacket.decode(fitted).answers!;
    expect(kept.length).toBe(Math.floor((512 - 12 - 35) / perRecord));
    expect(fitted.includes(Buffer.from('\u0005web-0\u0003web', 'latin1'))).toBe(true);
    expect(fitted.indexOf(Buffer.from('\u0005web-0', 'latin1'))).not.toBe(fitted.lastIndexOf(Buffer.from('\u0005web-0', 'latin1')));
  });
});
