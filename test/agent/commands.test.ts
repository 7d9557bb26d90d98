// The built `netledger dns` and `netledger agent --dry-run` against a real server: the standalone
// responder answers from the streamed dns table (UDP and TCP); a dry run logs the restore input it
// would feed iptables-restore and reports nothing.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTool } from '../support/host.js';
import { api, BIN, removeDir, startTestServer, type TestServer } from '../support/server.js';

const run = promisify(execFile);
const reason = !existsSync(BIN) ? 'dist/ is missing: run `npm run build` first' : missingTool(['dig']);

function start(args: string[]): { child: ChildProcess; lines: Record<string, any>[]; waitFor(msg: string, ms?: number): Promise<Record<string, any>> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NETLEDGER_LOG_LEVEL: 'info' } });
  const lines: Record<string, any>[] = [];
  const waiters: [string, (l: Record<string, any>) => void][] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      const rec = JSON.parse(line);
      lines.push(rec);
      for (const w of waiters) if (rec.msg === w[0]) w[1](rec);
    } catch {
      /* not a log line */
    }
  });
  return {
    child,
    lines,
    waitFor(msg, ms = 15_000) {
      const hit = lines.find((l) => l.msg === msg);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no "${msg}" in ${ms} ms: ${JSON.stringify(lines.slice(-5))}`)), ms);
        waiters.push([msg, (l) => (clearTimeout(t), resolve(l))]);
      });
    },
  };
}

/** Ends a child (once: a child already gone, by exit or by signal, resolves at once). */
const stop = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : (c.once('exit', () => r()), c.kill('SIGTERM'))));

describe.skipIf(reason !== undefined)(reason ? `commands (skipped: ${reason})` : 'netledger dns / agent --dry-run', () => {
  let s: TestServer;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    s = await startTestServer();
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.56.11' }] } });
  });
  afterAll(async () => {
    for (const c of children) await stop(c);
    await s.stop();
    removeDir(s.dataDir);
  });

  it('netledger dns answers SERVFAIL while it has no table yet (server unreachable), as CoreDNS before its sync', async () => {
    const dns = start(['dns', '--server', 'http://127.0.0.1:9', '--listen', '127.0.0.1:0']);
    children.push(dns.child);
    const listening = await dns.waitFor('netledger dns listening (SERVFAIL until the first sync)');
    const { stdout } = await run('dig', ['@127.0.0.1', '-p', String(listening.listen.port), '+time=2', '+tries=1', 'kubernetes.default.svc.cluster.local', 'A']);
    expect(stdout).toMatch(/status: SERVFAIL/);
    await stop(dns.child);
  });

  it('netledger dns streams the first node\'s dns table and answers new names as they are written', async () => {
    const dns = start(['dns', '--server', s.url, '--listen', '127.0.0.1:0']);
    children.push(dns.child);
    const serving = await dns.waitFor('netledger dns serving');
    expect(serving.node).toBe('n1');
    const port = String(serving.listen.port);
    const svc = await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    const ip = svc.json.spec.clusterIP as string;
    const dig = async (...a: string[]) => (await run('dig', ['@127.0.0.1', '-p', port, '+short', '+time=1', '+tries=1', ...a])).stdout.trim();
    const deadline = Date.now() + 5_000;
    while ((await dig('web.default.svc.cluster.local')) !== ip && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await dig('web.default.svc.cluster.local')).toBe(ip);
    expect(await dig('+tcp', 'web.default.svc.cluster.local')).toBe(ip);
    const nx = (await run('dig', ['@127.0.0.1', '-p', port, '+time=1', 'nope.default.svc.cluster.local'])).stdout;
    expect(nx).toMatch(/status: NXDOMAIN/);
  });

  it('agent --dry-run logs the iptables-restore input and reports no status', async () => {
    const agent = start(['agent', '--server', s.url, '--node', 'n1', '--tables', 'iptables,dns', '--dry-run']);
    children.push(agent.child);
    await agent.waitFor('SNAPSHOT');
    const deadline = Date.now() + 5_000;
    let restore: Record<string, any> | undefined;
    while (!(restore = agent.lines.find((l) => l.msg === 'would run' && /^iptables-restore -w 5 --noflush --counters$/.test(l.command))) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(restore?.stdin).toContain(':KUBE-SERVICES - [0:0]');
    expect(restore?.stdin).toContain('-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000');
    expect(agent.lines.some((l) => l.msg === 'would run' && String(l.command).startsWith('sysctl'))).toBe(true);
    expect((await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/status')).status).toBe(404);
    await stop(agent.child);
    expect(agent.child.exitCode).toBe(0);
  });
});
