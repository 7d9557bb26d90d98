// Time travel is exact: every node's every table read at a past rv has the digest it had live at
// that rv — across node-scoped overrides (routes, eTP=Local), tombstones and deletions.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

const s = suiteServer();

const NODES = ['n1', 'n2', 'n3'];
const TABLES = ['iptables', 'routes', 'dns'];

const seen: { rv: number; node: string; table: string; digest: string }[] = [];

describe('time travel', () => {
  it('reproduces every past digest of every node', async () => {
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
      await api(s.url, 'PUT', `/api/v1/namespaces/default/pods/w${i}/status`, { ...pod.json, status: { ...pod.json.status, conditions: [{ type: 'Ready', status: 'True' }] } });
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
      // ?key= reads one entry: the same value and rv as in the whole table at that rv (every
      // table: the iptables' node overrides and the routes' tombstones too).
      if (p.rv % 2) continue;
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

  const tables = (node: string, table: string) => `/apis/netledger.io/v1/nodes/${node}/tables/${table}`;

  /** Follows continue tokens from `first`; every page at most `limit` items. */
  async function walk(first: string, base: string, limit: number, items: (page: any) => unknown[]): Promise<any[]> {
    const pages: any[] = [];
    let url = first;
    for (let i = 0; i < 1000; i++) {
      const r = await api(s.url, 'GET', url);
      expect(r.status, url).toBe(200);
      expect(items(r.json).length).toBeLessThanOrEqual(limit);
      pages.push(r.json);
      if (!r.json.metadata.continue) return pages;
      url = `${base}?limit=${limit}&continue=${encodeURIComponent(r.json.metadata.continue)}`;
    }
    throw new Error('pages never ended');
  }

  it('pages of a past table, pinned to the first page\'s rv, add up to the whole table at that rv', async () => {
    // Writes after the first page must not leak into the later ones.
    const pinned = seen.filter((p, i) => i % 5 === 0);
    for (const p of pinned) {
      const whole = await api(s.url, 'GET', `${tables(p.node, p.table)}?resourceVersion=${p.rv}`);
      for (const limit of [1, 3]) {
        const pages = await walk(`${tables(p.node, p.table)}?resourceVersion=${p.rv}&limit=${limit}`, tables(p.node, p.table), limit, (pg) => pg.entries);
        expect(pages.flatMap((pg) => pg.entries), `${p.node} ${p.table} @${p.rv} by ${limit}`).toEqual(whole.json.entries);
        expect(pages.every((pg) => pg.metadata.resourceVersion === String(p.rv) && pg.digest === undefined)).toBe(true);
      }
    }
    // A live read pinned by its first page: a write between pages does not show.
    const first = await api(s.url, 'GET', `${tables('n1', 'dns')}?limit=2`);
    const before = await api(s.url, 'GET', `${tables('n1', 'dns')}?resourceVersion=${first.json.metadata.resourceVersion}`);
    await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'late' }, spec: { selector: { app: 'late' }, ports: [{ port: 80 }] } });
    const rest = await walk(`${tables('n1', 'dns')}?limit=2&continue=${encodeURIComponent(first.json.metadata.continue)}`, tables('n1', 'dns'), 2, (pg) => pg.entries);
    expect([...first.json.entries, ...rest.flatMap((pg) => pg.entries)]).toEqual(before.json.entries);
    expect(before.json.entries.some((e: any) => e.key.startsWith('late.'))).toBe(false);
  });

  it('pages of a diff add up to the whole diff, in both directions', async () => {
    const rvs = [...new Set(seen.map((p) => p.rv))];
    for (const node of NODES) {
      for (const table of TABLES) {
        for (const [a, b] of [[rvs[0]!, rvs[rvs.length - 1]!], [rvs[rvs.length - 1]!, rvs[2]!], [rvs[3]!, rvs[6]!]]) {
          const base = `${tables(node, table)}/diff`;
          const whole = await api(s.url, 'GET', `${base}?from=${a}&to=${b}`);
          const pages = await walk(`${base}?from=${a}&to=${b}&limit=2`, base, 2, (pg) => [...pg.added, ...pg.removed, ...pg.changed]);
          for (const list of ['added', 'removed', 'changed']) {
            expect(pages.flatMap((pg) => pg[list]), `${node} ${table} ${a}..${b} ${list}`).toEqual(whole.json[list]);
          }
          expect(pages.every((pg) => pg.from === String(a) && pg.to === String(b))).toBe(true);
        }
      }
    }
  });

  it('refuses page requests it cannot answer, with a Status', async () => {
    const first = await api(s.url, 'GET', `${tables('n1', 'iptables')}?limit=1`);
    const token = encodeURIComponent(first.json.metadata.continue);
    const cases: [string, number, RegExp][] = [
      [`${tables('n1', 'iptables')}?limit=1&continue=${token}&resourceVersion=1`, 400, /not allowed when using continue/],
      [`${tables('n1', 'iptables')}?limit=1&continue=bm90LWEtdG9rZW4`, 400, /invalid continue token/],
      [`${tables('n1', 'iptables')}/diff?limit=1&continue=${token}`, 400, /invalid continue token/],
      [`${tables('n1', 'iptables')}?limit=1&format=text`, 400, /text form is always the whole table/],
      [`${tables('n1', 'iptables')}/diff?from=1&limit=1&format=text`, 400, /text form is always the whole diff/],
      [`${tables('n1', 'iptables')}?limit=0`, 400, /limit: invalid value/],
      [`${tables('n1', 'iptables')}?limit=1&key=x`, 400, /takes no limit or continue/],
    ];
    for (const [path, code, message] of cases) {
      const r = await api(s.url, 'GET', path);
      expect(r.status, path).toBe(code);
      expect(r.json.kind).toBe('Status');
      expect(r.json.message, path).toMatch(message);
    }
  });
});

