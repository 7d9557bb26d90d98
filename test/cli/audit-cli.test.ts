// The audit commands of the built binary (`npm run build` first), run against a real server:
// output for people, -o json|yaml, the server found from flags, $NETLEDGER_SERVER or a
// kubeconfig, and errors and exit codes as a kubectl user expects them.

import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, BIN, removeDir, ROOT, startTestServer, tempDir, type TestServer } from '../support/server.js';
import { as, buildStory, TOKENS, writeTokenFile, type Story } from '../api/audit/fixture.js';
import { Client } from '../../cli/client.js';
import { resolveConnection } from '../../cli/connection.js';
import type { CliContext } from '../../cli/context.js';
import { runCli } from '../../cli/index.js';

const BUILT = existsSync(BIN) && existsSync(join(ROOT, 'dist', 'cli', 'index.js'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOME: env.HOME ?? '/nonexistent', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Rows of a kubectl-style table: columns split on runs of 3+ spaces. */
function rows(text: string): string[][] {
  return text.trimEnd().split('\n').map((l) => l.split(/ {3,}/));
}

describe('netledger audit CLI (built binary)', () => {
  let s: TestServer;
  let story: Story;
  let tokenDir: string;
  let env: Record<string, string>;
  const admin = as(TOKENS.admin);
  beforeAll(async () => {
    if (!BUILT) throw new Error(`${BIN} or dist/cli is missing: run \`npm run build\` before these tests`);
    tokenDir = tempDir();
    s = await startTestServer(['--token-auth-file', writeTokenFile(tokenDir)]);
    story = await buildStory(s.url);
    env = { NETLEDGER_SERVER: s.url, NETLEDGER_TOKEN: TOKENS.admin };
  });
  afterAll(async () => {
    if (!s) return;
    await s.stop();
    removeDir(s.dataDir);
    removeDir(tokenDir);
  });

  it('events: who changed service web, as a table and as JSON/YAML', async () => {
    const r = await run(['events', '--kind', 'Service', '--name', 'web', '--since', '1h'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const t = rows(r.stdout);
    expect(t[0]).toEqual(['RV', 'TIME', 'ACTOR', 'TYPE', 'KIND', 'NAMESPACE', 'NAME', 'CAUSE']);
    expect(t.slice(1).map((row) => [row[0], row[2], row[3], row[4], row[5], row[6], row[7]])).toEqual([
      [String(story.serviceCreated), 'alice', 'ADDED', 'Service', 'default', 'web', '<none>'],
      [String(story.bobServiceEdit), 'bob', 'MODIFIED', 'Service', 'default', 'web', '<none>'],
    ]);
    const json = await run(['events', '--kind', 'Service', '--name', 'web', '-o', 'json'], env);
    const list = JSON.parse(json.stdout);
    expect(list.kind).toBe('EventList');
    expect(list.items.map((e: any) => e.actor)).toEqual(['alice', 'bob']);
    const yaml = parse((await run(['events', '--actor', 'bob', '-o', 'yaml'], env)).stdout);
    // Long strings (a rule, a record, an object's last-applied annotation) stay on one line.
    const rulesYaml = (await run(['tables', 'node-3', 'iptables', '-o', 'yaml'], env)).stdout;
    expect(rulesYaml).toContain('- -A KUBE-SERVICES -m comment --comment "default/web:http cluster IP" -m tcp -p tcp -d ');
    expect(yaml.items.map((e: any) => `${e.kind}/${e.name}`)).toEqual(['Pod/web-2', 'Service/web']);
    const none = await run(['events', '--since', `${s.ledger.committedRv}`], env);
    expect(none.stdout).toBe('No events found.\n');
  });

  it('blame: the DNAT to 10.244.2.7 comes from the slice, triggered by the kubelet report', async () => {
    const table = await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/node-3/tables/iptables', undefined, admin);
    const sep = table.json.entries.find((e: any) => Array.isArray(e.value) && e.value.some((l: string) => l.includes('web:http -m tcp -p tcp -j DNAT --to-destination 10.244.2.7:8080'))).key;
    const r = await run(['blame', 'node-3', 'iptables', sep.slice('nat/'.length)], env);
    expect(r.code).toBe(0);
    const t = rows(r.stdout);
    expect(t[0]).toEqual(['RV', 'TIME', 'ACTOR', 'OBJECT', 'TYPE', 'KEY', 'ORIGIN']);
    expect(t).toHaveLength(2);
    const [rv, time, actor, object, type, key, origin] = t[1]!;
    expect([rv, actor, type, key, origin]).toEqual([String(story.web1Ready + 2), 'system:endpoints-controller', 'MODIFIED', sep, `Pod default/web-1 MODIFIED @${story.web1Ready} by system:node:node-3 (impersonated by admin)`]);
    expect(object).toMatch(/^EndpointSlice default\/web-[a-z0-9]{5}$/);
    expect(Date.parse(time!)).not.toBeNaN();
  });

  it('blame --contains asks the question in one command: which entries DNAT to 10.244.2.7, and why', async () => {
    const r = await run(['blame', 'node-3', 'iptables', '--contains', 'DNAT --to-destination 10.244.2.7:'], env);
    expect(r.code).toBe(0);
    const t = rows(r.stdout);
    // One KUBE-SEP chain per service port of web: http's since web-1's readiness report, alt's
    // since bob added the port.
    expect(t.slice(1).map((row) => row[5]!.replace(/KUBE-SEP-[A-Z2-7]{16}$/, 'KUBE-SEP-…'))).toEqual(['nat/KUBE-SEP-…', 'nat/KUBE-SEP-…']);
    expect(t.slice(1).map((row) => [row[2], row[3], row[6]]).sort()).toEqual([
      ['bob', 'Service default/web', '<none>'],
      ['system:endpoints-controller', expect.stringMatching(/^EndpointSlice default\/web-/), `Pod default/web-1 MODIFIED @${story.web1Ready} by system:node:node-3 (impersonated by admin)`],
    ]);
    const none = await run(['blame', 'node-3', 'iptables', '--contains', '10.99.99.99'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`no entry of node node-3's iptables table contains "10.99.99.99"`);
  });

  it('blame of a shared chain names the service behind each of its rules', async () => {
    const r = await run(['blame', 'node-3', 'iptables', 'KUBE-SERVICES', '-o', 'json'], env);
    expect(r.code).toBe(0);
    const keys = JSON.parse(r.stdout).items.map((i: any) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['nat/KUBE-SERVICES', 'filter/KUBE-SERVICES', 'nat/KUBE-SERVICES/default/web']));
    for (const k of keys) expect(k).toMatch(/^(nat|filter)\/KUBE-SERVICES(\/|$)/);
  });

  it('tables --at and diff: what node-3 looked like before bob, and what changed since', async () => {
    const then = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/node-3/tables/iptables?resourceVersion=${story.beforeBob}&format=text`, undefined, admin);
    const t = await run(['tables', 'node-3', 'iptables', '--at', String(story.beforeBob)], env);
    expect(t.code).toBe(0);
    expect(t.stdout).toBe(then.text);
    const apiDiff = await api(s.url, 'GET', `/apis/netledger.io/v1/nodes/node-3/tables/iptables/diff?from=${story.beforeBob}&format=text`, undefined, admin);
    const d = await run(['diff', 'node-3', 'iptables', String(story.beforeBob)], env);
    expect(d.code).toBe(0);
    expect(d.stdout).toBe(apiDiff.text);
    expect(d.stdout).toContain('+-A KUBE-SERVICES -m comment --comment "default/web:alt cluster IP"');
    expect(d.stdout).not.toContain('\x1b[');
    const colored = await run(['diff', 'node-3', 'iptables', String(story.beforeBob), '--color'], env);
    expect(colored.stdout).toContain('\x1b[32m+-A KUBE-SERVICES -m comment --comment "default/web:alt cluster IP"');
    expect(colored.stdout).toContain(`\x1b[1m--- node-3/iptables@${story.beforeBob}\x1b[0m`);
    // On a terminal the diff is coloured, unless NO_COLOR is set (no-color.org) or --no-color.
    const onTerminal = async (extraEnv: Record<string, string>, args: string[] = []) => {
      let out = '';
      const ctxEnv = { ...env, ...extraEnv };
      const ctx: CliContext = { out: (t) => void (out += t), note: () => undefined, isTTY: true, env: ctxEnv, connect: (v) => new Client(resolveConnection({ server: v.server as string | undefined }, ctxEnv)) };
      expect(await runCli('diff', ['node-3', 'iptables', String(story.beforeBob), ...args], ctx)).toBe(0);
      return out;
    };
    expect(await onTerminal({})).toContain('\x1b[32m+');
    expect(await onTerminal({ NO_COLOR: '1' })).toBe(apiDiff.text);
    expect(await onTerminal({}, ['--no-color'])).toBe(apiDiff.text);
    expect(await onTerminal({ NO_COLOR: '1' }, ['--color'])).toContain('\x1b[32m+');
    // bob's report makes web-2 ready; its slice, two rvs on, adds the endpoint.
    const json = JSON.parse((await run(['diff', 'node-3', 'iptables', String(story.beforeBob), String(story.bobReady + 2), '-o', 'json'], env)).stdout);
    expect(json).toMatchObject({ kind: 'NodeTableDiff', from: String(story.beforeBob), to: String(story.bobReady + 2) });
    expect(json.added.map((a: any) => a.value.join('\n'))).toEqual([expect.stringContaining('--to-destination 10.244.0.5:8080')]);
  });

  it('history: the changes node-3 saw since before bob, newest first, with who and what', async () => {
    const r = await run(['history', 'node-3', 'iptables', '--since', String(story.beforeBob)], env);
    expect(r.code).toBe(0);
    const t = rows(r.stdout);
    expect(t[0]).toEqual(['RV', 'TIME', 'ACTOR', 'OBJECT', 'TABLE', 'OP', 'KEY', 'ORIGIN']);
    const rvs = t.slice(1).map((row) => Number(row[0]));
    expect(rvs).toEqual([...rvs].sort((a, b) => b - a));
    expect(Math.min(...rvs)).toBeGreaterThan(story.beforeBob);
    // bob's port edit and the slice update it caused are projected together: the new port's
    // chains are bob's, and no REJECT of the port without endpoints is recorded in between.
    const bobs = t.slice(1).filter((row) => row[0] === String(story.bobServiceEdit));
    expect(new Set(bobs.map((row) => `${row[2]} ${row[3]} ${row[4]}`))).toEqual(new Set(['bob Service default/web iptables']));
    expect(bobs.map((row) => `${row[5]} ${row[6]}`)).toEqual(expect.arrayContaining(['change nat/KUBE-SERVICES/default/web', expect.stringMatching(/^add nat\/KUBE-SVC-[A-Z2-7]{16}$/), expect.stringMatching(/^add nat\/KUBE-SEP-[A-Z2-7]{16}$/)]));
    expect(t.slice(1).some((row) => row[6] === 'filter/KUBE-SERVICES/default/web')).toBe(false);
    // The controller's changes name the request behind them, as blame does: bob's kubelet report.
    const controller = t.slice(1).filter((row) => row[2] === 'system:endpoints-controller' && row[0] === String(story.bobReady + 2));
    expect(controller.length).toBeGreaterThan(0);
    for (const row of controller) expect(row[7]).toMatch(new RegExp(`^Pod default/web-2 MODIFIED @${story.bobReady} by `));
    const all = await run(['history', 'node-3', '--since', String(story.beforeBob), '-o', 'json'], env);
    const tables = new Set(JSON.parse(all.stdout).items.map((i: any) => i.table));
    expect(tables).toEqual(new Set(['iptables', 'dns']));
    const log = await run(['history', '--kind', 'Pod', '--name', 'web-1'], env);
    expect(rows(log.stdout).slice(1).map((row) => [row[2], row[3]])).toEqual([
      ['alice', 'ADDED'],
      // The kubelet's report, sent with admin's token as system:node:node-3.
      ['system:node:node-3 (impersonated by admin)', 'MODIFIED'],
    ]);
  });

  it('finds the server in a kubeconfig when no flag or variable names it', async () => {
    const home = tempDir();
    mkdirSync(join(home, '.kube'));
    writeFileSync(
      join(home, '.kube', 'config'),
      `apiVersion: v1\nkind: Config\ncurrent-context: lab\ncontexts:\n- name: lab\n  context: {cluster: lab, user: alice}\n- name: other\n  context: {cluster: other, user: alice}\nclusters:\n- name: other\n  cluster: {server: "http://127.0.0.1:1"}\n- name: lab\n  cluster: {server: "${s.url}"}\nusers:\n- name: alice\n  user: {token: ${TOKENS.alice}}\n`,
    );
    const r = await run(['events', '--actor', 'alice', '-o', 'json'], { HOME: home });
    removeDir(home);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).items.length).toBeGreaterThan(0);
  });

  it('errors read as kubectl prints them, with exit codes 1 (error) and 2 (usage)', async () => {
    const missing = await run(['tables', 'node-9', 'iptables'], env);
    expect(missing).toMatchObject({ code: 1, stdout: '', stderr: 'Error from server (NotFound): nodes "node-9" not found\n' });
    const badToken = await run(['events', '--token', 'wrong'], env);
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toBe('Error from server (Unauthorized): Unauthorized\n');
    const down = await run(['events', '--server', 'http://127.0.0.1:59999'], env);
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/^cannot reach netledger at http:\/\/127\.0\.0\.1:59999: .*ECONNREFUSED/);
    const usage = await run(['diff', 'node-3'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^netledger diff: expected NODE, TABLE, FROM and optionally TO\nusage: netledger diff /);
    const flag = await run(['blame', 'node-3', 'iptables', '--bogus'], env);
    expect(flag.code).toBe(2);
    const format = await run(['events', '-o', 'wide'], env);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('unable to match a printer suitable for the output format "wide"');
    const help = await run(['history', '--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: netledger history/);
  });
});
