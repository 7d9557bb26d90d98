// `netledger verify` after compaction (--retain): the log below the floor keeps only each object's
// last event and each key's last change, so the replay starts from that snapshot. At floors all
// along a real history (some cut a command's group of derived events in two), verify passes, and
// a history row edited above the floor is still found.

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compact } from '../../store/retention.js';
import { api, BIN, databaseOf, removeDir, startTestServer, tempDir, verifyFlagsFor } from '../support/server.js';

const dataDir = tempDir();
let verifyFlags: string[] = [];
const verify = () => spawnSync(process.execPath, [BIN, 'verify', ...verifyFlags], { encoding: 'utf8' });
let head = 0;

beforeAll(async () => {
  const s = await startTestServer(['--pod-network', 'vxlan'], dataDir);
  for (let i = 0; i < 3; i++) await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: `n${i}` }, status: { addresses: [{ type: 'InternalIP', address: `192.168.78.${11 + i}` }] } });
  await api(s.url, 'POST', '/api/v1/namespaces/shop/services', { metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
  for (let i = 0; i < 6; i++) {
    const pod = await api(s.url, 'POST', '/api/v1/namespaces/shop/pods', { metadata: { name: `p${i}`, labels: { app: 'web' } }, spec: { nodeName: `n${i % 3}`, containers: [{ name: 'c', image: 'nginx' }] } });
    await api(s.url, 'PUT', `/api/v1/namespaces/shop/pods/p${i}/status`, { ...pod.json, status: { ...pod.json.status, conditions: [{ type: 'Ready', status: 'True' }] } });
  }
  await api(s.url, 'DELETE', '/api/v1/namespaces/shop/pods/p1?gracePeriodSeconds=0');
  await api(s.url, 'PATCH', '/api/v1/namespaces/shop/services/web', { spec: { externalTrafficPolicy: 'Local' } }, { 'content-type': 'application/merge-patch+json' });
  await api(s.url, 'DELETE', '/api/v1/nodes/n2');
  await api(s.url, 'POST', '/api/v1/namespaces/shop/pods', { metadata: { name: 'late', labels: { app: 'web' } }, spec: { nodeName: 'n0', containers: [{ name: 'c', image: 'nginx' }] } });
  head = s.ledger.committedRv;
  await s.stop();
  verifyFlags = await verifyFlagsFor(dataDir);
});
afterAll(() => removeDir(dataDir));

describe('netledger verify after compaction', () => {
  it('passes from the snapshot at floors all along the history', async () => {
    expect(head).toBeGreaterThan(40);
    const floors = [5, 12, 17, 23, 30];
    const db = await databaseOf(dataDir);
    try {
      for (const floor of floors) {
        compact(db, floor);
        const r = verify();
        expect(r.stdout, `floor ${floor}: ${r.stdout}${r.stderr}`).toContain('verify: OK');
        expect(r.status).toBe(0);
      }
    } finally {
      db.close();
    }
  });

  it('still finds a history row edited above the floor', async () => {
    const db = await databaseOf(dataDir);
    // A superseded change well above the floor (30): history, not any entry's current value.
    const row = db
      .prepare(
        `SELECT c.id FROM table_changes c WHERE c.rv > 40 AND c.value IS NOT NULL AND EXISTS (
           SELECT 1 FROM table_changes d WHERE d.table_name = c.table_name AND d.scope = c.scope AND d.key = c.key AND d.id > c.id) ORDER BY c.id LIMIT 1`,
      )
      .get() as { id: number };
    db.prepare('UPDATE table_changes SET value = ? WHERE id = ?').run('["-A edited"]', row.id);
    db.close();
    const r = verify();
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`MISMATCH history row ${row.id} .*differs from the replay in value`));
    expect(r.stdout).toContain('verify: FAILED, 1 mismatches');
  });
});
