// One server per data directory: a second `serve` on a directory in use stops before it opens the
// database (it used to migrate and compact the log under the running server, then fail to bind).
// The lock goes with its process, however it ends.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { api, BIN, removeDir, startChildServer, startTestServer, tempDir } from '../support/server.js';
import { ON_POSTGRES } from '../support/postgres.js';

const dirs: string[] = [];
const newDir = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach(removeDir));

// On a PostgreSQL run the servers lock their database instead (test/server/postgres-backend.test.ts).
describe.skipIf(ON_POSTGRES)('the data directory lock', () => {
  it('in one process: a second server on the directory is refused until the first stops', async () => {
    const dir = newDir();
    const first = await startTestServer([], dir);
    try {
      await expect(startTestServer([], dir)).rejects.toThrow(`is in use by another netledger server (pid ${process.pid} on `);
      expect((await api(first.url, 'GET', '/api/v1/namespaces/default/services/kubernetes')).status).toBe(200);
    } finally {
      await first.stop();
    }
    const again = await startTestServer([], dir);
    await again.stop();
  });

  it('a second serve process exits 1 and compacts nothing; a server killed with SIGKILL leaves no lock behind', async () => {
    const dir = newDir();
    const first = await startChildServer(['--retain', '5'], dir);
    for (let i = 0; i < 12; i++) {
      const r = await api(first.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `s${i}` }, spec: { ports: [{ port: 80 }] } });
      expect(r.status).toBe(201);
    }
    // Rows on disk: the running server's own floor lives in its memory, which a compaction by
    // another process would not move.
    const rows = () => {
      const db = new Database(join(dir, 'netledger.db'), { readonly: true });
      try {
        return (db.prepare('select count(*) as n from events').get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const before = rows();
    const second = spawnSync(process.execPath, [BIN, 'serve', '--listen', '127.0.0.1:0', '--data', dir, '--retain', '1'], { encoding: 'utf8', timeout: 30_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is in use by another netledger server (pid ${first.child.pid} on `);
    // The running server's log is as it was: the refused one never opened it.
    expect(rows()).toBe(before);
    const events = await api(first.url, 'GET', '/apis/netledger.io/v1/events?since=0');
    expect(events.status).toBe(200);

    await first.stop('SIGKILL');
    const restarted = await startChildServer([], dir);
    expect((await api(restarted.url, 'GET', '/api/v1/namespaces/default/services/s11')).status).toBe(200);
    expect(await restarted.stop()).toBe(0);
  });
});
