// The CLI's output through a pipe, as `netledger history … | less` reads it: complete, however long
// (it was cut after the 64 KiB the pipe had room for when the process exited).

import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, BIN, suiteServer } from '../support/server.js';

const s = suiteServer();

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the built binary as `netledger … | cat` in bash: its stdout is an OS pipe, as under a
 * shell (a child's stdio from Node is a socket pair, which Node writes synchronously). */
function runPiped(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const command = [process.execPath, BIN, ...args, '--server', s.url].map(quote).join(' ');
    const child = spawn('bash', ['-c', `set -o pipefail; ${command} | cat`], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr }));
  });
}

describe('CLI output through a pipe', () => {
  beforeAll(async () => {
    expect((await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' } })).status).toBe(201);
    // 250 services: their events as JSON are over 300 KiB, DNS history over 100 KiB.
    for (let i = 0; i < 250; i++) {
      const r = await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: `svc-${i}`, labels: { app: 'piped', padding: 'x'.repeat(60) } }, spec: { selector: { app: `p${i}` }, ports: [{ name: 'http', port: 80 }] } });
      expect(r.status).toBe(201);
    }
  });

  it('events -o json arrives whole', async () => {
    const r = await runPiped(['events', '--kind', 'Service', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(300 * 1024);
    const list = JSON.parse(r.stdout);
    expect(list.items.filter((e: { kind: string; name: string }) => e.kind === 'Service' && e.name.startsWith('svc-'))).toHaveLength(250);
  });

  it('history arrives whole: as many rows as the API has changes', async () => {
    const api1 = await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/tables/dns/history?limit=100000');
    const r = await runPiped(['history', 'n1', 'dns']);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100 * 1024);
    expect(r.stdout.trimEnd().split('\n').length - 1).toBe(api1.json.items.length);
  });
});
