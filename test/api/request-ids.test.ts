// Request ids: each request's Audit-ID, a UUID unless the client sends its own, is the requestId
// of the events it made, and stays unique across server restarts.

import { describe, expect, it } from 'vitest';
import { api, removeDir, startTestServer, tempDir } from '../support/server.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('are UUIDs (or the client\'s Audit-ID), answered in Audit-Id and recorded on the events, unique across restarts', async () => {
    const dir = tempDir();
    try {
      const ids: string[] = [];
      for (let round = 0; round < 2; round++) {
        const s = await startTestServer([], dir);
        try {
          const r = await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `web-${round}` }, spec: { ports: [{ port: 80 }] } });
          expect(r.status).toBe(201);
          const id = r.headers.get('audit-id')!;
          expect(id).toMatch(UUID);
          const events = (await api(s.url, 'GET', `/apis/netledger.io/v1/events?kind=Service&name=web-${round}`)).json.items;
          expect(events.map((e: { requestId?: string }) => e.requestId)).toEqual([id]);
          ids.push(id);
          const given = await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `given-${round}` }, spec: { ports: [{ port: 80 }] } }, { 'audit-id': `client-chosen-${round}` });
          expect(given.headers.get('audit-id')).toBe(`client-chosen-${round}`);
        } finally {
          await s.stop();
        }
      }
      expect(new Set(ids).size).toBe(2);
    } finally {
      removeDir(dir);
    }
  });
});
