// Time travel is exact: every node's every table read at a past rv has the digest it had live at
// that rv — across node-scoped overrides (routes, eTP=Local), tombstones and deletions.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, removeDir, startTestServer, type TestServer } from '../support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
  removeDir(s.dataDir);
});

const NODES = ['n1', 'n2', 'n3'];
const TABLES = ['iptables', 'routes', 'dns'];

describe('time travel', () => {
  it('reproduces every past digest of every node', async () => {
    const seen: { rv: number; node: string; table: string; digest: string }[] = [];
    const record = async () => {
      const rv = s.ledger.committedRv;
      for (const node of NODES) {
        if (!s.ledger.state.nodes.has(node)) continue;
        for (const table of TABLES) {
          const r = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/${node}/tables/${table}`);
          seen.push({ rv, node, table, digest: r.json.digest });
        }
      }
    };
    const post = (path: string, body: unknown) => api(s.url, 'POST', path, body);
    for (const [i, n] of NODES.entries()) {
      await post('/api/v1/nodes', { metadata: { name: n }, status: { addresses: [{ type: 'InternalIP', address: `192.168.77.${11 + i}` }] } });
      await record();
    }
    await post('/api/v1/namespaces/default/services', {
      metadata: { name: 'web' },
      spec: { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] },
    });
    await record();
    for (let i = 0; i < 4; i++) {
      const pod = await post('/api/v1/namespaces/default/pods', { metadata: { name: `w${i}`, labels: { app: 'web' } }, spec: { nodeName: NODES[i % 2], containers: [{ name: 'c', image: 'nginx' }] } });
      await api(s.url, 'PUT', `/api/v1/namespaces/default/pods/w${i}/status`, { metadata: { name: `w${i}` }, status: { ...pod.json.status, conditions: [{ type: 'Ready', status: 'True' }] } });
      await record();
    }
    await api(s.url, 'DELETE', '/api/v1/namespaces/default/pods/w1');
    await record();
    await api(s.url, 'PATCH', '/api/v1/namespaces/default/services/web', { spec: { externalTrafficPolicy: 'Cluster' } }, { 'content-type': 'application/merge-patch+json' });
    await record();
    await api(s.url, 'DELETE', '/api/v1/nodes/n3');
    await record();
    await post('/api/v1/nodes', { metadata: { name: 'n3' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.23' }] } });
    await record();
    await api(s.url, 'DELETE', '/api/v1/namespaces/default/services/web');
    await record();

    expect(seen.length).toBeGreaterThan(60);
    for (const p of seen) {
      const r = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/${p.node}/tables/${p.table}?resourceVersion=${p.rv}`);
      expect(r.json.digest, `${p.node} ${p.table} @${p.rv}`).toBe(p.digest);
      // ?key= reads one entry: the same value and rv as in the whole table at that rv.
      if (p.table !== 'routes' || p.rv % 2) continue;
      for (const e of r.json.entries) {
        const one = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/${p.node}/tables/${p.table}?resourceVersion=${p.rv}&key=${encodeURIComponent(e.key)}`);
        expect(one.json.entries, `${p.node} ${e.key} @${p.rv}`).toEqual([e]);
      }
    }
    // A key that did not exist yet at an early rv reads as no entry.
    const early = seen[0]!;
    const later = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/n1/tables/dns`);
    const svcKey = 'web.default.svc.cluster.local./A';
    expect(later.json.entries.some((e: any) => e.key === svcKey)).toBe(false); // deleted at the end
    const none = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/n1/tables/dns?resourceVersion=${early.rv}&key=${encodeURIComponent(svcKey)}`);
    expect(none.json.entries).toEqual([]);
  });
});
