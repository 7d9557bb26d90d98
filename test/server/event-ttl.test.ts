// --event-ttl: a core/v1 Event not written again within the TTL is deleted, by an event of its
// own in the log; after a restart each event's lease runs from its last write.

import { afterEach, describe, expect, it } from 'vitest';
import { parseServeFlags } from '../../server/flags.js';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';

const event = (name: string) => ({
  apiVersion: 'v1', kind: 'Event', metadata: { name },
  involvedObject: { kind: 'Node', name: 'node-1' }, reason: 'NodeReady', message: 'ready', type: 'Normal', count: 1,
});

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('--event-ttl', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.stop();
    if (s) removeDir(s.dataDir);
    s = undefined;
  });

  it('takes Go durations, 1h by default; 0 keeps events', () => {
    expect(parseServeFlags([]).eventTtlMs).toBe(3_600_000);
    expect(parseServeFlags(['--event-ttl', '1m30s']).eventTtlMs).toBe(90_000);
    expect(parseServeFlags(['--event-ttl', '0']).eventTtlMs).toBe(0);
    expect(() => parseServeFlags(['--event-ttl', 'soon'])).toThrow('--event-ttl soon: expected a duration (1h0m0s, 30m, 90s)');
  });

  it('deletes an event the TTL after its last write, as system:event-ttl, and logs it', async () => {
    s = await startTestServer(['--event-ttl', '1s']);
    expect((await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('node-1.a'))).status).toBe(201);
    expect((await api(s.url, 'GET', '/api/v1/namespaces/default/events/node-1.a')).status).toBe(200);
    expect(await until(async () => (await api(s!.url, 'GET', '/api/v1/namespaces/default/events/node-1.a')).status === 404, 15_000)).toBe(true);
    const log = (await api(s.url, 'GET', '/apis/netledger.io/v1/events?kind=Event&name=node-1.a')).json.items;
    expect(log.map((e: any) => `${e.type} ${e.actor}`)).toEqual(['ADDED system:anonymous', 'DELETED system:event-ttl']);
  });

  it('a TTL longer than a timer can wait (~24.8 days) keeps the event, where setTimeout would fire at once', async () => {
    s = await startTestServer(['--event-ttl', '720h']);
    await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('node-1.c'));
    await new Promise((r) => setTimeout(r, 500));
    expect((await api(s.url, 'GET', '/api/v1/namespaces/default/events/node-1.c')).status).toBe(200);
  });

  it('after a restart, each lease runs from the event\'s last write: one that ran out while the server was down goes at once', async () => {
    const dir = tempDir();
    s = await startTestServer(['--event-ttl', '0'], dir);
    await api(s.url, 'POST', '/api/v1/namespaces/default/events', event('node-1.b'));
    await s.stop();
    await new Promise((r) => setTimeout(r, 3500));
    s = await startTestServer(['--event-ttl', '3s'], dir);
    // Scheduled from the restart instead, it would stay 3 s more.
    expect(await until(async () => (await api(s!.url, 'GET', '/api/v1/namespaces/default/events/node-1.b')).status === 404, 1500)).toBe(true);
  });
});
