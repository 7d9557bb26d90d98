// Operations endpoints: health, Prometheus metrics with the promised series, graceful SIGTERM.

import { describe, expect, it } from 'vitest';
import { api, removeDir, startChildServer, startTestServer, suiteServer } from '../support/server.js';

const s = suiteServer();

describe('operations', () => {
  it('healthz, readyz, livez answer ok; ?verbose lists the checks; each check has its own path', async () => {
    for (const p of ['/healthz', '/readyz', '/livez']) {
      const r = await api(s.url, 'GET', p);
      expect(r.status).toBe(200);
      expect(r.text).toBe('ok');
      expect((await api(s.url, 'GET', `${p}?verbose`)).text).toBe(`[+]ping ok\n[+]log ok\n${p.slice(1)} check passed\n`);
      for (const check of ['ping', 'log']) expect((await api(s.url, 'GET', `${p}/${check}`)).text).toBe('ok');
      expect((await api(s.url, 'GET', `${p}/etcd`)).status).toBe(404);
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
    // Every write's COMMIT (WAL append + fsync) is timed: at least the settings' and this create's.
    expect(Number(/netledger_store_wal_commit_duration_seconds_count (\d+)/.exec(text)?.[1])).toBeGreaterThanOrEqual(2);
    expect(Number(/netledger_store_wal_commit_duration_seconds_sum ([\d.e-]+)/.exec(text)?.[1])).toBeGreaterThan(0);
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

  it('SIGTERM ends open watches as a timeout does (a complete stream), so clients re-watch', async () => {
    const child = await startChildServer();
    const res = await fetch(`${child.url}/api/v1/namespaces/default/pods?watch=true&resourceVersion=1`);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const stopped = child.stop('SIGTERM');
    // A stream cut mid-response rejects here (client-node's informer sees ERR_STREAM_PREMATURE_CLOSE).
    let ended = false;
    for (let i = 0; i < 100 && !ended; i++) ended = (await reader.read()).done;
    expect(ended).toBe(true);
    expect(await stopped).toBe(0);
    removeDir(child.dataDir);
  });
});

describe('after a failed write', () => {
  it('answers 503 to every request but health and metrics, which report the failure', async () => {
    const t = await startTestServer();
    try {
      const pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.9' }] } };
      expect((await api(t.url, 'POST', '/api/v1/namespaces/default/pods', pod)).status).toBe(201);
      // A row in the way of the next rv: the next batch fails on the events primary key.
      t.ledger.store.sql
        .prepare("insert into events (rv, time, actor, kind, namespace, name, uid, type, object) values (?, '', 'test', 'Pod', 'x', 'x', 'x', 'ADDED', '{}')")
        .run(t.ledger.committedRv + 1);
      const lost = await api(t.url, 'POST', '/api/v1/namespaces/default/pods', { ...pod, metadata: { name: 'q' } });
      expect(lost.status).toBeGreaterThanOrEqual(500);
      // The live state now holds q, which the disk lost: it must not be read back.
      for (const path of ['/api/v1/namespaces/default/pods/q', '/api/v1/pods', '/apis/netledger.io/v1/events']) {
        const r = await api(t.url, 'GET', path);
        expect(r.status).toBe(503);
        expect(r.json).toMatchObject({ kind: 'Status', code: 503, reason: 'ServiceUnavailable' });
        expect(r.json.message).toMatch(/event log failed to write/);
      }
      const health = await api(t.url, 'GET', '/healthz');
      expect(health.status).toBe(500);
      expect(health.text).toBe('[+]ping ok\n[-]log failed: reason withheld\nhealthz check failed\n');
      const log = await api(t.url, 'GET', '/readyz/log');
      expect([log.status, log.text]).toEqual([500, expect.stringMatching(/^internal server error: the event log failed to write: /)]);
      expect((await api(t.url, 'GET', '/livez/ping')).status).toBe(200);
      expect((await api(t.url, 'GET', '/metrics')).status).toBe(200);
    } finally {
      await t.stop();
      removeDir(t.dataDir);
    }
  });
});
