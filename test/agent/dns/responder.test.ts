// The DNS responder on a real socket, queried with dig over UDP and TCP.

import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import dnsPacket from 'dns-packet';
import { startDnsResponder, type DnsResponder, type DnsTable } from '../../../agent/dns/index.js';
import { dnsProjection } from '../../../projections/dns/index.js';
import { buildTable } from '../../projections/dns/fold.js';
import { richClusterInput } from '../../projections/dns/fixture.js';
import { makeView, service, slice } from '../../projections/dns/view.js';
import { missingTool, titled } from '../../support/host.js';

const run = promisify(execFile);
const digSkip = missingTool(['dig']);

interface DigResult {
  status: string;
  flags: string[];
  answer: string[];
  authority: string[];
  additional: string[];
}

/** dig's default output → status, header flags and the three sections, one record a line with
 * tab-separated name/ttl/class/type and the rdata as dig prints it. */
function parseDig(out: string): DigResult {
  const result: DigResult = { status: '', flags: [], answer: [], authority: [], additional: [] };
  let section: 'answer' | 'authority' | 'additional' | undefined;
  for (const line of out.split('\n')) {
    const status = line.match(/status: (\w+)/);
    if (status) result.status = status[1]!;
    const flags = line.match(/^;; flags: ([^;]*);/);
    if (flags) result.flags = flags[1]!.trim().split(/\s+/);
    const heading = line.match(/^;; (ANSWER|AUTHORITY|ADDITIONAL) SECTION:/);
    if (heading) section = heading[1]!.toLowerCase() as typeof section;
    else if (line.trim() === '') section = undefined;
    else if (section && !line.startsWith(';')) {
      const [name, ttl, cls, type, ...rdata] = line.trim().split(/\s+/);
      result[section].push([name, ttl, cls, type, rdata.join(' ')].join('\t'));
    }
  }
  for (const s of ['answer', 'authority', 'additional'] as const) result[s].sort();
  return result;
}

/** A stand-in for the node's resolver (CoreDNS's `forward .` target): www.example.com and
 * cdn.example.net have A records, 192.0.2.10 its PTR, everything else is NXDOMAIN; it counts what
 * it was asked. */
async function fakeUpstream(): Promise<{ port: number; asked: string[]; close(): void }> {
  const socket = dgram.createSocket('udp4');
  const asked: string[] = [];
  const known: Record<string, string> = { 'www.example.com': '192.0.2.10', 'cdn.example.net': '192.0.2.20' };
  const reverse: Record<string, string> = { '10.2.0.192.in-addr.arpa': 'www.example.com' };
  socket.on('message', (msg, rinfo) => {
    const q = dnsPacket.decode(msg);
    const question = q.questions![0]!;
    asked.push(`${question.name} ${question.type}`);
    const ip = question.type === 'A' ? known[question.name.toLowerCase()] : undefined;
    const ptr = question.type === 'PTR' ? reverse[question.name.toLowerCase()] : undefined;
    const answers: dnsPacket.Answer[] = ip ? [{ type: 'A', name: question.name, ttl: 300, data: ip }] : ptr ? [{ type: 'PTR', name: question.name, ttl: 300, data: ptr }] : [];
    const reply = dnsPacket.encode({
      type: 'response', id: q.id, flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (answers.length ? 0 : 3),
      questions: q.questions, answers,
    });
    socket.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, asked, close: () => socket.close() };
}

const SOA = 'cluster.local.\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 42 7200 1800 86400 5';

describe.skipIf(digSkip !== undefined)(titled('DNS responder (dig)', digSkip), () => {
  let responder: DnsResponder;
  const input = richClusterInput();
  input.services!.push(service('default', 'big', { clusterIP: 'None', clusterIPs: ['None'] }));
  input.slices!.push(slice('default', 'big', 'big-1', 'IPv4', Array.from({ length: 40 }, (_, i) => ({ ip: `10.244.9.${i + 1}` }))));
  input.services!.push(service('default', 'mid', { clusterIP: 'None', clusterIPs: ['None'] }));
  input.slices!.push(slice('default', 'mid', 'mid-1', 'IPv4', Array.from({ length: 25 }, (_, i) => ({ ip: `10.244.11.${i + 1}` }))));
  input.services!.push(service('default', 'huge', { clusterIP: 'None', clusterIPs: ['None'] }));
  input.slices!.push(slice('default', 'huge', 'huge-1', 'IPv4', Array.from({ length: 200 }, (_, i) => ({ ip: `10.244.10.${i + 1}` }))));
  const entries = buildTable(dnsProjection, makeView(input));
  let table: DnsTable | undefined = { entries, serial: 42, zone: 'cluster.local' };

  const dig = async (transport: 'udp' | 'tcp', ...args: string[]): Promise<DigResult> => {
    const { port, host } = responder.address;
    const extra = transport === 'tcp' ? ['+tcp'] : [];
    const { stdout } = await run('dig', [`@${host}`, '-p', String(port), '+norecurse', '+time=2', '+tries=1', ...extra, ...args]);
    return parseDig(stdout);
  };

  beforeAll(async () => {
    responder = await startDnsResponder({ host: '127.0.0.1', port: 0, getTable: () => table });
  });
  afterAll(async () => {
    await responder?.close();
  });

  it('reports the port it bound', () => {
    expect(responder.address.host).toBe('127.0.0.1');
    expect(responder.address.port).toBeGreaterThan(0);
  });

  for (const transport of ['udp', 'tcp'] as const) {
    describe(transport, () => {
      it('A of a ClusterIP service', async () => {
        const r = await dig(transport, 'kubernetes.default.svc.cluster.local', 'A');
        expect(r.status).toBe('NOERROR');
        expect(r.flags).toContain('aa');
        expect(r.answer).toEqual(['kubernetes.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.1']);
      });
      it('SRV of a named port with the A record as additional', async () => {
        const r = await dig(transport, '_https._tcp.kubernetes.default.svc.cluster.local', 'SRV');
        expect(r.answer).toEqual(['_https._tcp.kubernetes.default.svc.cluster.local.\t5\tIN\tSRV\t0 100 443 kubernetes.default.svc.cluster.local.']);
        expect(r.additional).toEqual(['kubernetes.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.1']);
      });
      it('headless: several A records', async () => {
        const r = await dig(transport, 'headless.default.svc.cluster.local', 'A');
        expect(r.answer).toEqual([
          'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.100',
          'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.101',
          'headless.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.3',
        ]);
      });
      it('PTR (dig -x)', async () => {
        const r = await dig(transport, '-x', '10.3.0.100');
        expect(r.answer).toEqual(['100.0.3.10.in-addr.arpa.\t5\tIN\tPTR\tmy-pet.headless.default.svc.cluster.local.']);
      });
      it('CNAME for ExternalName', async () => {
        const r = await dig(transport, 'foo.default.svc.cluster.local', 'A');
        expect(r.status).toBe('NOERROR');
        expect(r.answer).toEqual(['foo.default.svc.cluster.local.\t5\tIN\tCNAME\twww.example.com.']);
      });
      it('NXDOMAIN for an unknown name, SOA in authority', async () => {
        const r = await dig(transport, 'nope.default.svc.cluster.local', 'A');
        expect(r).toMatchObject({ status: 'NXDOMAIN', answer: [], authority: [SOA] });
        expect(r.flags).toContain('aa');
      });
      it('NODATA for AAAA on an IPv4-only service', async () => {
        const r = await dig(transport, 'kubernetes.default.svc.cluster.local', 'AAAA');
        expect(r).toMatchObject({ status: 'NOERROR', answer: [], authority: [SOA] });
      });
      it('TXT dns-version', async () => {
        const r = await dig(transport, 'dns-version.cluster.local', 'TXT');
        expect(r.answer).toEqual(['dns-version.cluster.local.\t28800\tIN\tTXT\t"1.1.0"']);
      });
      it('REFUSED outside the cluster domain', async () => {
        const r = await dig(transport, 'example.com', 'A');
        expect(r.status).toBe('REFUSED');
      });
    });
  }

  describe('header and EDNS as RFC 1035/3225/6891 and CoreDNS have them', () => {
    const web = 'kubernetes.default.svc.cluster.local';
    it('copies the opcode into a NOTIMP reply, so the client takes it', async () => {
      const r = await dig('udp', '+opcode=notify', 'cluster.local', 'SOA');
      expect(r.status).toBe('NOTIMP');
    });
    it('echoes the DO bit, and answers EDNS versions past 0 with BADVERS', async () => {
      const { port, host } = responder.address;
      const withDo = (await run('dig', [`@${host}`, '-p', String(port), '+dnssec', '+time=2', '+tries=1', web, 'A'])).stdout;
      expect(withDo).toMatch(/; EDNS: version: 0, flags: do;/);
      expect((await dig('udp', '+edns=1', '+noednsnegotiation', web, 'A')).status).toBe('BADVERS');
    });
  });

  describe('before the first sync and after a change of cluster domain', () => {
    it('answers SERVFAIL until it has a table, then follows the zone the table names', async () => {
      const saved = table;
      table = undefined;
      try {
        expect((await dig('udp', 'kubernetes.default.svc.cluster.local', 'A')).status).toBe('SERVFAIL');
        expect((await dig('tcp', 'kubernetes.default.svc.cluster.local', 'A')).status).toBe('SERVFAIL');
        // The same cluster under another domain (the server restarted with --cluster-domain corp.test).
        table = { entries: buildTable(dnsProjection, makeView(richClusterInput({ clusterDomain: 'corp.test' }))), serial: 43, zone: 'corp.test' };
        const r = await dig('udp', 'kubernetes.default.svc.corp.test', 'A');
        expect(r.status).toBe('NOERROR');
        expect(r.answer).toEqual(['kubernetes.default.svc.corp.test.\t5\tIN\tA\t10.3.0.1']);
        expect((await dig('udp', 'kubernetes.default.svc.cluster.local', 'A')).status).toBe('REFUSED');
      } finally {
        table = saved;
      }
    });
  });

  describe('with an upstream (--dns-upstream), as CoreDNS forwards and chases ExternalName targets', () => {
    it('forwards names outside the cluster zones, chases an out-of-zone CNAME target, SERVFAILs when the upstream is gone', async () => {
      const up = await fakeUpstream();
      const withUp = await startDnsResponder({ host: '127.0.0.1', port: 0, getTable: () => table, upstream: { host: '127.0.0.1', port: up.port } });
      const ask = async (...args: string[]) => parseDig((await run('dig', ['@127.0.0.1', '-p', String(withUp.address.port), '+time=2', '+tries=1', ...args])).stdout);
      try {
        const outside = await ask('www.example.com', 'A');
        expect(outside.status).toBe('NOERROR');
        expect(outside.answer).toEqual(['www.example.com.\t300\tIN\tA\t192.0.2.10']);
        expect((await ask('+tcp', 'www.example.com', 'A')).answer).toEqual(['www.example.com.\t300\tIN\tA\t192.0.2.10']);
        expect((await ask('nothere.example.com', 'A')).status).toBe('NXDOMAIN');
        // The cluster zone is still ours: nothing of it is asked upstream.
        const before = up.asked.length;
        expect((await ask('kubernetes.default.svc.cluster.local', 'A')).answer).toEqual(['kubernetes.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.1']);
        // A zone transfer stays refused here, not forwarded.
        const axfr = (await run('dig', ['@127.0.0.1', '-p', String(withUp.address.port), '+time=2', '+tries=1', 'cluster.local', 'AXFR'])).stdout;
        expect(axfr).toContain('Transfer failed');
        expect(up.asked.length).toBe(before);
        // Reverse names: ours answered here; an outside address's PTR falls through to the
        // upstream, as the default Corefile's `fallthrough in-addr.arpa ip6.arpa` has it.
        expect((await ask('-x', '10.3.0.100')).answer).toEqual(['100.0.3.10.in-addr.arpa.\t5\tIN\tPTR\tmy-pet.headless.default.svc.cluster.local.']);
        expect(up.asked.length).toBe(before);
        const outsidePtr = await ask('-x', '192.0.2.10');
        expect(outsidePtr.status).toBe('NOERROR');
        expect(outsidePtr.answer).toEqual(['10.2.0.192.in-addr.arpa.\t300\tIN\tPTR\twww.example.com.']);
        expect(up.asked).toContain('10.2.0.192.in-addr.arpa PTR');
        // Without an upstream the miss is ours to answer: NXDOMAIN.
        expect((await dig('udp', '-x', '192.0.2.10')).status).toBe('NXDOMAIN');
        // ExternalName: the CNAME, then the target's records as the upstream gave them (its TTL).
        const ext = await ask('foo.default.svc.cluster.local', 'A');
        expect(ext.status).toBe('NOERROR');
        expect(ext.answer).toEqual(['foo.default.svc.cluster.local.\t5\tIN\tCNAME\twww.example.com.', 'www.example.com.\t300\tIN\tA\t192.0.2.10']);
        // An in-zone target is still chased by us alone.
        const asked = up.asked.length;
        expect((await ask('alias.default.svc.cluster.local', 'A')).answer).toContain('kubernetes.default.svc.cluster.local.\t5\tIN\tA\t10.3.0.1');
        expect(up.asked.length).toBe(asked);
      } finally {
        up.close();
      }
      // The upstream gone: forwarded names are SERVFAIL, an ExternalName's CNAME is dropped (an
      // empty answer, as CoreDNS when the Upstreamer fails), the cluster zone answered as before.
      expect((await ask('www.example.com', 'A')).status).toBe('SERVFAIL');
      expect((await ask('foo.default.svc.cluster.local', 'A')).answer).toEqual([]);
      expect((await ask('kubernetes.default.svc.cluster.local', 'A')).status).toBe('NOERROR');
      await withUp.close();
    }, 20_000);
  });

  describe('UDP size limits, as CoreDNS sizes replies', () => {
    const bigName = 'big.default.svc.cluster.local';
    it('without EDNS, 40 A records are cut to the 29 that fit 512 bytes with compressed names, with TC', async () => {
      // 12 header + 35 question + 29 x 16 (2-byte pointer owner, type, class, TTL, length, IPv4).
      const r = await dig('udp', '+noedns', '+ignore', bigName, 'A');
      expect(r.flags).toContain('tc');
      expect(r.answer).toHaveLength(29);
    });
    it('without EDNS, 25 A records fit 512 bytes once their names are compressed (1,172 bytes written out)', async () => {
      const r = await dig('udp', '+noedns', '+ignore', 'mid.default.svc.cluster.local', 'A');
      expect(r.flags).not.toContain('tc');
      expect(r.answer).toHaveLength(25);
    });
    it('dig then retries over TCP and gets all 40 records', async () => {
      const r = await dig('udp', '+noedns', bigName, 'A');
      expect(r.flags).not.toContain('tc');
      expect(r.answer).toHaveLength(40);
    });
    it('with EDNS (dig advertises 1232) all 40 fit over UDP', async () => {
      const r = await dig('udp', bigName, 'A');
      expect(r.flags).not.toContain('tc');
      expect(r.answer).toHaveLength(40);
      expect(r.answer[0]).toBe(`${bigName}.\t5\tIN\tA\t10.244.9.1`);
    });
    it("a client's larger EDNS buffer is used: 200 A records in one 3 KB UDP answer at +bufsize=4096, cut with TC at 1232", async () => {
      const name = 'huge.default.svc.cluster.local';
      const large = await dig('udp', '+bufsize=4096', '+ignore', name, 'A');
      expect(large.flags).not.toContain('tc');
      expect(large.answer).toHaveLength(200);
      const small = await dig('udp', '+ignore', name, 'A');
      expect(small.flags).toContain('tc');
      expect(small.answer.length).toBe(73); // (1232 - 11 OPT - 47) / 16
    });
  });
});
