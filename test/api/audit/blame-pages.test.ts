// Blame in pages (`limit` / `continue`), as every list: a whole table's blame at the scale
// envelope is 100k+ entries. The pages, walked to the end, say what the one-response blame says,
// with and without its filters; they stay at the first page's rv while the cluster moves on; and
// a token is refused where it does not belong.

import { describe, expect, it } from 'vitest';
import { Client } from '../../../cli/client.js';
import { api, suiteServer } from '../../support/server.js';

const NL = '/apis/netledger.io/v1/nodes';

async function walk(url: string, path: string, limit: number): Promise<{ items: { key: string; resourceVersion: string }[]; pages: number; rvs: Set<string> }> {
  const items: { key: string; resourceVersion: string }[] = [];
  const rvs = new Set<string>();
  let next = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
  for (let pages = 1; pages < 1000; pages++) {
    const r = await api(url, 'GET', next);
    expect(r.status, r.text).toBe(200);
    items.push(...r.json.items);
    rvs.add(r.json.metadata.resourceVersion);
    if (!r.json.metadata.continue) return { items, pages, rvs };
    const base = path.split('?')[0]!;
    const kept = new URLSearchParams(path.split('?')[1] ?? '');
    kept.delete('resourceVersion');
    kept.set('limit', String(limit));
    kept.set('continue', r.json.metadata.continue);
    next = `${base}?${kept}`;
    // The cluster moves on between pages: the walk must not see it.
    await api(url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `between-${pages}-${Math.random().toString(36).slice(2, 7)}` }, spec: { ports: [{ port: 80 }] } });
  }
  throw new Error('blame pages did not end');
}

describe('blame in pages', () => {
  const s = suiteServer();

  it('walked to the end, says what one response says, at the first page rv, with and without filters', async () => {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.9.11' }] } });
    for (let i = 0; i < 3; i++) {
      await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `web${i}` }, spec: { selector: { app: `web${i}` }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
      await api(s.url, 'POST', '/api/v1/namespaces/default/pods', { metadata: { name: `p${i}`, labels: { app: `web${i}` } }, spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] } });
      await api(s.url, 'PATCH', `/api/v1/namespaces/default/pods/p${i}/status`, { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }, { 'content-type': 'application/merge-patch+json' });
    }
    const rv = (await api(s.url, 'GET', '/api/v1/pods?limit=1')).json.metadata.resourceVersion;
    for (const query of [`resourceVersion=${rv}`, `resourceVersion=${rv}&contains=DNAT`, `resourceVersion=${rv}&key=KUBE-SERVICES`]) {
      const path = `${NL}/n1/tables/iptables/blame?${query}`;
      const whole = (await api(s.url, 'GET', path)).json.items;
      expect(whole.length, query).toBeGreaterThan(2);
      const paged = await walk(s.url, path, 2);
      expect(paged.items, query).toEqual(whole);
      expect(paged.pages, query).toBeGreaterThan(1);
      expect([...paged.rvs], query).toEqual([rv]);
    }
  });

  it('refuses a token with a resourceVersion, or for another table', async () => {
    const first = await api(s.url, 'GET', `${NL}/n1/tables/iptables/blame?limit=1`);
    const token = first.json.metadata.continue;
    expect(token).toBeTruthy();
    const both = await api(s.url, 'GET', `${NL}/n1/tables/iptables/blame?limit=1&continue=${token}&resourceVersion=5`);
    expect(both.status).toBe(400);
    expect(both.json.message).toContain('specifying resource version is not allowed when using continue');
    const other = await api(s.url, 'GET', `${NL}/n1/tables/routes/blame?limit=1&continue=${token}`);
    expect(other.status).toBe(400);
    expect(other.json.message).toContain('invalid continue token');
  });

  it("the CLI's client walks them at --at's rv (the rv goes with the first page only)", async () => {
    const rv = (await api(s.url, 'GET', '/api/v1/pods?limit=1')).json.metadata.resourceVersion;
    const whole = (await api(s.url, 'GET', `${NL}/n1/tables/iptables/blame?resourceVersion=${rv}`)).json.items;
    await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'after-rv' }, spec: { ports: [{ port: 80 }] } });
    const client = new Client({ server: s.url });
    const list = await client.pages<{ key: string }>(`${NL}/n1/tables/iptables/blame?resourceVersion=${rv}&limit=2`);
    expect(list.items).toEqual(whole);
    expect(list.metadata.resourceVersion).toBe(rv);
  });
});
