// Paged lists. A negative limit lists everything (the storage pages only when limit > 0). A paged
// list whose continue token fell below the retention floor: 410 Expired with upstream's
// inconsistent-continue message and, in the Status's metadata, a token that goes on from where the
// list was at the latest state (etcd3's handleCompactedErrorForPaging; client-go's pager and
// kubectl --chunk-size know what to do with both). An Exact list below the floor says so too.

import { describe, expect, it } from 'vitest';
import { compact } from '../../store/retention.js';
import { api, suiteServer } from '../support/server.js';

describe('list paging', () => {
  const s = suiteServer();
  const pods = '/api/v1/namespaces/default/pods';
  const pod = (name: string) => ({ metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

  it('pages walk the collection in namespace/name order, each with the count that remains', async () => {
    // Created out of order over three namespaces; pages of 7 across a cluster-wide list.
    const names: string[] = [];
    for (let i = 0; i < 45; i++) {
      const ns = `pg-${(i * 7) % 3}`;
      const name = `p-${String((i * 37) % 45).padStart(2, '0')}`;
      expect((await api(s.url, 'POST', `/api/v1/namespaces/${ns}/pods`, pod(name))).status).toBe(201);
      names.push(`${ns}/${name}`);
    }
    const seen: string[] = [];
    const remaining: number[] = [];
    let path = '/api/v1/pods?limit=7';
    for (let page = 0; page < 20; page++) {
      const r = await api(s.url, 'GET', path);
      expect(r.status).toBe(200);
      for (const p of r.json.items) if (p.metadata.namespace.startsWith('pg-')) seen.push(`${p.metadata.namespace}/${p.metadata.name}`);
      if (!r.json.metadata.continue) break;
      remaining.push(r.json.metadata.remainingItemCount);
      path = `/api/v1/pods?limit=7&continue=${r.json.metadata.continue}`;
    }
    expect(seen).toEqual([...names].sort());
    // Each page's remainingItemCount is what the later pages hold.
    const total = (await api(s.url, 'GET', '/api/v1/pods')).json.items.length;
    expect(remaining).toEqual(remaining.map((_, i) => total - 7 * (i + 1)));
  });

  it('a paged list at a past rv: every page is the state at that rv, rewound from the log once', async () => {
    for (const name of ['r1', 'r2', 'r3', 'r4', 'r5']) expect((await api(s.url, 'POST', '/api/v1/namespaces/past/pods', pod(name))).status).toBe(201);
    const at = s.ledger.committedRv;
    // After R: one pod goes, one comes, one is relabelled.
    expect((await api(s.url, 'DELETE', '/api/v1/namespaces/past/pods/r2?gracePeriodSeconds=0')).status).toBe(200);
    expect((await api(s.url, 'POST', '/api/v1/namespaces/past/pods', pod('r0'))).status).toBe(201);
    const patched = await api(s.url, 'PATCH', '/api/v1/namespaces/past/pods/r4', { metadata: { labels: { late: 'yes' } } }, { 'content-type': 'application/merge-patch+json' });
    expect(patched.status).toBe(200);
    const ledger = s.ledger as { eventsSince: (rv: number) => Promise<unknown[]> };
    const eventsSince = ledger.eventsSince.bind(ledger);
    let logReads = 0;
    ledger.eventsSince = (rv) => {
      logReads++;
      return eventsSince(rv);
    };
    try {
      const seen: any[] = [];
      let path = `/api/v1/namespaces/past/pods?limit=2&resourceVersion=${at}`;
      for (let page = 0; page < 10; page++) {
        const r = await api(s.url, 'GET', path);
        expect(r.status).toBe(200);
        expect(r.json.metadata.resourceVersion).toBe(String(at));
        seen.push(...r.json.items);
        if (!r.json.metadata.continue) break;
        path = `/api/v1/namespaces/past/pods?limit=2&continue=${r.json.metadata.continue}`;
      }
      expect(seen.map((p) => p.metadata.name)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
      expect(seen.find((p) => p.metadata.name === 'r4').metadata.labels?.late).toBeUndefined();
      expect(logReads).toBe(1);
    } finally {
      ledger.eventsSince = eventsSince;
    }
  });

  it('pages after the first come from one sorted state at the list rv: namespace counts, selectors, writes in between', async () => {
    for (const [ns, name, tier] of [
      ['wk-a', 'p3', 'x'],
      ['wk-b', 'p0', 'x'],
      ['wk-a', 'p0', 'y'],
      ['wk-a', 'p4', 'y'],
      ['wk-b', 'p1', 'y'],
      ['wk-a', 'p1', 'x'],
      ['wk-a', 'p2', 'y'],
    ] as const) {
      const body = { ...pod(name), metadata: { name, labels: { tier } } };
      expect((await api(s.url, 'POST', `/api/v1/namespaces/${ns}/pods`, body)).status).toBe(201);
    }
    const state = s.ledger.state as { list: (...a: unknown[]) => unknown[] };
    const list = state.list.bind(state);
    let reads = 0;
    state.list = (...a) => {
      reads++;
      return list(...a);
    };
    const walk = async (first: string, each?: (page: number) => Promise<void>) => {
      const pages: { names: string[]; remaining?: number }[] = [];
      let path = first;
      for (let page = 0; page < 10; page++) {
        const r = await api(s.url, 'GET', path);
        expect(r.status).toBe(200);
        pages.push({ names: r.json.items.map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`), remaining: r.json.metadata.remainingItemCount });
        if (!r.json.metadata.continue) break;
        await each?.(page);
        path = `${first.split('?')[0]}?${first.split('?')[1]!.replace(/limit=\d+/, (l) => `${l}&continue=${r.json.metadata.continue}`)}`;
      }
      return pages;
    };
    try {
      // A namespace's walk counts what remains of that namespace only, and reads the kind twice
      // (the first page, then the sorted state every later page uses).
      expect(await walk('/api/v1/namespaces/wk-a/pods?limit=2')).toEqual([
        { names: ['wk-a/p0', 'wk-a/p1'], remaining: 3 },
        { names: ['wk-a/p2', 'wk-a/p3'], remaining: 1 },
        { names: ['wk-a/p4'] },
      ]);
      expect(reads).toBe(2);
      // A selector's walk: only what matches, no count, and no token when nothing matching follows.
      expect(await walk('/api/v1/pods?labelSelector=tier%3Dx&limit=1')).toEqual([
        { names: ['wk-a/p1'] },
        { names: ['wk-a/p3'] },
        { names: ['wk-b/p0'] },
      ]);
      // Writes between pages: the walk stays at its first page's rv.
      const pages = await walk('/api/v1/namespaces/wk-a/pods?limit=2', async (page) => {
        if (page !== 0) return;
        expect((await api(s.url, 'DELETE', '/api/v1/namespaces/wk-a/pods/p4?gracePeriodSeconds=0')).status).toBe(200);
        expect((await api(s.url, 'POST', '/api/v1/namespaces/wk-a/pods', { ...pod('p25'), metadata: { name: 'p25' } })).status).toBe(201);
      });
      expect(pages.flatMap((p) => p.names)).toEqual(['wk-a/p0', 'wk-a/p1', 'wk-a/p2', 'wk-a/p3', 'wk-a/p4']);
    } finally {
      state.list = list;
    }
  });

  it('a continue token naming an rv this server has not reached waits for it, then is 504, and leaves nothing behind', { timeout: 15_000 }, async () => {
    const path = '/api/v1/namespaces/future/pods';
    expect((await api(s.url, 'POST', path, pod('f1'))).status).toBe(201);
    const head = s.ledger.committedRv;
    const token = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: head + 3, start: '' })).toString('base64url');
    const early = await api(s.url, 'GET', `${path}?limit=1&continue=${token}`);
    expect(early.status).toBe(504);
    expect(early.json).toMatchObject({ kind: 'Status', code: 504, reason: 'Timeout', details: { causes: [{ reason: 'ResourceVersionTooLarge' }] } });
    // The server reaches that rv; a paged list then sees the state at its own rv, f2..f4 included.
    for (const name of ['f2', 'f3', 'f4']) expect((await api(s.url, 'POST', path, pod(name))).status).toBe(201);
    const first = await api(s.url, 'GET', `${path}?limit=1`);
    expect((await api(s.url, 'POST', path, pod('f5'))).status).toBe(201);
    const names = first.json.items.map((p: any) => p.metadata.name);
    let cont = first.json.metadata.continue;
    for (let i = 0; cont && i < 10; i++) {
      const r = await api(s.url, 'GET', `${path}?limit=1&continue=${cont}`);
      names.push(...r.json.items.map((p: any) => p.metadata.name));
      cont = r.json.metadata.continue;
    }
    expect(names).toEqual(['f1', 'f2', 'f3', 'f4']);
  });

  it('a negative limit lists everything; a limit that is no integer is 400', async () => {
    const all = await api(s.url, 'GET', '/api/v1/namespaces?limit=-1');
    expect(all.status).toBe(200);
    expect(all.json.metadata.continue).toBeUndefined();
    expect(all.json.items.length).toBeGreaterThanOrEqual(4);
    expect((await api(s.url, 'GET', '/api/v1/namespaces?limit=x')).status).toBe(400);
  });

  it('an expired continue token is 410 with a token for the rest of the list at the latest state', async () => {
    for (const name of ['a', 'b', 'c']) expect((await api(s.url, 'POST', pods, pod(name))).status).toBe(201);
    const first = await api(s.url, 'GET', `${pods}?limit=1`);
    expect(first.json.items.map((p: any) => p.metadata.name)).toEqual(['a']);
    const token = first.json.metadata.continue;
    // After the first page: b goes, d comes, and a compaction moves the floor past the token's rv.
    expect((await api(s.url, 'DELETE', `${pods}/b?gracePeriodSeconds=0`)).status).toBe(200);
    expect((await api(s.url, 'POST', pods, pod('d'))).status).toBe(201);
    const floor = s.ledger.committedRv;
    compact(s.ledger.store.sql, floor);
    s.ledger.floorRv = floor;

    const expired = await api(s.url, 'GET', `${pods}?limit=1&continue=${token}`);
    expect(expired.status).toBe(410);
    expect(expired.json).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410, metadata: { continue: expect.any(String) } });
    expect(expired.json.message).toMatch(/^The provided continue parameter is too old to display a consistent list result\. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results\./);

    // Going on with it: the rest after a, as it is now (b gone, d there), then consistent pages.
    const names: string[] = [];
    let cont: string | undefined = expired.json.metadata.continue;
    for (let i = 0; cont && i < 10; i++) {
      const page: any = await api(s.url, 'GET', `${pods}?limit=1&continue=${cont}`);
      expect(page.status).toBe(200);
      expect(Number(page.json.metadata.resourceVersion)).toBeGreaterThanOrEqual(floor);
      names.push(...page.json.items.map((p: any) => p.metadata.name));
      cont = page.json.metadata.continue;
    }
    expect(names).toEqual(['c', 'd']);

    const exact = await api(s.url, 'GET', `${pods}?resourceVersion=1&resourceVersionMatch=Exact`);
    expect(exact.json).toMatchObject({ code: 410, reason: 'Expired', message: 'The resourceVersion for the provided list is too old.' });
  });
});
