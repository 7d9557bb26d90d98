// netledger on PostgreSQL (`serve --database-url`), as a child process of the built binary: what a
// kubectl user and an auditor see is the SQLite server's (the rest of the suite runs on
// PostgreSQL too with NETLEDGER_TEST_BACKEND=postgres: .ci/run). What is particular to it: one
// server per database (an advisory lock that goes with its process), a restart goes on from the
// log in the database, and `netledger verify --database-url` replays it.

import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { api, BIN, removeDir, tempDir } from '../support/server.js';
import pg from 'pg';
import { databaseFor, PG_URL, postgresMissing } from '../support/postgres.js';
import { createInterface } from 'node:readline';

const missing = await postgresMissing();
const NL = '/apis/netledger.io/v1';

interface Served {
  url: string;
  pid: number;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `netledger serve --database-url URL` (a scratch --data directory it must not write to). */
function serve(databaseUrl: string): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--listen', '127.0.0.1:0', '--data', tempDir(), '--database-url', databaseUrl], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NETLEDGER_LOG_LEVEL: 'info' } });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${stderr}`)), 30_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const rec = (() => {
        try {
          return JSON.parse(line);
        } catch {
          return {};
        }
      })();
      if (rec.msg !== 'netledger serving') return;
      clearTimeout(timer);
      expect(rec.database, 'the log line names the database, without its password').toMatch(/^postgres:\/\/netledger:\*\*\*@/);
      resolve({
        url: rec.address,
        pid: child.pid!,
        kill: (signal = 'SIGTERM') => {
          if (child.exitCode === null) child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
}

describe.skipIf(missing)('netledger on PostgreSQL', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it('serves the API, goes on from its log after a restart, and verify replays it', async () => {
    const url = await databaseFor(dir);
    const first = await serve(url);
    let head: number;
    try {
      expect((await api(first.url, 'POST', '/api/v1/nodes', { metadata: { name: 'node-1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.5.11' }] } })).status).toBe(201);
      const svc = await api(first.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } });
      expect(svc.status).toBe(201);
      const pod = await api(first.url, 'POST', '/api/v1/namespaces/default/pods', { metadata: { name: 'web-1', labels: { app: 'web' } }, spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx' }] } });
      expect(pod.status).toBe(201);
      const ready = await api(first.url, 'PATCH', '/api/v1/namespaces/default/pods/web-1/status', { status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }, { 'content-type': 'application/merge-patch+json' });
      expect(ready.status).toBe(200);
      const table = await api(first.url, 'GET', `${NL}/nodes/node-1/tables/iptables`);
      expect(table.status).toBe(200);
      const sep = table.json.entries.find((e: { value: { rules?: string[] } }) => JSON.stringify(e.value).includes('-j DNAT'));
      expect(sep, 'the ready pod is a DNAT target on the node').toBeTruthy();
      // Audit reads go to the database: time travel to before the pod was ready, and the diff.
      const before = Number(ready.json.metadata.resourceVersion) - 1;
      const past = await api(first.url, 'GET', `${NL}/nodes/node-1/tables/iptables?resourceVersion=${before}`);
      expect(JSON.stringify(past.json.entries)).not.toContain('-j DNAT');
      const diff = await api(first.url, 'GET', `${NL}/nodes/node-1/tables/iptables/diff?from=${before}`);
      expect(JSON.stringify(diff.json.added)).toContain('-j DNAT');
      const history = await api(first.url, 'GET', `${NL}/nodes/node-1/tables/iptables/history?limit=5`);
      expect(history.status).toBe(200);
      expect(history.json.items.length).toBeGreaterThan(0);
      head = Number((await api(first.url, 'GET', '/api/v1/pods?limit=1')).json.metadata.resourceVersion);
    } finally {
      expect(await first.kill()).toBe(0);
    }

    const second = await serve(url);
    try {
      const pod = await api(second.url, 'GET', '/api/v1/namespaces/default/pods/web-1');
      expect(pod.status).toBe(200);
      expect(pod.json.status.conditions[0].status).toBe('True');
      const now = Number((await api(second.url, 'GET', '/api/v1/pods?limit=1')).json.metadata.resourceVersion);
      expect(now).toBeGreaterThanOrEqual(head);
      const next = await api(second.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'after' }, spec: { ports: [{ port: 81 }] } });
      expect(Number(next.json.metadata.resourceVersion)).toBeGreaterThan(now);
      const events = await api(second.url, 'GET', `${NL}/events?limit=1000`);
      const rvs = events.json.items.map((e: { resourceVersion: string }) => Number(e.resourceVersion));
      expect(rvs, 'dense from 1').toEqual(rvs.map((_: number, i: number) => i + 1));
    } finally {
      expect(await second.kill()).toBe(0);
    }

    const verify = spawnSync(process.execPath, [BIN, 'verify', '--database-url', url], { encoding: 'utf8' });
    expect(verify.stdout + verify.stderr).toContain('verify: OK');
    expect(verify.status).toBe(0);
  }, 120_000);

  it('one server per database: a second is refused, naming the first, until the first is gone (even by SIGKILL)', async () => {
    const url = await databaseFor(tempDir());
    // A server on another database holds the same lock key there (advisory locks are per
    // database): it neither blocks this one nor is named as its holder.
    const bystander = await serve(await databaseFor(tempDir()));
    const first = await serve(url);
    try {
      const second = spawnSync(process.execPath, [BIN, 'serve', '--listen', '127.0.0.1:0', '--data', tempDir(), '--database-url', url], { encoding: 'utf8', timeout: 30_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`is in use by another netledger server (netledger pid ${first.pid} on `);
      expect(second.stderr, 'no password in the message').not.toContain(':netledger@');
      expect((await api(first.url, 'GET', '/api/v1/namespaces/default/services/kubernetes')).status).toBe(200);
    } finally {
      await first.kill('SIGKILL');
      await bystander.kill();
    }
    // PostgreSQL drops the lock with the killed server's connection (at once, or when it notices).
    let again: Served | undefined;
    for (let i = 0; i < 50 && !again; i++) again = await serve(url).catch(() => new Promise<undefined>((r) => setTimeout(r, 200)));
    expect(again).toBeDefined();
    await again!.kill();
  }, 60_000);

  it('goes on when PostgreSQL drops its connections between requests: reads, writes and the lock come back', async () => {
    const url = await databaseFor(tempDir());
    const server = await serve(url);
    try {
      const create = (name: string) => api(server.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name }, spec: { ports: [{ port: 80 }] } });
      expect((await create('before')).status).toBe(201);
      const rv = Number((await api(server.url, 'GET', '/api/v1/services?limit=1')).json.metadata.resourceVersion);
      // What a PostgreSQL restart does to every session of the database (the server's pool, its
      // synchronous reader, its writer and its lock), with this test's own session left alone.
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      try {
        const { rows } = await admin.query('SELECT pg_terminate_backend(pid) AS gone FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [new URL(url).pathname.slice(1)]);
        expect(rows.length, 'the server had sessions to lose').toBeGreaterThanOrEqual(3);
      } finally {
        await admin.end();
      }
      await new Promise((r) => setTimeout(r, 300));
      // Reads through the pool (the event log) and through the synchronous reader (time travel).
      expect((await api(server.url, 'GET', `${NL}/events?limit=5`)).status).toBe(200);
      const past = await api(server.url, 'GET', `${NL}/nodes/nowhere/tables/iptables?resourceVersion=${rv}`);
      expect(past.status, 'a 404 from the node lookup, not a 500 from a dead connection').toBe(404);
      const history = await api(server.url, 'GET', `/apis/netledger.io/v1/events?kind=Service&name=before`);
      expect(history.json.items).toHaveLength(1);
      // A write on a new connection, durable and readable.
      const after = await create('after');
      expect(after.status, after.text).toBe(201);
      expect(Number(after.json.metadata.resourceVersion)).toBeGreaterThan(rv);
      expect((await api(server.url, 'GET', '/api/v1/namespaces/default/services/after')).status).toBe(200);
      // The lock is held again: a second server is refused.
      let refused = '';
      for (let i = 0; i < 20 && !refused.includes('is in use'); i++) {
        await new Promise((r) => setTimeout(r, 250));
        refused = spawnSync(process.execPath, [BIN, 'serve', '--listen', '127.0.0.1:0', '--data', tempDir(), '--database-url', url], { encoding: 'utf8', timeout: 30_000 }).stderr;
      }
      expect(refused).toContain(`is in use by another netledger server (netledger pid ${server.pid} on `);
    } finally {
      expect(await server.kill()).toBe(0);
    }
  }, 90_000);

  it('verify refuses a database that holds no netledger log, and creates nothing in it', async () => {
    const url = await databaseFor(tempDir());
    const r = spawnSync(process.execPath, [BIN, 'verify', '--database-url', url], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('no netledger log in the database at');
    const again = spawnSync(process.execPath, [BIN, 'verify', '--database-url', url], { encoding: 'utf8' });
    expect(again.stderr).toContain('no netledger log in the database at');
  });
});

describe('--database-url given wrong', () => {
  it('refuses what is not a PostgreSQL URL, and names an unreachable database without its password', () => {
    for (const cmd of ['serve', 'verify']) {
      const bad = spawnSync(process.execPath, [BIN, cmd, '--database-url', 'mysql://u:p@h/d'], { encoding: 'utf8' });
      expect(bad.status, cmd).not.toBe(0);
      expect(bad.stderr, cmd).toContain('--database-url mysql://u:***@h/d: expected postgres://USER:PASSWORD@HOST[:PORT]/DATABASE');
      // Port 1: nothing listens there, whether or not PostgreSQL runs on this machine.
      const down = spawnSync(process.execPath, [BIN, cmd, '--database-url', 'postgres://nl:secret@127.0.0.1:1/nl'], { encoding: 'utf8', timeout: 30_000 });
      expect(down.status, cmd).toBe(1);
      expect(down.stderr, cmd).toContain('--database-url postgres://nl:***@127.0.0.1:1/nl: cannot connect: connect ECONNREFUSED 127.0.0.1:1');
    }
  });
});
