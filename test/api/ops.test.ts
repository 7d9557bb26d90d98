// Operations endpoints: health, Prometheus metrics with the promised series, graceful SIGTERM.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, removeDir, startChildServer, startTestServer, type TestServer } from '../support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.stop();
  removeDir(s.dataDir);
});

describe('operations', () => {
  it('healthz, readyz, livez answer ok', async () => {
    for (const p of ['/healthz', '/readyz', '/livez']) {
      const r = await api(s.url, 'GET', p);
      expect(r.status).toBe(200);
      expect(r.text).toBe('ok');
    }
  });

  it('metrics: requests by verb/resource/code with latency, appender batches, watchers', async () => {
    await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'm' }, spec: { selector: { app: 'm' }, ports: [{ port: 80 }] } });
    await api(s.url, 'GET', '/api/v1/namespaces/default/services/m');
    const text = (await api(s.url, 'GET', '/metrics')).text;
    expect(text).toMatch(/apiserver_request_total\{verb="POST",resource="services",code="201"\} 1/);
    expect(text).toMatch(/apiserver_request_duration_seconds_bucket\{le="[^"]+",verb="GET",resource="services"\}/);
    expect(text).toMatch(/netledger_appender_batch_commands_count \d+/);
    expect(text).toMatch(/netledger_appender_commit_duration_seconds_sum/);
    expect(text).toContain('apiserver_registered_watchers 0');
    expect(text).toContain('netledger_node_streams 0');
  });

  it('SIGTERM shuts the server down cleanly with exit code 0', async () => {
    const child = await startChildServer();
    const r = await api(child.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n' } });
    expect(r.status).toBe(201);
    expect(await child.stop('SIGTERM')).toBe(0);
    removeDir(child.dataDir);
  });
});
