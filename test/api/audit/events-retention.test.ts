// The event log and node history after a real compaction (--retain): paging works through the
// snapshot kept below the floor (events; a node's history starts above it), a token expires only when a later compaction may have removed
// rows it would read, limit=0 means no limit, and the events list reads as kubectl expects
// (apiVersion on items, a Table on request).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compact } from '../../../store/retention.js';
import { api, removeDir, tempDir, type TestServer } from '../../support/server.js';
import { retainedServer } from './retained-log.js';

const NL = '/apis/netledger.io/v1';
const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

async function pageAll(s: TestServer, path: string): Promise<{ status: number; items: any[]; pages: number; message?: string }> {
  const items: any[] = [];
  let cont: string | undefined;
  let pages = 0;
  do {
    const r = await api(s.url, 'GET', cont ? `${path}&continue=${encodeURIComponent(cont)}` : path);
    if (r.status !== 200) return { status: r.status, items, pages, message: r.json?.message };
    items.push(...r.json.items);
    cont = r.json.metadata.continue;
    pages++;
  } while (cont);
  return { status: 200, items, pages };
}

describe('the audit log after compaction', () => {
  const dataDir = tempDir();
  let s: TestServer;
  beforeAll(async () => {
    s = await retainedServer(dataDir);
  });
  afterAll(async () => {
    await s?.stop();
    removeDir(dataDir);
  });

  it('pages the whole log with its own continue tokens, through the snapshot below the floor', async () => {
    const floor = s.ledger.floorRv;
    const all = await api(s.url, 'GET', `${NL}/events?limit=10000`);
    const kept = all.json.items.filter((e: any) => Number(e.resourceVersion) <= floor);
    // More kept rows below the floor than a page holds: the first tokens point below it.
    expect(kept.length).toBeGreaterThan(10);
    const paged = await pageAll(s, `${NL}/events?limit=10`);
    expect(paged.message).toBeUndefined();
    expect(paged.status).toBe(200);
    expect(paged.pages).toBeGreaterThan(2);
    expect(paged.items).toEqual(all.json.items);
    // Where complete history starts, for clients turning times into rvs (netledger history --since 1h).
    expect(all.headers.get('x-netledger-retention-floor')).toBe(String(floor));
    expect(all.headers.get('x-netledger-retention-floor-time')).toBe(kept[kept.length - 1].time);
  });

  it("starts a node's history above the floor: the state at the floor is the table read there", async () => {
    const floor = s.ledger.floorRv;
    const whole = await pageAll(s, `${NL}/nodes/n1/tables/iptables/history?limit=1`);
    expect(whole.status).toBe(200);
    expect(whole.items.length).toBeGreaterThan(0);
    for (const item of whole.items) expect(Number(item.resourceVersion)).toBeGreaterThan(floor);
    // Each item's previous value is what n1 held: at the floor for the oldest one of its key.
    const atFloor = new Map((await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables?resourceVersion=${floor}`)).json.entries.map((e: any) => [e.key, e.value]));
    const oldest = new Map<string, any>();
    for (const item of whole.items) oldest.set(item.key, item);
    for (const [key, item] of oldest) expect(item.previous, key).toEqual(atFloor.get(key) ?? null);
  });

  it('blame still names who and why for entries set below the floor (their events are kept)', async () => {
    const floor = s.ledger.floorRv;
    const blame = (await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables/blame`)).json.items as { key: string; resourceVersion: string; cause: { actor: string; kind: string; name: string } | null }[];
    const old = blame.filter((i) => Number(i.resourceVersion) > 0 && Number(i.resourceVersion) <= floor);
    // The Services' rules were set by their creation, below the floor; their label edits,
    // above it, changed no rule.
    expect(old.length).toBeGreaterThan(10);
    for (const item of old) expect(item.cause, item.key).toMatchObject({ actor: expect.stringMatching(/./), kind: expect.stringMatching(/./), name: expect.stringMatching(/./) });
  });

  it('expires a token only when a compaction since it was issued may have removed rows it reads', async () => {
    const floor = s.ledger.floorRv;
    const first = await api(s.url, 'GET', `${NL}/events?limit=5`);
    const low = first.json.metadata.continue;
    const late = await api(s.url, 'GET', `${NL}/events?since=${floor + 20}&limit=5`);
    const high = late.json.metadata.continue;
    expect(Number(first.json.items[4].resourceVersion)).toBeLessThan(floor);

    const hist = await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables/history?limit=1`);
    const histCont = hist.json.metadata.continue;
    expect(histCont).toBeDefined();
    expect((await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables/history?limit=1&continue=${histCont}`)).status).toBe(200);

    // A second compaction moves the floor past the low token's position, not the high one's.
    compact(s.ledger.store.sql, floor + 10);
    s.ledger.floorRv = floor + 10;
    const expired = await api(s.url, 'GET', `${NL}/events?limit=5&continue=${low}`);
    expect(expired.status).toBe(410);
    expect(expired.json.reason).toBe('Expired');
    expect(expired.json.message).toContain(`from ${floor} to ${floor + 10}`);
    expect((await api(s.url, 'GET', `${NL}/events?limit=5&continue=${high}`)).status).toBe(200);
    expect((await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables/history?limit=1&continue=${histCont}`)).json.reason).toBe('Expired');
    // Tokens issued under the new floor page again.
    const again = await pageAll(s, `${NL}/events?limit=10`);
    expect(again.status).toBe(200);
  });

  it('410 for an explicit since below the floor names the parameter as asked', async () => {
    const r = await api(s.url, 'GET', `${NL}/events?since=3`);
    expect(r.status).toBe(410);
    expect(r.json.message).toBe(`since=3 is below the retention floor ${s.ledger.floorRv}: compaction removed the history before it; the oldest since accepted is ${s.ledger.floorRv}`);
  });

  it('limit=0 means no limit, as for a Kubernetes list', async () => {
    const zero = await api(s.url, 'GET', `${NL}/events?limit=0`);
    expect(zero.status).toBe(200);
    expect(zero.json.items).toEqual((await api(s.url, 'GET', `${NL}/events`)).json.items);
    const hist = await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables/history?limit=0`);
    expect(hist.status).toBe(200);
    expect(hist.json.items.length).toBeGreaterThan(0);
  });

  it('items carry the changed object\'s apiVersion next to its kind; Table on request; no watch', async () => {
    const list = (await api(s.url, 'GET', `${NL}/events?kind=EndpointSlice&limit=1`)).json;
    expect(list).toMatchObject({ kind: 'EventList', apiVersion: 'netledger.io/v1', metadata: { resourceVersion: expect.any(String) } });
    expect(list.items[0]).toMatchObject({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' });
    const svc = (await api(s.url, 'GET', `${NL}/events?kind=Service&limit=1`)).json.items[0];
    expect([svc.apiVersion, svc.kind]).toEqual(['v1', 'Service']);

    const t = await api(s.url, 'GET', `${NL}/events?kind=Service&limit=2`, undefined, { accept: TABLE });
    expect(t.json).toMatchObject({ kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { continue: expect.any(String) } });
    expect(t.json.columnDefinitions.map((c: any) => c.name)).toEqual(['Revision', 'Age', 'Actor', 'Type', 'Kind', 'Namespace', 'Name', 'Time', 'Cause', 'Request ID']);
    const row = t.json.rows[0];
    expect(row.cells.slice(2, 7)).toEqual([svc.actor, svc.type, 'Service', 'default', svc.name]);
    expect(row.cells[0]).toBe(svc.resourceVersion);
    expect(row.object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: svc.resourceVersion, creationTimestamp: expect.stringMatching(/Z$/) } });
    expect((await api(s.url, 'GET', `${NL}/events?watch=true`)).status).toBe(405);
  });
});
