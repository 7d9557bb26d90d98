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
    expect((await api(s.url, 'GET', `${NL}/n2/tables/routes`)).json).toMatchObject({ code: 404, message: 'nodes "n2" not found' });
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
    const diff = await api(s.url, 'GET', `${NL}/n2/tables/routes/diff?from=${alive}&to=${deleted}`);
    expect(diff.status).toBe(200);
    expect(diff.json.removed.length).toBeGreaterThan(0);

    // Outside its life: before its creation, and from its deletion on (the head is "now").
    expect((await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${beforeN2}`)).json).toMatchObject({ code: 404, message: `nodes "n2" did not exist at resourceVersion ${beforeN2}` });
    expect((await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${deleted}`)).json).toMatchObject({ code: 404, message: 'nodes "n2" not found' });
    expect((await api(s.url, 'GET', `${NL}/n2/tables/routes?resourceVersion=${created}`)).status).toBe(200);
    // A name that never was a node has no history either.
    expect((await api(s.url, 'GET', `${NL}/nope/tables/routes/history`)).json).toMatchObject({ code: 404, message: 'nodes "nope" not found' });
  });
});
