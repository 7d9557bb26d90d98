// StreamHub on its own, with a scripted ledger: a stream still catching up when its node's
// deletion is published gets the rvs up to the deletion, then the ERROR, and nothing after it.
// The decision rests on what was published (durable), not on the live state, which may already
// hold a decided deletion that no batch has made durable yet.

import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { StreamHub, type NodeStream } from '../../api/netledger/stream-hub.js';
import type { Ledger } from '../../store/ledger.js';

function fakeResponse(): { res: ServerResponse; text: () => string; ended: () => boolean; writes: () => number } {
  const sink = new PassThrough();
  let out = '';
  let ended = false;
  let writes = 0;
  sink.on('data', (d) => {
    out += d;
    writes++;
  });
  sink.on('finish', () => (ended = true));
  return { res: sink as unknown as ServerResponse, text: () => out, ended: () => ended, writes: () => writes };
}

const change = (rv: number, key: string) => ({ table: 'routes' as const, scope: '', key, op: 'upsert' as const, value: { dst: key }, rv });

describe('StreamHub', () => {
  it('ends a catching-up stream at its node\'s published deletion, not before and not after', async () => {
    const ledger = Object.assign(new EventEmitter(), { committedRv: 10, fannedOutRv: 10, state: { nodes: new Map() } }) as unknown as Ledger;
    const hub = new StreamHub(ledger);
    const { res, text, ended } = fakeResponse();
    const stream: NodeStream = { node: 'n1', tables: ['routes'], res, rv: 10, live: false, pending: [], lastWrite: Date.now(), closed: false };
    hub.add(stream);
    // The live state no longer has n1 (decided), but only rv 11 is published so far: still live.
    const batch = (events: { rv: number; kind: string; name: string; type: string }[], changes: ReturnType<typeof change>[]) => {
      const byRv = new Map<number, unknown[]>();
      for (const c of changes) byRv.set(c.rv, [...(byRv.get(c.rv) ?? []), c]);
      ledger.emit('fanout', events.map((e) => ({ ...e, time: '2026-12-07T00:00:00Z' })), byRv);
    };
    batch([{ rv: 11, kind: 'Service', name: 's', type: 'ADDED' }], [change(11, 'route/a')]);
    batch(
      [
        { rv: 12, kind: 'Node', name: 'n1', type: 'DELETED' },
        { rv: 13, kind: 'Service', name: 't', type: 'ADDED' },
      ],
      [change(12, 'route/b'), change(13, 'route/c')],
    );
    hub.goLive(stream);
    await new Promise((r) => setImmediate(r));
    const lines = text().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.resourceVersion ?? l.status.code])).toEqual([
      ['DELTA', '11'],
      ['DELTA', '12'],
      ['ERROR', 404],
    ]);
    expect(ended()).toBe(true);
    expect(hub.size).toBe(0);
    hub.close();
  });

  it('bookmarks a live stream at the rv fanned out, never at one committed whose DELTAs are still to come', () => {
    // rv 12 is committed (durable, in the watch cache) but its fan-out has not run yet.
    const ledger = Object.assign(new EventEmitter(), { committedRv: 12, fannedOutRv: 11, state: { nodes: new Map() } }) as unknown as Ledger;
    const hub = new StreamHub(ledger);
    const { res, text } = fakeResponse();
    const stream: NodeStream = { node: 'n1', tables: ['routes'], res, rv: 11, live: true, pending: [], lastWrite: Date.now(), closed: false, unannounced: true };
    hub.add(stream);
    (hub as unknown as { bookmarks(): void }).bookmarks();
    // Then the fan-out of rv 12.
    ledger.emit('fanout', [{ rv: 12, kind: 'Service', name: 's', type: 'ADDED', time: '2026-12-08T00:00:00Z' }], new Map([[12, [change(12, 'route/a')]]]));
    const lines = text().trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.type, l.resourceVersion])).toEqual([
      ['BOOKMARK', '11'],
      ['DELTA', '12'],
    ]);
    hub.close();
  });

  it('writes a batch to each live stream in one write, its own changes in rv order among the common ones', () => {
    const ledger = Object.assign(new EventEmitter(), { committedRv: 10, fannedOutRv: 10, state: { nodes: new Map() } }) as unknown as Ledger;
    const hub = new StreamHub(ledger);
    const streams = ['n1', 'n2', 'n3'].map((node) => {
      const out = fakeResponse();
      const stream: NodeStream = { node, tables: ['routes'], res: out.res, rv: 10, live: true, pending: [], lastWrite: Date.now(), closed: false };
      hub.add(stream);
      return out;
    });
    const own = { ...change(12, 'route/own'), scope: 'n1' };
    const events = [11, 12, 13].map((rv) => ({ rv, kind: 'Service', name: `s${rv}`, type: 'ADDED', time: '2026-12-08T00:00:00Z' }));
    ledger.emit('fanout', events, new Map([[11, [change(11, 'route/a')]], [12, [own]], [13, [change(13, 'route/c')]]]));
    const lines = (i: number) => streams[i]!.text().trim().split('\n').map((l) => JSON.parse(l)).map((l) => `${l.type} ${l.resourceVersion} ${l.changes.map((c: { key: string }) => c.key).join(',')}`);
    expect(lines(0)).toEqual(['DELTA 11 route/a', 'DELTA 12 route/own', 'DELTA 13 route/c']);
    expect(lines(1)).toEqual(['DELTA 11 route/a', 'DELTA 13 route/c']);
    expect(lines(2)).toEqual(lines(1));
    // n1's own line comes between its common ones (three writes); the others get one each.
    expect(streams.map((s) => s.writes())).toEqual([3, 1, 1]);
    hub.close();
  });
});
