// Resource watches with kube-apiserver's semantics: synthetic ADDED from rv unset/0, exact resume
// from rv N, selector transitions, bookmarks on request, timeoutSeconds, 410 below the floor.

import { describe, expect, it } from 'vitest';
import { api, readWatch, suiteServer } from '../support/server.js';

const s = suiteServer();

/** Reads a watch for a bounded time; returns the parsed events. */
const watch = (path: string, untilCount: number, ms = 5000, headers: Record<string, string> = {}) => readWatch(s.url + path, untilCount, ms, headers);

const svc = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });

describe('watch', () => {
  it('rv unset: synthetic ADDED for what exists, then live events', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/w1/services', svc('a', { tier: 'front' }));
    const pending = watch('/api/v1/namespaces/w1/services?watch=true', 2);
    await new Promise((r) => setTimeout(r, 200));
    await api(s.url, 'POST', '/api/v1/namespaces/w1/services', svc('b', { tier: 'front' }));
    const events = await pending;
    expect(events.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED a', 'ADDED b']);
    expect(events[0].object.kind).toBe('Service');
  });

  it('rv N: exactly the events after N, in order, DELETED carrying the deletion rv', async () => {
    const first = await api(s.url, 'POST', '/api/v1/namespaces/w2/services', svc('x', {}));
    const rv = first.json.metadata.resourceVersion;
    await api(s.url, 'PATCH', '/api/v1/namespaces/w2/services/x', { metadata: { labels: { v: '2' } } }, { 'content-type': 'application/merge-patch+json' });
    const del = await api(s.url, 'DELETE', '/api/v1/namespaces/w2/services/x');
    expect(del.status).toBe(200);
    const events = await watch(`/api/v1/namespaces/w2/services?watch=true&resourceVersion=${rv}`, 2);
    expect(events.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    expect(Number(events[1].object.metadata.resourceVersion)).toBeGreaterThan(Number(events[0].object.metadata.resourceVersion));
  });

  it('label selector transitions: leaving the set is DELETED, entering is ADDED', async () => {
    const start = s.ledger.committedRv;
    await api(s.url, 'POST', '/api/v1/namespaces/w3/services', svc('m', { tier: 'front' }));
    await api(s.url, 'PATCH', '/api/v1/namespaces/w3/services/m', { metadata: { labels: { tier: 'back' } } }, { 'content-type': 'application/merge-patch+json' });
    await api(s.url, 'PATCH', '/api/v1/namespaces/w3/services/m', { metadata: { labels: { tier: 'front' } } }, { 'content-type': 'application/merge-patch+json' });
    const events = await watch(`/api/v1/namespaces/w3/services?watch=true&resourceVersion=${start}&labelSelector=tier%3Dfront`, 3);
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
  });

  it('fieldSelector metadata.name, as kubectl delete/wait use it', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/w4/services', svc('keep', {}));
    await api(s.url, 'POST', '/api/v1/namespaces/w4/services', svc('other', {}));
    const events = await watch('/api/v1/namespaces/w4/services?watch=true&fieldSelector=metadata.name%3Dkeep', 1, 1000);
    expect(events.map((e) => e.object.metadata.name)).toEqual(['keep']);
  });

  it('the deprecated watch paths: …/watch/namespaces/{ns}/services[/{name}] and …/watch/services', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/w9/services', svc('one', { app: 'x' }));
    await api(s.url, 'POST', '/api/v1/namespaces/w9/services', svc('two', { app: 'x' }));
    const named = await watch('/api/v1/watch/namespaces/w9/services/one', 2, 1000);
    expect(named.map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual(['ADDED one']);
    const selected = await watch('/api/v1/watch/namespaces/w9/services?labelSelector=app%3Dx', 2, 1000);
    expect(selected.map((e) => e.object.metadata.name).sort()).toEqual(['one', 'two']);
    const everywhere = await watch('/api/v1/watch/services?fieldSelector=metadata.namespace%3Dw9', 2, 1000);
    expect(everywhere.map((e) => e.object.metadata.name).sort()).toEqual(['one', 'two']);
    expect((await api(s.url, 'POST', '/api/v1/watch/namespaces/w9/services', svc('three', {}))).status).toBe(405);
  });

  it('bookmarks only when asked, and timeoutSeconds ends the stream', async () => {
    const t0 = Date.now();
    const events = await watch('/api/v1/namespaces/w5/services?watch=true&timeoutSeconds=1', 10, 5000);
    expect(events).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(4000);
  });

  it('with bookmarks asked for, one arrives 2 s before the deadline, at the head', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/w7/services', svc('b', {}));
    const head = s.ledger.committedRv;
    const t0 = Date.now();
    const events = await watch(`/api/v1/namespaces/w7/services?watch=true&resourceVersion=${head}&allowWatchBookmarks=true&timeoutSeconds=3`, 2, 5000);
    expect(events).toEqual([{ type: 'BOOKMARK', object: { kind: 'Service', apiVersion: 'v1', metadata: { resourceVersion: String(s.ledger.committedRv) } } }]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2900); // the stream ran to its deadline after it
  });

  it('timeoutSeconds=0 is the server default (the stream stays open), and a non-integer is 400', async () => {
    const t0 = Date.now();
    // Open longer than the 1 s a literal 0 used to give; the reader gives up at 2.5 s.
    expect(await watch('/api/v1/namespaces/w5/services?watch=true&timeoutSeconds=0', 1, 2500)).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2400);
    // Past setTimeout's range (2^31-1 ms) the timer would fire at once: clamped, the watch stays open.
    const t1 = Date.now();
    expect(await watch('/api/v1/namespaces/w5/services?watch=true&timeoutSeconds=2200000', 1, 1500)).toEqual([]);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(1400);
    const bad = await api(s.url, 'GET', '/api/v1/namespaces/w5/services?watch=true&timeoutSeconds=abc');
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ kind: 'Status', reason: 'BadRequest' });
  });

  it('Table watch rows when the Accept header asks for Tables', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/w6/services', svc('t', {}));
    const events = await watch('/api/v1/namespaces/w6/services?watch=true', 1, 2000, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
    expect(events[0].object.kind).toBe('Table');
    expect(events[0].object.columnDefinitions.map((c: any) => c.name)).toEqual(expect.arrayContaining(['Name', 'Type', 'Cluster-IP']));
    expect(events[0].object.rows[0].cells[0]).toBe('t');
  });

  it('410 Expired ERROR, then close, below the retention floor', async () => {
    const floor = s.ledger.floorRv;
    s.ledger.floorRv = s.ledger.committedRv;
    try {
      const events = await watch(`/api/v1/namespaces/w1/services?watch=true&resourceVersion=1`, 5, 3000);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
      expect(events[0].object.message).toBe(`too old resource version: 1 (${s.ledger.committedRv})`);
    } finally {
      s.ledger.floorRv = floor;
    }
  });
});
