// Drift is visible in `netledger tables`: the table text stays on stdout, and whether the node's
// agent holds the same table (its reported digest at its applied rv) is said on stderr.

import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BIN, removeDir, startTestServer, type TestServer } from '../support/server.js';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
  await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.11' }] } });
});
afterAll(async () => {
  await s.stop();
  removeDir(s.dataDir);
});

const tables = () =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, [BIN, 'tables', 'n1', 'iptables', '--server', s.url], (err, stdout, stderr) => resolve({ code: err ? 1 : 0, stdout, stderr })),
  );

async function report(digest: string) {
  const r = await api(s.url, 'PUT', '/apis/netledger.io/v1/nodes/n1/status', { appliedResourceVersion: String(s.ledger.committedRv), digests: { iptables: digest } });
  expect(r.status).toBe(200);
  return r.json;
}

describe('netledger tables shows drift', () => {
  it('says when no agent reported, when in sync, and when drifted', async () => {
    expect((await tables()).stderr).toBe('# n1 iptables: no agent has reported status\n');
    const live = (await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/tables/iptables')).json.digest;
    const ok = await report(live);
    expect(ok.status.inSync).toBe(true);
    const inSync = await tables();
    expect(inSync.code).toBe(0);
    expect(inSync.stdout).toMatch(/^\*filter\n/);
    // The agent reported at the head: nothing behind, its table matches the server's there.
    expect(inSync.stderr).toMatch(/^# n1 iptables: agent applied rv (\d+); at rv \1 its table matches the server's\n$/);
    const bad = 'sha256:' + '0'.repeat(64);
    const drift = await report(bad);
    expect(drift.status).toMatchObject({ inSync: false, tables: { iptables: { agentDigest: bad, serverDigest: live, inSync: false } } });
    expect((await tables()).stderr).toContain(`its table DRIFTS: agent ${bad} != server ${live}`);
    const metrics = (await api(s.url, 'GET', '/metrics')).text;
    expect(metrics).toMatch(/netledger_node_table_in_sync\{node="n1",table="iptables"\} 0/);
  });

  it('a report without appliedResourceVersion says it is required; a malformed one is invalid', async () => {
    const missing = await api(s.url, 'PUT', '/apis/netledger.io/v1/nodes/n1/status', {});
    expect([missing.status, missing.json.message]).toEqual([422, 'NodeStatus.netledger.io "" is invalid: appliedResourceVersion: Required value']);
    const bad = await api(s.url, 'PUT', '/apis/netledger.io/v1/nodes/n1/status', { appliedResourceVersion: 'x' });
    expect([bad.status, bad.json.message]).toEqual([422, 'NodeStatus.netledger.io "" is invalid: appliedResourceVersion: Invalid value: "x": must be a decimal resourceVersion string']);
  });
});
