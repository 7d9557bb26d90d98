// The node stream's edges (API.md "Node stream"): resuming from an rv the server has not reached
// must not skip the rvs before it, rv 0 means "any state" (a SNAPSHOT), and the stream of a node
// that is deleted ends with an ERROR instead of streaming cluster rules for a node that is gone.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';
import { StreamReader } from '../support/stream.js';

const streamPath = (node: string, q = '') => `/apis/netledger.io/v1/nodes/${node}/tables?watch=true${q}`;
const dataDir = tempDir();
let s: TestServer;

beforeAll(async () => {
  s = await startTestServer([], dataDir);
  for (const [i, name] of ['n1', 'n2'].entries()) {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: `192.168.78.${11 + i}` }] } });
  }
});
afterAll(async () => {
  await s.stop();
  removeDir(dataDir);
});

async function service(name: string): Promise<number> {
  const r = await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name }, spec: { selector: { app: name }, ports: [{ name: 'http', port: 80 }] } });
  expect(r.status).toBe(201);
  return Number(r.json.metadata.resourceVersion);
}

describe('node stream edges', () => {
  it('resuming from an rv not reached yet waits for it: no answer and no line naming an rv that does not exist yet', async () => {
    const head = s.ledger.committedRv;
    const reader = new StreamReader(s.url + streamPath('n1', `&resourceVersion=${head + 2}`));
    let answered = false;
    const opened = reader.open().then(() => (answered = true));
    // No answer, and no line naming an rv that does not exist yet, until the log reaches it.
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    expect(reader.lines).toEqual([]);
    const first = await service('early');
    expect(first).toBeLessThanOrEqual(head + 2);
    await opened;
    const later = await service('later');
    const delta = await reader.waitFor((l) => l.type === 'DELTA' && Number(l.resourceVersion) === later);
    expect(delta.changes!.some((c) => c.key === 'later.default.svc.cluster.local./A')).toBe(true);
    // Nothing at or below the rv it asked for is sent again, and no rv beyond the log is named.
    for (const l of reader.lines) expect(Number(l.resourceVersion)).toBeGreaterThan(head + 2 - 1);
    reader.close();
  });

  it('an rv the server never reaches is 504 ResourceVersionTooLarge, not a silent gap', async () => {
    const res = await fetch(s.url + streamPath('n1', `&resourceVersion=${s.ledger.committedRv + 1000}`));
    expect(res.status).toBe(504);
    const status = await res.json();
    expect(status.details.causes[0].reason).toBe('ResourceVersionTooLarge');
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('resourceVersion=0 starts with a SNAPSHOT, as a Kubernetes watch from 0 starts with the state', async () => {
    const reader = new StreamReader(s.url + streamPath('n1', '&resourceVersion=0'));
    await reader.open();
    const first = await reader.waitFor(() => true);
    expect(first.type).toBe('SNAPSHOT');
    expect(Number(first.resourceVersion)).toBe(s.ledger.committedRv);
    reader.close();
  });

  it("a deleted node's stream gets its last changes, then ERROR 404, then closes", async () => {
    const n2 = new StreamReader(s.url + streamPath('n2'));
    const n1 = new StreamReader(s.url + streamPath('n1'));
    await n2.open();
    await n1.open();
    await n2.waitFor((l) => l.type === 'SNAPSHOT');
    await n1.waitFor((l) => l.type === 'SNAPSHOT');
    const del = await api(s.url, 'DELETE', '/api/v1/nodes/n2');
    expect(del.status).toBe(200);
    const error = await n2.waitFor((l) => l.type === 'ERROR');
    expect(error.status).toMatchObject({ code: 404, reason: 'NotFound', details: { name: 'n2', kind: 'nodes' } });
    // Its own entries went first (meta/node among them), in the DELTA of the deletion.
    const last = n2.lines[n2.lines.length - 2]!;
    expect(last.type).toBe('DELTA');
    expect(last.changes!.some((c) => c.op === 'delete' && c.key === 'meta/node')).toBe(true);
    await n2.waitForEnd();
    // Later changes go to the nodes that exist, not to the deleted one.
    const rv = await service('after-delete');
    await n1.waitFor((l) => l.type === 'DELTA' && Number(l.resourceVersion) === rv);
    expect(n2.lines.some((l) => Number(l.resourceVersion) >= rv)).toBe(false);
    n1.close();
    expect((await fetch(s.url + streamPath('n2'))).status).toBe(404);
  });

  it('a node deleted while its stream waits for a future rv is 404, not a stream that never ends', async () => {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n-brief' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.78.30' }] } });
    const waiting = fetch(s.url + streamPath('n-brief', `&resourceVersion=${s.ledger.committedRv + 1}`));
    await new Promise((r) => setTimeout(r, 200));
    expect((await api(s.url, 'DELETE', '/api/v1/nodes/n-brief')).status).toBe(200);
    const res = await waiting;
    expect(res.status).toBe(404);
    expect((await res.json()).details.name).toBe('n-brief');
  });

  it('an unknown table in ?tables= or an unknown ?format= is 400 naming what there is', async () => {
    const nat = await api(s.url, 'GET', streamPath('n1', '&tables=nat'));
    expect(nat.status).toBe(400);
    expect(nat.json.message).toBe('tables: Unsupported value: "nat": supported values: "iptables", "ip6tables", "routes", "dns"');
    const xml = await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/tables/iptables?format=xml');
    expect(xml.status).toBe(400);
    expect(xml.json.message).toBe('format: Unsupported value: "xml": supported values: "json", "text"');
  });
});
