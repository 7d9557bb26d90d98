// The audit CLI where a user's input is odd: --at before the log or at 0, --limit that is no
// number, event-log filters given to a node's history, a chain named without its table, verify
// pointed at a directory with no database. Each is refused with a usage error or answered as
// documented, never silently answered with something else.

import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { api, BIN, removeDir, suiteServer, tempDir } from '../support/server.js';

const s = suiteServer();

function run(args: string[], withServer = true): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, [BIN, ...args, ...(withServer ? ['--server', s.url] : [])], { env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

async function cluster(): Promise<void> {
  if (s.ledger.state.nodes.has('n1')) return;
  await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.77.11' }] } });
  for (const name of ['a', 'b', 'c']) await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });
}

describe('netledger CLI on odd input', () => {
  it('takes --server and -o before the command, as kubectl does', async () => {
    await cluster();
    const r = await run(['--server', s.url, '-o', 'json', 'events', '--kind', 'Node'], false);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).items.map((e: any) => e.name)).toContain('n1');
    const own = await run(['--server', s.url, '--kind', 'Node', '--limit', '1', 'events', '-o', 'json'], false);
    expect(own.code, own.stderr).toBe(0);
    expect(JSON.parse(own.stdout).items).toHaveLength(1);
    const eq = await run([`--server=${s.url}`, 'blame', 'n1', 'iptables', 'KUBE-SERVICES'], false);
    expect(eq.code, eq.stderr).toBe(0);
    expect((await run(['--help'], false)).stdout).toContain('usage: netledger <command>');
  });

  it('--at before the first event, or 0, is refused (the API reads resourceVersion=0 as now)', async () => {
    await cluster();
    const old = await run(['tables', 'n1', 'iptables', '--at', '2001-01-01T00:00:00Z']);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/^--at 2001-01-01T00:00:00Z is before the first event \(resourceVersion 1 at \d{4}-\d\d-\d\dT[\d:.]+Z\); there is no table before it\n$/);
    expect(old.stdout).toBe('');
    const zero = await run(['blame', 'n1', 'iptables', '--at', '0']);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain('--at 0: the log starts at resourceVersion 1');
    expect((await run(['tables', 'n1', 'iptables', '--at', 'March 7'])).code).toBe(2);
  });

  it('--until takes what --since takes: an rv, a duration or a time (the last rv at or before it)', async () => {
    await cluster();
    const all = JSON.parse((await run(['events', '-o', 'json'])).stdout).items as { resourceVersion: string; time: string }[];
    const mid = all[Math.floor(all.length / 2)]!;
    const byTime = JSON.parse((await run(['events', '--until', mid.time, '-o', 'json'])).stdout).items as { resourceVersion: string; time: string }[];
    expect(byTime.length).toBeGreaterThan(0);
    expect(byTime.every((e) => e.time <= mid.time)).toBe(true);
    expect(byTime.map((e) => e.resourceVersion)).toEqual(all.filter((e) => e.time <= mid.time).map((e) => e.resourceVersion));
    // Nothing happened a day before the log started.
    expect(JSON.parse((await run(['events', '--until', '1d', '-o', 'json'])).stdout).items).toEqual([]);
    const lastAtMid = all.filter((e) => e.time <= mid.time).at(-1)!.resourceVersion;
    const history = async (until: string) => JSON.parse((await run(['history', 'n1', 'iptables', '--until', until, '-o', 'json'])).stdout).items;
    expect(await history(mid.time)).toEqual(await history(lastAtMid));
    for (const cmd of [['events'], ['history', 'n1', 'iptables']]) {
      const bad = await run([...cmd, '--until', 'abc']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('--until abc: expected a resourceVersion, a duration (90s, 15m, 1h, 2d) or an RFC 3339 time');
    }
  });

  it('--limit takes a whole number, 0 meaning all', async () => {
    await cluster();
    const all = await run(['events', '-o', 'json']);
    const zero = await run(['events', '--limit', '0', '-o', 'json']);
    expect(JSON.parse(zero.stdout).items.length).toBe(JSON.parse(all.stdout).items.length);
    const two = await run(['events', '--limit', '2', '-o', 'json']);
    expect(JSON.parse(two.stdout).items).toHaveLength(2);
    // A cut list says so on stderr; a whole one says nothing.
    const twoItems = JSON.parse(two.stdout).items;
    expect(two.stderr).toBe(`(--limit 2 cut the list: more events follow; the next ones: --since ${twoItems[1].resourceVersion})\n`);
    expect(zero.stderr).toBe('');
    // The hint's flag shows exactly the next page.
    const next = await run(['events', '--limit', '2', '--since', twoItems[1].resourceVersion, '-o', 'json']);
    expect(JSON.parse(next.stdout).items).toEqual(JSON.parse(all.stdout).items.slice(2, 4));
    const oneChange = await run(['history', 'n1', 'iptables', '--limit', '1']);
    expect(oneChange.stderr).toMatch(/^\(--limit 1 cut the list: more changes are older; the next ones: --until \d+\)\n$/);
    // Across the four tables, the newest rv (a Service: its DNS records and its rule) changed
    // more than one key: one row cannot hold it, and it says so instead of offering a page that
    // would skip the rest of it.
    // A --since given as a duration is handed on as the rv it named, so the window stays put.
    const hinted = await run(['history', 'n1', 'iptables', '--limit', '1', '--since', '1h']);
    expect(hinted.stderr).toMatch(/--until \d+ --since \d+\)\n$/);
    const oneRv = await run(['history', 'n1', '--limit', '1']);
    expect(oneRv.stderr).toMatch(/^\(--limit 1 cut the list inside resourceVersion \d+, which changed more than that: raise --limit to see it whole\)\n$/);
    expect(oneChange.stdout.trim().split('\n')).toHaveLength(2); // header and one row
    // Page by page with the hint's --until, the history comes out whole, nothing twice: of one
    // table, and of all four (where one table's page may end inside an rv another's does not).
    // (A page holds whole rvs: --limit must be at least the most changes one rv made.)
    for (const [tables, extra] of [[['iptables'], 0], [[], 0], [[], 1]] as const) {
      const whole = JSON.parse((await run(['history', 'n1', ...tables, '-o', 'json'])).stdout).items;
      const perRv = new Map<string, number>();
      for (const h of whole) perRv.set(h.resourceVersion, (perRv.get(h.resourceVersion) ?? 0) + 1);
      const limit = String(Math.max(...perRv.values()) + extra);
      expect(Number(limit)).toBeLessThan(whole.length);
      const paged: unknown[] = [];
      let until: string | undefined;
      for (let i = 0; i < 100; i++) {
        const page = await run(['history', 'n1', ...tables, '--limit', limit, '-o', 'json', ...(until ? ['--until', until] : [])]);
        paged.push(...JSON.parse(page.stdout).items);
        until = /--until (\d+)\)/.exec(page.stderr)?.[1];
        if (!until) break;
      }
      const key = (h: any) => `${h.resourceVersion} ${h.table ?? ''} ${h.key} ${h.op}`;
      expect(paged.map(key).sort(), `${tables.join(',') || 'all'} by ${limit}`).toEqual(whole.map(key).sort());
    }
    for (const bad of ['abc', '1.5', '-1']) {
      const r = await run(['history', 'n1', 'iptables', `--limit=${bad}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--limit ${bad}: expected a whole number (0 = no limit)`);
    }
  });

  it("a node's history refuses the event log's filters and extra arguments instead of ignoring them", async () => {
    await cluster();
    const kind = await run(['history', 'n1', 'dns', '--kind', 'Pod']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("--kind filters the event log (history without NODE), not a node's changes");
    const extra = await run(['history', 'n1', 'dns', 'key', 'junk']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument junk');
  });

  it('history finds a chain by its name alone, as blame does', async () => {
    await cluster();
    const table = await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/n1/tables/iptables');
    const full = table.json.entries.map((e: { key: string }) => e.key).find((k: string) => k.startsWith('filter/KUBE-SERVICES/default/a'))!;
    const short = full.slice('filter/'.length);
    const byFull = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/n1/tables/iptables/history?key=${encodeURIComponent(full)}`);
    const byShort = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/n1/tables/iptables/history?key=${encodeURIComponent(short)}`);
    expect(byFull.json.items.length).toBeGreaterThan(0);
    expect(byShort.json.items).toEqual(byFull.json.items);
    const cli = await run(['history', 'n1', 'iptables', short, '-o', 'json']);
    expect(JSON.parse(cli.stdout).items.map((i: { key: string }) => i.key)).toEqual(byFull.json.items.map((i: { key: string }) => i.key));
  });

  it('diff takes durations and times as --at does; events --kind takes kubectl short names', async () => {
    await cluster();
    const byRv = await run(['diff', 'n1', 'dns', '0', '-o', 'json']);
    const byTime = await run(['diff', 'n1', 'dns', '2001-01-01T00:00:00Z', '-o', 'json']);
    expect(byTime.code).toBe(0);
    // Before the first event is the empty table, as rv 0 is for a diff.
    expect(JSON.parse(byTime.stdout).added).toEqual(JSON.parse(byRv.stdout).added);
    expect(JSON.parse((await run(['diff', 'n1', 'dns', '1h', '-o', 'json'])).stdout).from).toBe('0');
    expect((await run(['diff', 'n1', 'dns', 'yesterday'])).code).toBe(2);
    const svc = JSON.parse((await run(['events', '--kind', 'svc', '-o', 'json'])).stdout);
    expect(new Set(svc.items.map((e: { kind: string }) => e.kind))).toEqual(new Set(['Service']));
    expect((await run(['tables', 'n1', 'dns', '--at', '99999999999999999999'])).stderr).toContain('not a resourceVersion this log can reach');
  });

  it('a server that is not netledger is named as such, not dumped', async () => {
    const { createServer } = await import('node:http');
    const other = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<html>nope</html>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as { port: number }).port}`;
    const r = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(process.execPath, [BIN, 'events', '--server', url], (err, _out, stderr) => resolve({ code: err ? 1 : 0, stderr })),
    );
    other.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`the server at ${url} answered /apis/netledger.io/v1/events with HTTP 404 (text/html), not as netledger does: is --server a netledger server?\n`);
    const noScheme = await run(['events', '--server', '127.0.0.1:1'], false);
    expect(noScheme.stderr).toContain('--server takes a URL');
  });

  it('verify refuses a directory without a database instead of creating one and calling it OK', async () => {
    const empty = tempDir();
    const r = await run(['verify', '--data', `${empty}/typo`], false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`no netledger database in ${empty}/typo`);
    const help = await run(['verify', '--help'], false);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: netledger verify/);
    expect((await run(['verify', '--bogus'], false)).code).toBe(2);
    removeDir(empty);
  });
});
