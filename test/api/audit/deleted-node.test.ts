// A node deleted since is still audited as it was: its tables at an rv when it existed, its
// history, blame and diff. Before it was created (or after its deletion) it has no table: 404
// naming the rv, not another node's cluster-wide entries.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../../support/server.js';

const s = suiteServer();
const NL = '/apis/netledger.io/v1/nodes';

async function node(name: string, ip: string): Promise<number> {
  const r = await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: ip }] } });
  expect(r.status).toBe(201);
  return Number(r.json.metadata.resourceVersion);
}

describe('audit of a deleted node', () => {
  it('reads its tables at an rv when it existed, its history, blame and diff; 404 outside its life', async () => {
    await node('n1', '192.168.77.11');
    const beforeN2 = s.ledger.committedRv;
    const created = await node('n2', '192.168.77.12');
    await node('n3', '192.168.77.13');
    const alive = s.ledger.committedRv;
    const routesThen = await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${alive}&format=text`);
    expect(routesThen.status).toBe(200);
    expect(routesThen.text).toContain('192.168.77.13'); // its route to n3
    expect((await api(s.url, 'DELETE', '/api/v1/nodes/n2')).status).toBe(200);
    const deleted = s.ledger.committedRv;

    // Now gone: the live read is 404, as kube-apiserver's for the Node.
    expect((await api(s.url, 'GET', `${NL}/n2/tables/routes`)).json).toMatchObject({
      code: 404,
      reason: 'NotFound',
      details: { name: 'n2', kind: 'nodes' },
      message: `nodes "n2" not found: deleted at resourceVersion ${deleted}; its tables stay readable at the resourceVersions when it existed (resourceVersion=${deleted - 1}, netledger … --at ${deleted - 1})`,
    });
    expect((await api(s.url, 'GET', `${NL}/nope/tables/routes`)).json.message).toBe('nodes "nope" not found');
    // As it was: the same text as when it was alive, JSON with causes, blame.
    const again = await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${alive}&format=text`);
    expect(again.status).toBe(200);
    expect(again.text).toBe(routesThen.text);
    const json = await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${alive}`);
    expect(json.json.entries.length).toBeGreaterThan(0);
    const blame = await api(s.url, 'GET', `${NL}/n2/tables/routes/blame?resourceVersion=${alive}`);
    expect(blame.status).toBe(200);
    expect(blame.json.items.length).toBe(json.json.entries.length);
    // Its history ends with what the deletion removed; the diff across the deletion lists it.
    const history = await api(s.url, 'GET', `${NL}/n2/tables/routes/history`);
    expect(history.status).toBe(200);
    expect(history.json.items[0]).toMatchObject({ resourceVersion: String(deleted), op: 'delete' });
    // Across its deletion and its creation the diff is its whole table, removed or added: it had
    // no table on the other side (a read there is 404), not the cluster's entries.
    const held = json.json.entries.map((e: { key: string; value: unknown }) => ({ key: e.key, value: e.value }));
    for (const table of ['routes', 'iptables']) {
      const whole = (await api(s.url, 'GET', `${NL}/n2/tables/${table}?resourceVersion=${alive}`)).json.entries.map((e: { key: string; value: unknown }) => ({ key: e.key, value: e.value }));
      const gone = await api(s.url, 'GET', `${NL}/n2/tables/${table}/diff?from=${alive}&to=${deleted}`);
      expect(gone.status).toBe(200);
      expect(gone.json).toMatchObject({ added: [], changed: [], removed: whole });
      const born = await api(s.url, 'GET', `${NL}/n2/tables/${table}/diff?from=${beforeN2}&to=${alive}`);
      expect(born.json).toMatchObject({ added: whole, removed: [], changed: [] });
      // The same in pages of 3, and as text: every line of the table at `alive` removed.
      const paged: unknown[] = [];
      let cont: string | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = await api(s.url, 'GET', `${NL}/n2/tables/${table}/diff?${cont ? `continue=${cont}` : `from=${alive}&to=${deleted}`}&limit=3`);
        paged.push(...page.json.removed);
        expect(page.json.added).toEqual([]);
        cont = page.json.metadata.continue;
        if (!cont) break;
      }
      expect(paged).toEqual(whole);
      const textThen = (await api(s.url, 'GET', `${NL}/n2/tables/${table}?resourceVersion=${alive}&format=text`)).text;
      const textDiff = (await api(s.url, 'GET', `${NL}/n2/tables/${table}/diff?from=${alive}&to=${deleted}&format=text`)).text;
      const removedLines = textDiff.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---')).map((l) => l.slice(1));
      expect(removedLines.join('\n') + '\n').toBe(textThen);
      expect(textDiff.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'))).toEqual([]);
    }
    expect(held.length).toBeGreaterThan(0);

    // Outside its life: before its creation, and from its deletion on (the head is "now").
    expect((await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${beforeN2}`)).json).toMatchObject({ code: 404, message: `nodes "n2" did not exist at resourceVersion ${beforeN2}` });
    expect((await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${deleted}`)).json).toMatchObject({ code: 404, message: expect.stringMatching(/^nodes "n2" not found: deleted at resourceVersion /) });
    expect((await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${created}`)).status).toBe(200);
    // A name that never was a node has no history either.
    expect((await api(s.url, 'GET', `${NL}/nope/tables/routes/history`)).json).toMatchObject({ code: 404, message: 'nodes "nope" not found' });
  });
});
