// Against a real server: the agent's table copy, fed by the node stream, carries the server's
// digests at every step; its status report is accepted as in sync; a client restarted from a
// persisted state dir resumes with DELTAs (no SNAPSHOT) and converges.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentLogger } from '../../agent/log.js';
import { StatusReporter } from '../../agent/status.js';
import { LocalTables } from '../../agent/store/local-tables.js';
import { loadState, saveState, STATE_FILE } from '../../agent/store/state-dir.js';
import { NodeStreamClient } from '../../agent/stream/client.js';
import type { StreamMessage } from '../../agent/stream/messages.js';
import { TABLE_NAMES } from '../../projections/model.js';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../support/server.js';
import { existsSync, readdirSync } from 'node:fs';

const log = agentLogger('test').child({});
log.level = 'silent';

async function until<T>(what: string, f: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function follow(server: string, node: string, store: LocalTables, seen: StreamMessage[]) {
  const client = new NodeStreamClient({
    server,
    node,
    tables: TABLE_NAMES,
    resumeFrom: () => (store.rv > 0 ? store.rv : undefined),
    log,
    onMessage: async (msg) => {
      seen.push(msg);
      if (msg.type === 'SNAPSHOT') store.applySnapshot(msg);
      else if (msg.type === 'DELTA') store.applyDelta(msg);
      else if (msg.type === 'BOOKMARK') store.rv = Math.max(store.rv, msg.rv);
    },
  });
  client.start();
  return client;
}

describe('agent stream client against a real server', () => {
  let s: TestServer;
  const stateDir = tempDir('netledger-agent-state-');

  const serverDigests = async (node: string) => {
    const out: Record<string, string> = {};
    for (const t of TABLE_NAMES) out[t] = (await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/${node}/tables/${t}`)).json.digest;
    return out;
  };
  const write = async (path: string, body: unknown) => {
    const r = await api(s.url, 'POST', path, body);
    expect(r.status).toBe(201);
    return Number(r.json.metadata.resourceVersion);
  };
  const service = (name: string, type = 'ClusterIP') => ({ metadata: { name }, spec: { type, selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });

  beforeAll(async () => {
    s = await startTestServer();
    for (const [i, name] of ['n1', 'n2'].entries()) {
      await write('/api/v1/nodes', { metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: `192.168.56.1${i + 1}` }] } });
    }
    await write('/api/v1/namespaces/default/pods', { metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { nodeName: 'n2', containers: [{ name: 'c', image: 'x' }] } });
    await write('/api/v1/namespaces/default/services', service('web', 'NodePort'));
  });
  afterAll(async () => {
    await s.stop();
    removeDir(s.dataDir);
    removeDir(stateDir);
  });

  it('SNAPSHOT then DELTAs leave the same digests as the server, and the status report is in sync', async () => {
    const store = new LocalTables(TABLE_NAMES);
    const seen: StreamMessage[] = [];
    const client = follow(s.url, 'n1', store, seen);
    try {
      await until('snapshot', () => seen.find((m) => m.type === 'SNAPSHOT'));
      const snap = seen[0]!;
      expect(snap.type).toBe('SNAPSHOT');
      if (snap.type === 'SNAPSHOT') for (const t of TABLE_NAMES) expect(store.table(t).digest()).toBe(snap.tables[t]!.digest);
      expect(store.digests()).toEqual(await serverDigests('n1'));

      const rv = await write('/api/v1/namespaces/default/services', service('api'));
      await until('delta', () => store.rv >= rv);
      expect(seen.some((m) => m.type === 'DELTA' && m.changes.some((c) => c.table === 'dns' && c.key === 'api.default.svc.cluster.local./A'))).toBe(true);
      expect(store.digests()).toEqual(await serverDigests('n1'));

      const reporter = new StatusReporter(s.url, 'n1', log);
      reporter.report({ appliedResourceVersion: String(store.rv), digests: store.digests() });
      await until('report accepted', () => reporter.accepted);
      const status = await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/status');
      expect(status.json.status.inSync).toBe(true);
      expect(status.json.status.appliedResourceVersion).toBe(String(store.rv));

      // One wrong entry is drift the server sees.
      const drifted = new LocalTables(TABLE_NAMES);
      drifted.applySnapshot({ type: 'SNAPSHOT', rv: store.rv, tables: {} });
      reporter.report({ appliedResourceVersion: String(store.rv), digests: { ...store.digests(), dns: drifted.digests().dns } });
      await until('drift report accepted', () => reporter.accepted?.digests.dns === drifted.digests().dns || undefined);
      const drift = await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/status');
      expect(drift.json.status.inSync).toBe(false);
      expect(drift.json.status.tables.dns.inSync).toBe(false);
      expect(drift.json.status.tables.iptables.inSync).toBe(true);
      reporter.stop();
    } finally {
      await client.stop();
    }
  });

  it('persists atomically and resumes from the persisted rv with DELTAs, not a SNAPSHOT', async () => {
    const store = new LocalTables(TABLE_NAMES);
    const seen: StreamMessage[] = [];
    let client = follow(s.url, 'n2', store, seen);
    await until('snapshot', () => seen.find((m) => m.type === 'SNAPSHOT'));
    await saveState(stateDir, 'n2', store);
    await client.stop();
    expect(readdirSync(stateDir)).toEqual([STATE_FILE]); // no temp file left behind
    const persistedRv = store.rv;

    // Changes while the agent is away: one for every node, one only n2 sees (its local endpoint).
    const rv1 = await write('/api/v1/namespaces/default/services', service('late'));
    const pod = await api(s.url, 'GET', '/api/v1/namespaces/default/pods/web-1');
    pod.json.status = { ...pod.json.status, conditions: [{ type: 'Ready', status: 'True' }] };
    expect((await api(s.url, 'PUT', '/api/v1/namespaces/default/pods/web-1/status', pod.json)).status).toBe(200);

    expect(await loadState(stateDir, 'n1', TABLE_NAMES)).toBeUndefined(); // another node's state is not ours
    expect(await loadState(stateDir, 'n2', ['dns'])).toBeUndefined(); // nor another table selection
    const resumed = (await loadState(stateDir, 'n2', TABLE_NAMES))!;
    expect(resumed.rv).toBe(persistedRv);
    expect(resumed.digests()).toEqual(store.digests());

    const seen2: StreamMessage[] = [];
    client = follow(s.url, 'n2', resumed, seen2);
    try {
      const head = Number((await api(s.url, 'GET', '/api/v1/pods')).json.metadata.resourceVersion);
      await until('caught up', () => resumed.rv >= Math.max(head, rv1));
      expect(seen2.some((m) => m.type === 'SNAPSHOT')).toBe(false);
      expect(seen2[0]!.type).toBe('DELTA');
      expect(resumed.digests()).toEqual(await serverDigests('n2'));
    } finally {
      await client.stop();
    }
    expect(existsSync(stateDir)).toBe(true);
  });
});
