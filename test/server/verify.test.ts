// `netledger verify`: replay from empty equals the live database; any tampering is reported.

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BIN, databaseOf, removeDir, startTestServer, tempDir, verifyFlagsFor } from '../support/server.js';

const dataDir = tempDir();
let verifyFlags: string[] = [];
const verify = () => spawnSync(process.execPath, [BIN, 'verify', ...verifyFlags], { encoding: 'utf8' });

beforeAll(async () => {
  const s = await startTestServer(['--pod-network', 'host-gw', '--dns-pods', 'verified'], dataDir);
  for (let i = 0; i < 3; i++) {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: `n${i}` }, status: { addresses: [{ type: 'InternalIP', address: `192.168.77.${11 + i}` }] } });
  }
  for (let i = 0; i < 6; i++) {
    const pod = await api(s.url, 'POST', '/api/v1/namespaces/shop/pods', {
      metadata: { name: `p${i}`, labels: { app: i % 2 ? 'web' : 'db' } },
      spec: { nodeName: `n${i % 3}`, containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] },
    });
    await api(s.url, 'PUT', `/api/v1/namespaces/shop/pods/p${i}/status`, { ...pod.json, status: { ...pod.json.status, conditions: [{ type: 'Ready', status: 'True' }] } });
  }
  await api(s.url, 'POST', '/api/v1/namespaces/shop/services', { metadata: { name: 'web' }, spec: { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
  await api(s.url, 'POST', '/api/v1/namespaces/shop/services', { metadata: { name: 'db' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ name: 'http', port: 8080 }] } });
  await api(s.url, 'DELETE', '/api/v1/namespaces/shop/pods/p1');
  await api(s.url, 'DELETE', '/api/v1/nodes/n2');
  await s.stop();
  verifyFlags = await verifyFlagsFor(dataDir);
});
afterAll(() => removeDir(dataDir));

describe('netledger verify', () => {
  it('passes on a real history', () => {
    const r = verify();
    expect(r.stdout).toMatch(/replayed \d+ events: \d+ objects, \d+ table entries, [1-9]\d* history rows, 2 nodes/);
    expect(r.stdout).toContain('verify: OK');
    expect(r.status).toBe(0);
  });

  it('fails, naming the entry, when a table entry was tampered with', async () => {
    const db = await databaseOf(dataDir);
    // An entry's value is the text of the change it points at: rewrite that change.
    const row = db.prepare("SELECT table_name, scope, key, change_id FROM table_entries WHERE key LIKE 'nat/KUBE-SVC-%' LIMIT 1").get() as { table_name: string; scope: string; key: string; change_id: number };
    const original = (db.prepare('SELECT value FROM table_changes WHERE id = ?').get(row.change_id) as { value: string }).value;
    db.prepare('UPDATE table_changes SET value = ? WHERE id = ?').run('["-A tampered"]', row.change_id);
    const r = verify();
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`MISMATCH entry iptables ${row.scope || '<cluster>'} ${row.key}: value differs from replay`);
    // The row itself is history too, and no longer the change the replay makes there.
    expect(r.stdout).toMatch(new RegExp(`MISMATCH history row ${row.change_id} \\(rv \\d+, iptables ${row.scope || '<cluster>'} ${row.key.replace(/[-/]/g, '\\$&')}\\): differs from the replay in value\n`));
    expect(r.stdout).toMatch(/verify: FAILED, 2 mismatches/);
    db.prepare('UPDATE table_changes SET value = ? WHERE id = ?').run(original, row.change_id);
    db.close();
  });

  it('fails, naming the row, when a superseded history row was edited (what history, diff and blame read)', async () => {
    const db = await databaseOf(dataDir);
    // A change no entry points at any more: only the history shows it.
    const row = db.prepare('SELECT id, rv, table_name, scope, key FROM table_changes WHERE id NOT IN (SELECT change_id FROM table_entries) AND value IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number; rv: number; table_name: string; scope: string; key: string };
    expect(row).toBeDefined();
    db.prepare('UPDATE table_changes SET value = ? WHERE id = ?').run('["-A rewritten"]', row.id);
    db.close();
    const r = verify();
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`MISMATCH history row ${row.id} (rv ${row.rv}, ${row.table_name} ${row.scope || '<cluster>'} ${row.key}): differs from the replay in value`);
    expect(r.stdout).toMatch(/verify: FAILED, 1 mismatches/);
  });
});
