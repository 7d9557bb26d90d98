// The audit CLI (built binary) on a compacted log, and the forms --at takes: a duration or time
// reaching below the floor starts history at the floor with a warning instead of a 410 naming an
// rv nobody typed; --at takes the forms --since takes; a wrong table name says which exist.

import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BIN, removeDir, tempDir, type TestServer } from '../support/server.js';
import { retainedServer } from '../api/audit/retained-log.js';

function run(args: string[], server: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', NETLEDGER_SERVER: server } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const rows = (text: string) => text.trimEnd().split('\n').map((l) => l.split(/ {3,}/));

describe('netledger CLI after compaction', () => {
  const dataDir = tempDir();
  let s: TestServer;
  let floor: number;
  let floorTime: string;
  let log: { resourceVersion: string; time: string }[];
  beforeAll(async () => {
    s = await retainedServer(dataDir);
    floor = s.ledger.floorRv;
    log = (await api(s.url, 'GET', '/apis/netledger.io/v1/events?limit=10000')).json.items;
    floorTime = log.filter((e) => Number(e.resourceVersion) <= floor).at(-1)!.time;
  });
  afterAll(async () => {
    await s?.stop();
    removeDir(dataDir);
  });

  it('history --since 1h starts at the floor and says older history was compacted', async () => {
    const r = await run(['history', 'n1', 'iptables', '--since', '1h'], s.url);
    expect(r.stderr).toBe(`Warning: history before resourceVersion ${floor} (${floorTime}) was compacted; showing the changes after it\n`);
    expect(r.code).toBe(0);
    const rvs = rows(r.stdout).slice(1).map((row) => Number(row[0]));
    expect(rvs.length).toBeGreaterThan(0);
    expect(Math.min(...rvs)).toBeGreaterThan(floor);
    // An rv the user typed is theirs to get a 410 for, named as asked.
    const typed = await run(['history', 'n1', 'iptables', '--since', '3'], s.url);
    expect(typed).toMatchObject({ code: 1, stdout: '' });
    expect(typed.stderr).toBe(`Error from server (Gone): since=3 is below the retention floor ${floor}: compaction removed the history before it; the oldest since accepted is ${floor}\n`);
    const events = await run(['events', '--since', '1h'], s.url);
    expect(events.stderr).toBe(`Warning: events before resourceVersion ${floor} (${floorTime}) were compacted: only each object's last event before it is kept\n`);
    // --until below the floor: all that is listed is the compacted remainder, and it says so.
    const below = await run(['events', '--until', String(floor - 1)], s.url);
    expect(below.code).toBe(0);
    expect(below.stderr).toBe(`Warning: events before resourceVersion ${floor} (${floorTime}) were compacted: only each object's last event before it is kept\n`);
    expect((await run(['events', '--until', String(floor)], s.url)).stderr).toBe('');
  });

  it('events --limit below the floor: the next page is a --continue token that works, where --since would be 410', async () => {
    // Pages small enough to break below the floor twice, then the rest in one.
    const below = log.filter((e) => Number(e.resourceVersion) < floor).length;
    const limit = String(Math.max(1, Math.floor(below / 3)));
    const seen: string[] = [];
    let from: string[] = [];
    for (let page = 0; page < 2; page++) {
      const r = await run(['events', '--limit', limit, '-o', 'json', ...from], s.url);
      expect(r.code, r.stderr).toBe(0);
      seen.push(...JSON.parse(r.stdout).items.map((e: { resourceVersion: string }) => e.resourceVersion));
      expect(Number(seen.at(-1))).toBeLessThan(floor);
      // A --since below the floor would be refused: below it the hint is the list's token.
      const next = /the next ones: --continue (\S+)\)\n$/.exec(r.stderr);
      expect(next, r.stderr).not.toBeNull();
      from = ['--continue', next![1]!];
    }
    const rest = await run(['events', '-o', 'json', ...from], s.url);
    expect(rest.code, rest.stderr).toBe(0);
    seen.push(...JSON.parse(rest.stdout).items.map((e: { resourceVersion: string }) => e.resourceVersion));
    expect(seen).toEqual(log.map((e) => e.resourceVersion));
  });

  it('tables --at takes a time or a duration: the last revision at or before it', async () => {
    const target = log.find((e) => Number(e.resourceVersion) === floor + 10)!;
    const expected = Math.max(...log.filter((e) => e.time <= target.time).map((e) => Number(e.resourceVersion)));
    const want = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/n1/tables/iptables?resourceVersion=${expected}&format=text`);
    const atTime = await run(['tables', 'n1', 'iptables', '--at', target.time], s.url);
    expect(atTime.code).toBe(0);
    expect(atTime.stdout).toBe(want.text);
    const json = JSON.parse((await run(['tables', 'n1', 'iptables', '--at', target.time, '-o', 'json'], s.url)).stdout);
    expect(json.metadata.resourceVersion).toBe(String(expected));
    const now = JSON.parse((await run(['tables', 'n1', 'iptables', '--at', '0s', '-o', 'json'], s.url)).stdout);
    expect(now.metadata.resourceVersion).toBe(String(s.ledger.committedRv));
    // A day ago is before anything the log still holds in full.
    const dayAgo = await run(['tables', 'n1', 'iptables', '--at', '1d'], s.url);
    expect(dayAgo.code).toBe(1);
    expect(dayAgo.stderr).toMatch(new RegExp(`^--at 1d \\(\\S+Z\\) is before the retention floor: history before resourceVersion ${floor} \\(${floorTime}\\) was compacted, the oldest state kept is at ${floor}\\n$`));
    const bad = await run(['tables', 'n1', 'iptables', '--at', 'soon'], s.url);
    expect(bad).toMatchObject({ code: 2, stderr: 'netledger tables: --at soon: expected a resourceVersion, a duration (90s, 15m, 1h, 2d) or an RFC 3339 time\n' });
  });

  it('a wrong table name lists the tables, and says where iptables tables such as nat live', async () => {
    const nat = await run(['tables', 'n1', 'nat'], s.url);
    expect(nat).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'netledger tables: unknown table "nat": the tables are iptables, ip6tables, routes, dns; "nat" is an iptables table, part of the iptables (IPv4) and ip6tables (IPv6) tables, whose keys are nat/CHAIN\n',
    });
    const other = await run(['history', 'n1', 'bogus'], s.url);
    expect(other).toMatchObject({ code: 2, stderr: 'netledger history: unknown table "bogus": the tables are iptables, ip6tables, routes, dns\n' });
  });
});
