// A watch whose events outgrow what may be queued for one watcher (16 MiB): the catch-up (the
// initial ADDED of the state, the events after its rv) waits for the socket, as kube-apiserver's
// watch blocks on its connection; a live watcher that stops reading gets one ERROR 410 and is
// closed, and the writes go on. At the scale envelope the pods' state is 400+ MB: a watch from
// rv 0 wrote it all at once, and the too-far-behind ERROR then recursed until the stack gave out.

import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { api, readWatch, suiteServer } from '../support/server.js';

const s = suiteServer();

/** An Endpoints object of ~240 KB: its annotation is just under the 256 KiB that all of an
 * object's annotations may take. */
const big = (name: string) => ({ metadata: { name, annotations: { filler: 'x'.repeat(240_000) } }, subsets: [] });

async function createBig(namespace: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const r = await api(s.url, 'POST', `/api/v1/namespaces/${namespace}/endpoints`, big(`big-${i}`));
    expect(r.status).toBe(201);
  }
}

/** A watch request on a socket of its own, which the test can stop reading (fetch cannot). */
async function rawWatch(path: string): Promise<Socket> {
  const url = new URL(s.url);
  const socket = connect(Number(url.port), url.hostname);
  await new Promise((r) => socket.once('connect', r));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
  return socket;
}

/** Reads the socket (resuming it) until the server closes it; the watch event lines. */
async function readToEnd(socket: Socket, ms: number): Promise<string[]> {
  const received: Buffer[] = [];
  const ended = new Promise<boolean>((resolve) => {
    socket.on('data', (d: Buffer) => received.push(d));
    socket.once('end', () => resolve(true));
    setTimeout(() => resolve(false), ms);
  });
  socket.resume();
  expect(await ended).toBe(true);
  socket.destroy();
  // Chunked: each event is one chunk, so its line sits between two CRLFs.
  return Buffer.concat(received).toString('utf8').split('\r\n').filter((l) => l.startsWith('{'));
}

describe('watch backpressure', () => {
  it('from rv unset, every ADDED of a state over 16 MiB arrives, then live events', { timeout: 60_000 }, async () => {
    await createBig('wbig', 80); // ~19 MB
    const pending = readWatch(`${s.url}/api/v1/namespaces/wbig/endpoints?watch=true`, 81, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    await api(s.url, 'POST', '/api/v1/namespaces/wbig/endpoints', { metadata: { name: 'after' }, subsets: [] });
    const events = await pending;
    expect(events.filter((e) => e.type !== 'ADDED')).toEqual([]);
    expect(events.map((e) => e.object.metadata.name)).toEqual([...Array.from({ length: 80 }, (_, i) => `big-${i}`).sort(), 'after']);
  });

  it('events committed while the catch-up waits for a slow reader arrive after it, each once', { timeout: 60_000 }, async () => {
    await createBig('wslow', 80); // ~19 MB: the catch-up stops for the socket long before the end
    const socket = await rawWatch('/api/v1/namespaces/wslow/endpoints?watch=true&timeoutSeconds=6');
    socket.pause();
    await new Promise((r) => setTimeout(r, 300));
    const during = await api(s.url, 'POST', '/api/v1/namespaces/wslow/endpoints', { metadata: { name: 'during' }, subsets: [] });
    expect(during.status).toBe(201);
    const lines = await readToEnd(socket, 20_000);
    const events = lines.map((l) => JSON.parse(l));
    expect(events.map((e) => e.type)).toEqual(Array(81).fill('ADDED'));
    expect(events.map((e) => e.object.metadata.name)).toEqual([...Array.from({ length: 80 }, (_, i) => `big-${i}`).sort(), 'during']);
  });

  it('a live watcher that stops reading gets one ERROR 410 and is closed; writes go on', { timeout: 60_000 }, async () => {
    const head = s.ledger.committedRv;
    const socket = await rawWatch(`/api/v1/namespaces/wstuck/endpoints?watch=true&resourceVersion=${head}`);
    socket.pause(); // reads nothing while the writes below outgrow the socket buffers and the 16 MiB
    await createBig('wstuck', 160); // ~38 MB
    const lines = await readToEnd(socket, 20_000);
    const types = lines.map((l) => JSON.parse(l).type as string);
    expect(types.filter((t) => t === 'ERROR')).toHaveLength(1);
    expect(types.at(-1)).toBe('ERROR');
    expect(JSON.parse(lines.at(-1)!).object).toMatchObject({ kind: 'Status', code: 410, reason: 'Expired' });
    expect(types.filter((t) => t === 'ADDED').length).toBeLessThan(160);
    // The server took every write and still serves.
    const list = await api(s.url, 'GET', '/api/v1/namespaces/wstuck/endpoints');
    expect(list.json.items).toHaveLength(160);
  });
});
