// The agent stream over real HTTP (API.md "Node stream"): SNAPSHOT then DELTAs in rv order,
// resume without loss or duplicates (also across a server restart, from the log), SNAPSHOT
// below the floor, and a stalled reader closed while the others keep flowing.

import { connect } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';
import { StreamReader } from '../support/stream.js';

const dataDir = tempDir();
afterAll(() => removeDir(dataDir));
const streamPath = (node: string, q = '') => `/apis/netledger.io/v1/nodes/${node}/tables?watch=true${q}`;

async function seed(s: TestServer) {
  for (const [i, name] of ['n1', 'n2'].entries()) {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: `192.168.77.${11 + i}` }] } });
  }
}

async function service(s: TestServer, name: string) {
  const r = await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name }, spec: { selector: { app: name }, ports: [{ name: 'http', port: 80 }] } });
  expect(r.status).toBe(201);
  return Number(r.json.metadata.resourceVersion);
}

async function serverDigest(s: TestServer, node: string, table: string) {
  return (await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/${node}/tables/${table}`)).json.digest as string;
}

describe('node stream', () => {
  it('snapshot, deltas, resume across a restart, snapshot below the floor', async () => {
    let s = await startTestServer([], dataDir);
    await seed(s);
    const a = new StreamReader(s.url + streamPath('n1'));
    await a.open();
    const snap = await a.waitFor((l) => l.type === 'SNAPSHOT');
    expect(Object.keys(snap.tables!).sort()).toEqual(['dns', 'ip6tables', 'iptables', 'routes']);
    expect(snap.tables!.iptables!.digest).toBe(await serverDigest(s, 'n1', 'iptables'));

    const rv = await service(s, 'web');
    const delta = await a.waitFor((l) => l.type === 'DELTA' && Number(l.resourceVersion) >= rv);
    expect(delta.changes!.some((c) => c.table === 'dns' && c.key === 'web.default.svc.cluster.local./A')).toBe(true);
    for (const t of ['iptables', 'dns', 'routes']) expect(a.digest(t)).toBe(await serverDigest(s, 'n1', t));
    const resumeFrom = a.lastRv();
    a.close();

    // Changes while disconnected, then a restart: the cache is gone, the log answers.
    await service(s, 'api');
    await service(s, 'db');
    await s.stop();
    s = await startTestServer([], dataDir);
    try {
      const b = new StreamReader(s.url + streamPath('n1', `&resourceVersion=${resumeFrom}`));
      b.tables.clear();
      for (const [t, m] of a.tables) b.tables.set(t, new Map(m));
      await b.open();
      const head = s.ledger.committedRv;
      await b.waitFor((l) => Number(l.resourceVersion) >= head || l.type === 'BOOKMARK');
      expect(b.lines.some((l) => l.type === 'SNAPSHOT')).toBe(false);
      const rvs = b.lines.filter((l) => l.type === 'DELTA').map((l) => Number(l.resourceVersion));
      expect(rvs.length).toBeGreaterThan(0);
      expect(rvs[0]).toBeGreaterThan(resumeFrom);
      expect([...rvs].sort((x, y) => x - y)).toEqual(rvs);
      expect(new Set(rvs).size).toBe(rvs.length);
      for (const t of ['iptables', 'ip6tables', 'dns', 'routes']) expect(b.digest(t)).toBe(await serverDigest(s, 'n1', t));
      // The live stream goes on after the catch-up.
      const rv2 = await service(s, 'cache');
      await b.waitFor((l) => l.type === 'DELTA' && Number(l.resourceVersion) === rv2);
      b.close();

      s.ledger.floorRv = s.ledger.committedRv; // as compaction would
      const c = new StreamReader(s.url + streamPath('n1', `&resourceVersion=${resumeFrom}`));
      await c.open();
      const snap2 = await c.waitFor(() => true);
      expect(snap2.type).toBe('SNAPSHOT');
      expect(Number(snap2.resourceVersion)).toBe(s.ledger.committedRv);
      c.close();
    } finally {
      await s.stop();
    }
  });

  it('announces rvs that changed nothing for the node with a bookmark within seconds', async () => {
    const dir = tempDir();
    const s = await startTestServer([], dir);
    try {
      await seed(s);
      await api(s.url, 'POST', '/api/v1/namespaces/default/pods', { metadata: { name: 'first' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
      const r = new StreamReader(s.url + streamPath('n1'));
      await r.open();
      await r.waitFor((l) => l.type === 'SNAPSHOT');
      // A pod no service selects, in an existing namespace, changes no table.
      const pod = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', { metadata: { name: 'lonely' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
      const rv = Number(pod.json.metadata.resourceVersion);
      const mark = await r.waitFor((l) => l.type === 'BOOKMARK' && Number(l.resourceVersion) >= rv, 3_000);
      expect(Number(mark.resourceVersion)).toBe(s.ledger.committedRv);
      expect(r.lines.filter((l) => l.type === 'DELTA')).toEqual([]);
      r.close();
    } finally {
      await s.stop();
      removeDir(dir);
    }
  });

  it('drops a stalled reader while the others keep up', async () => {
    const dir = tempDir();
    const s = await startTestServer([], dir, { streamBufferBytes: 64 * 1024 });
    try {
      await seed(s);
      const healthy = new StreamReader(s.url + streamPath('n2'));
      await healthy.open();
      await healthy.waitFor((l) => l.type === 'SNAPSHOT');
      // A reader that never reads: a raw socket, paused, so the kernel buffers fill up.
      const port = Number(new URL(s.url).port);
      const stalled = connect({ port, host: '127.0.0.1' });
      stalled.pause();
      stalled.write(`GET ${streamPath('n1')} HTTP/1.1\r\nHost: x\r\n\r\n`);
      const streams = async () => Number(/^netledger_node_streams (\d+)/m.exec(await (await fetch(`${s.url}/metrics`)).text())![1]);
      const deadline = Date.now() + 30_000;
      while ((await streams()) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await streams()).toBe(2);
      let dropped = false;
      for (let i = 0; !dropped && Date.now() < deadline && i < 2000; i++) {
        const r = await api(s.url, 'POST', '/api/v1/namespaces/default/services', {
          metadata: { name: `s${i}` },
          spec: { selector: { app: `a${i}` }, ports: Array.from({ length: 100 }, (_, p) => ({ name: `p${p}`, port: 1000 + p })) },
        });
        const rv = Number(r.json.metadata.resourceVersion);
        // The healthy reader sees every write promptly, whatever the stalled one does.
        await healthy.waitFor((l) => Number(l.resourceVersion) >= rv, 5_000);
        if (i % 20 === 19) dropped = (await streams()) === 1;
      }
      expect(dropped).toBe(true);
      expect(healthy.ended).toBe(false);
      stalled.destroy();
      healthy.close();
    } finally {
      await s.stop();
      removeDir(dir);
    }
  });
});

describe('node stream with a snapshot larger than the buffer limit', () => {
  it('is not dropped for its own snapshot', async () => {
    const dir = tempDir();
    const s = await startTestServer([], dir, { streamBufferBytes: 4 * 1024 });
    try {
      await seed(s);
      for (let i = 0; i < 20; i++) await service(s, `big${i}`);
      const r = new StreamReader(s.url + streamPath('n1'));
      await r.open();
      const snap = await r.waitFor((l) => l.type === 'SNAPSHOT');
      expect(JSON.stringify(snap).length).toBeGreaterThan(4 * 1024);
      const rv = await service(s, 'after');
      await r.waitFor((l) => l.type === 'DELTA' && Number(l.resourceVersion) >= rv);
      expect(r.ended).toBe(false);
      r.close();
    } finally {
      await s.stop();
      removeDir(dir);
    }
  });
});
