// A 2xx is durable: a child server under concurrent writes is killed with SIGKILL; after a
// restart every acknowledged write is there with the rv it was acknowledged with, the log is
// dense, and new writes continue right after it. `netledger verify` agrees.

import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { api, BIN, queryDatabase, removeDir, startChildServer, tempDir, verifyFlagsFor } from '../support/server.js';

/** The log's size and head, read from the database itself. */
async function logExtent(dataDir: string): Promise<{ n: number; max: number }> {
  const [row] = await queryDatabase<{ n: number | string; max: number }>(dataDir, 'SELECT count(*) AS n, max(rv) AS max FROM events');
  return { n: Number(row!.n), max: row!.max };
}

describe('durability under SIGKILL', () => {
  const dataDir = tempDir();
  afterAll(() => removeDir(dataDir));

  it('keeps every acknowledged write and continues the rv sequence densely', async () => {
    const first = await startChildServer([], dataDir);
    const acked = new Map<string, string>();
    let stop = false;
    let failures = 0;
    const client = async (id: number) => {
      for (let i = 0; !stop && i < 5000; i++) {
        const name = `p-${id}-${i}`;
        try {
          const r = await api(first.url, 'POST', '/api/v1/namespaces/default/pods', {
            metadata: { name, labels: { app: 'dur' } },
            spec: { containers: [{ name: 'c', image: 'nginx' }] },
          });
          if (r.status === 201) acked.set(name, r.json.metadata.resourceVersion);
        } catch {
          failures++; // the connection died with the server: not acknowledged
          return;
        }
      }
    };
    const clients = Array.from({ length: 16 }, (_, i) => client(i));
    // Let writes flow, then kill the server in the middle of them.
    const deadline = Date.now() + 10_000;
    while (acked.size < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.all(clients);
    expect(acked.size).toBeGreaterThanOrEqual(300);

    // The log on disk: dense from 1, nothing acknowledged missing.
    const { n, max } = await logExtent(dataDir);
    expect(n).toBe(max);

    const second = await startChildServer([], dataDir);
    try {
      for (const [name, rv] of acked) {
        const r = await api(second.url, 'GET', `/api/v1/namespaces/default/pods/${name}`);
        expect(r.status, name).toBe(200);
        expect(r.json.metadata.resourceVersion, name).toBe(rv);
      }
      // The restart itself may write (on a new port, the kubernetes Service's targetPort follows
      // it: server/bootstrap.ts); a new write comes right after whatever the head is.
      const head = Number((await api(second.url, 'GET', '/api/v1/namespaces/default/pods?limit=1')).json.metadata.resourceVersion);
      expect(head).toBeGreaterThanOrEqual(max);
      const next = await api(second.url, 'POST', '/api/v1/namespaces/default/pods', {
        metadata: { name: 'after-restart' },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      });
      expect(next.status).toBe(201);
      expect(Number(next.json.metadata.resourceVersion)).toBe(head + 1);
    } finally {
      await second.stop();
    }
    const dense = await logExtent(dataDir);
    expect(dense.n).toBe(dense.max);
    const out = execFileSync(process.execPath, [BIN, 'verify', ...(await verifyFlagsFor(dataDir))], { encoding: 'utf8' });
    expect(out).toContain('verify: OK');
    void failures;
  });
});
