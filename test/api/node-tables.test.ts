// Node table reads per API.md: JSON with each entry's cause, the text forms, time travel.

import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTool, netnsSkipReason, titled } from '../support/host.js';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';

const restoreSkip = netnsSkipReason(['iptables-restore']);
const checkzoneSkip = missingTool(['named-checkzone']);

let s: TestServer;
let svcRv = 0;
let beforeSvc = 0;
const base = '/apis/netledger.io/v1/nodes';

const iptablesText = async () => (await fetch(`${s.url}${base}/node-1/tables/iptables`, { headers: { accept: 'text/plain' } })).text();

beforeAll(async () => {
  s = await startTestServer();
  for (const [i, name] of ['node-1', 'node-2'].entries()) {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: `192.168.77.${11 + i}` }] } });
  }
  const pod = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', {
    metadata: { name: 'web-1', labels: { app: 'web' } },
    spec: { nodeName: 'node-2', containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 80 }] }] },
  });
  await api(s.url, 'PUT', '/api/v1/namespaces/default/pods/web-1/status', { ...pod.json, status: { ...pod.json.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } });
  beforeSvc = s.ledger.committedRv;
  const svc = await api(s.url, 'POST', '/api/v1/namespaces/default/services', {
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
  }, { 'Impersonate-User': 'alice' });
  svcRv = Number(svc.json.metadata.resourceVersion);
});
afterAll(async () => {
  await s.stop();
  removeDir(s.dataDir);
});

describe('node tables', () => {
  it('JSON: every entry names the event that last changed it', async () => {
    const r = await api(s.url, 'GET', `${base}/node-1/tables/iptables`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ kind: 'NodeTable', apiVersion: 'netledger.io/v1', metadata: { name: 'node-1' }, table: 'iptables' });
    expect(r.json.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const sep = r.json.entries.find((e: any) => /^nat\/KUBE-SEP-/.test(e.key));
    expect(sep.value.join('\n')).toContain('-j DNAT --to-destination 10.244.1.2:80');
    // The Service and the EndpointSlice its create caused are projected together (no node ever
    // held the REJECT of a service without endpoints in between): its rules name alice's create.
    expect(sep.cause).toMatchObject({ kind: 'Service', name: 'web', namespace: 'default', type: 'ADDED', actor: 'alice', resourceVersion: String(svcRv) });
    const svcChain = r.json.entries.find((e: any) => /^nat\/KUBE-SVC-/.test(e.key));
    expect(svcChain.cause.resourceVersion).toBe(sep.cause.resourceVersion);
    const frag = r.json.entries.find((e: any) => e.key === 'nat/KUBE-SERVICES/default/web');
    expect(frag.cause).toMatchObject({ kind: 'Service', actor: 'alice', resourceVersion: String(svcRv) });
    expect(r.json.entries.some((e: any) => e.key === 'filter/KUBE-SERVICES/default/web')).toBe(false);
    const dns = await api(s.url, 'GET', `${base}/node-1/tables/dns`);
    const a = dns.json.entries.find((e: any) => e.key === 'web.default.svc.cluster.local./A');
    expect(a.cause).toMatchObject({ kind: 'Service', name: 'web', type: 'ADDED', actor: 'alice', resourceVersion: String(svcRv) });
  });

  it('text: iptables-restore input in kube-proxy\'s order', async () => {
    const text = await iptablesText();
    expect(text).toMatch(/^\*filter\n/);
    expect(text).toContain('\n*nat\n');
    expect(text).toContain('-A KUBE-SERVICES -m comment --comment "default/web:http cluster IP"');
  });

  it.skipIf(restoreSkip !== undefined)(titled('text: iptables-restore --test accepts it in a fresh netns', restoreSkip), async () => {
    const ns = `nltables-${process.pid}`;
    execFileSync('ip', ['netns', 'add', ns]);
    try {
      const res = spawnSync('ip', ['netns', 'exec', ns, 'iptables-restore', '--test'], { input: await iptablesText() });
      expect(res.stderr.toString()).toBe('');
      expect(res.status).toBe(0);
    } finally {
      spawnSync('ip', ['netns', 'del', ns]);
    }
  });

  it('text: a zone file, and routes batches per tool', async () => {
    const zone = await (await fetch(`${s.url}${base}/node-1/tables/dns?format=text`)).text();
    expect(zone).toMatch(/web\.default\.svc\.cluster\.local\.\s+5\s+IN\s+A\s+10\./);
    const routes = await (await fetch(`${s.url}${base}/node-1/tables/routes?format=text`)).text();
    expect(routes).toContain('# ip -batch -');
    expect(routes).toContain('route replace 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink');
    expect(routes).toContain('# bridge -batch -');
  });

  it.skipIf(checkzoneSkip !== undefined)(titled('text: named-checkzone accepts the zone file', checkzoneSkip), async () => {
    const zone = await (await fetch(`${s.url}${base}/node-1/tables/dns?format=text`)).text();
    const dir = tempDir();
    try {
      writeFileSync(join(dir, 'zone'), zone);
      const out = execFileSync('named-checkzone', ['cluster.local', join(dir, 'zone')], { encoding: 'utf8' });
      expect(out).toContain('OK');
      // The PTRs are in the reverse zones, one zone file each (?zone=).
      const reverse = await (await fetch(`${s.url}${base}/node-1/tables/dns?format=text&zone=in-addr.arpa`)).text();
      expect(reverse).toMatch(/\.in-addr\.arpa\.\s+5\s+IN\s+PTR\s+web\.default\.svc\.cluster\.local\./);
      writeFileSync(join(dir, 'reverse'), reverse);
      expect(execFileSync('named-checkzone', ['in-addr.arpa', join(dir, 'reverse')], { encoding: 'utf8' })).toContain('OK');
      const other = await api(s.url, 'GET', `${base}/node-1/tables/dns?format=text&zone=example.com`);
      expect([other.status, other.json.message]).toEqual([400, 'zone "example.com" is not one of the zones the dns table holds: cluster.local, in-addr.arpa, ip6.arpa']);
    } finally {
      removeDir(dir);
    }
  });

  it('time travel: the table as it was before the service existed', async () => {
    const then = await api(s.url, 'GET', `${base}/node-1/tables/iptables?resourceVersion=${beforeSvc}`);
    expect(then.status).toBe(200);
    expect(then.json.metadata.resourceVersion).toBe(String(beforeSvc));
    expect(then.json.entries.some((e: any) => e.key === 'nat/KUBE-SERVICES/default/web')).toBe(false);
    const now = await api(s.url, 'GET', `${base}/node-1/tables/iptables`);
    expect(now.json.digest).not.toBe(then.json.digest);
    const again = await api(s.url, 'GET', `${base}/node-1/tables/iptables?resourceVersion=${s.ledger.committedRv}`);
    expect(again.json.digest).toBe(now.json.digest);
  });

  it('a second read answers the same bytes, and a change in between shows (each entry\'s encoding is kept with it)', async () => {
    const read = async () => (await fetch(`${s.url}${base}/node-1/tables/iptables`)).text();
    const first = await read();
    expect(await read()).toBe(first);
    // web-1 turns not ready: its KUBE-SEP chain goes, KUBE-SVC's jump goes, the REJECT comes.
    const pod = (await api(s.url, 'GET', '/api/v1/namespaces/default/pods/web-1')).json;
    await api(s.url, 'PUT', '/api/v1/namespaces/default/pods/web-1/status', { ...pod, status: { ...pod.status, conditions: [{ type: 'Ready', status: 'False' }] } });
    const after = JSON.parse(await read());
    expect(after.entries.some((e: any) => /^nat\/KUBE-SEP-/.test(e.key))).toBe(false);
    expect(after.entries.find((e: any) => e.key === 'filter/KUBE-SERVICES/default/web').value[0]).toContain('has no endpoints');
    // Unchanged entries are the same text as before, with the same cause.
    const before = new Map(JSON.parse(first).entries.map((e: any) => [e.key, JSON.stringify(e)]));
    const base0 = after.entries.find((e: any) => e.key === 'nat/KUBE-MARK-MASQ');
    expect(JSON.stringify(base0)).toBe(before.get('nat/KUBE-MARK-MASQ'));
    await api(s.url, 'PUT', '/api/v1/namespaces/default/pods/web-1/status', { ...pod, status: { ...pod.status, conditions: [{ type: 'Ready', status: 'True' }] } });
  });

  it('404 for an unknown node or table', async () => {
    expect((await api(s.url, 'GET', `${base}/nope/tables/iptables`)).json).toMatchObject({ code: 404, message: 'nodes "nope" not found' });
    expect((await api(s.url, 'GET', `${base}/node-1/tables/arp`)).status).toBe(404);
  });
});
