// The auditors' questions, asked over real HTTP of a server whose actors come from bearer
// tokens (--token-auth-file) and Impersonate-User.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../../support/server.js';
import { as, buildStory, reportPodStatus, TOKENS, writeTokenFile, type Story } from './fixture.js';

const NL = '/apis/netledger.io/v1';
const admin = as(TOKENS.admin);

describe('auditors ask', () => {
  let s: TestServer;
  let story: Story;
  let tokenDir: string;
  beforeAll(async () => {
    tokenDir = tempDir();
    s = await startTestServer(['--token-auth-file', writeTokenFile(tokenDir)]);
    story = await buildStory(s.url);
  });
  afterAll(async () => {
    await s.stop();
    removeDir(s.dataDir);
    removeDir(tokenDir);
  });

  it('why does node-3 have a DNAT to 10.244.2.7? — blame names the slice and the kubelet report behind it', async () => {
    const table = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables`, undefined, admin);
    expect(table.status).toBe(200);
    const holders = table.json.entries.filter((e: any) => Array.isArray(e.value) && (e.value as string[]).some((r) => r.includes('-j DNAT --to-destination 10.244.2.7:8080')));
    // One KUBE-SEP chain per service port (http, and bob's alt) holds the DNAT.
    expect(holders.map((e: any) => e.key)).toEqual([expect.stringMatching(/^nat\/KUBE-SEP-[A-Z2-7]{16}$/), expect.stringMatching(/^nat\/KUBE-SEP-[A-Z2-7]{16}$/)]);
    const http = holders.find((e: any) => (e.value as string[])[0]!.includes('default/web:http'));
    const chain = http.key.slice('nat/'.length);

    const blame = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/blame?key=${chain}`, undefined, admin);
    expect(blame.status).toBe(200);
    expect(blame.json.items).toHaveLength(1);
    const item = blame.json.items[0];
    expect(item.key).toBe(http.key);
    expect(item.value).toEqual(http.value);
    // The derived slice event right after the report: Endpoints is +1, the EndpointSlice +2.
    expect(item.cause).toMatchObject({ resourceVersion: String(story.web1Ready + 2), kind: 'EndpointSlice', namespace: 'default', type: 'MODIFIED', actor: 'system:endpoints-controller' });
    expect(item.origin).toMatchObject({ resourceVersion: String(story.web1Ready), kind: 'Pod', namespace: 'default', name: 'web-1', type: 'MODIFIED', actor: 'system:node:node-3' });

    const ev = await api(s.url, 'GET', `${NL}/events?since=${story.web1Ready - 1}&until=${story.web1Ready + 2}`, undefined, admin);
    expect(ev.json.items.map((e: any) => [e.resourceVersion, e.kind, e.actor, e.cause])).toEqual([
      [String(story.web1Ready), 'Pod', 'system:node:node-3', null],
      [String(story.web1Ready + 1), 'Endpoints', 'system:endpoints-controller', String(story.web1Ready)],
      [String(story.web1Ready + 2), 'EndpointSlice', 'system:endpoints-controller', String(story.web1Ready)],
    ]);
    expect(ev.json.items[0].object.status.podIP).toBe('10.244.2.7');

    const missing = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/blame?key=KUBE-SEP-NOPE`, undefined, admin);
    expect(missing.status).toBe(404);
    expect(missing.json.reason).toBe('NotFound');
  });

  it("what did node-3's nat table look like before bob's change? — time travel and diff agree with two reads", async () => {
    const then = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables?resourceVersion=${story.beforeBob}`, undefined, admin);
    const now = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables`, undefined, admin);
    const thenText = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables?resourceVersion=${story.beforeBob}&format=text`, undefined, admin);
    expect(thenText.text).toContain('--to-destination 10.244.2.7:8080');
    expect(thenText.text).not.toContain('10.244.0.5');
    expect(thenText.text).not.toContain('default/web:alt');

    // The oracle: diff the two full reads here.
    const before = new Map<string, unknown>(then.json.entries.map((e: any) => [e.key, e.value]));
    const after = new Map<string, unknown>(now.json.entries.map((e: any) => [e.key, e.value]));
    const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
    const expected = {
      added: keys.filter((k) => !before.has(k)).map((key) => ({ key, value: after.get(key) })),
      removed: keys.filter((k) => !after.has(k)).map((key) => ({ key, value: before.get(key) })),
      changed: keys.filter((k) => before.has(k) && after.has(k) && JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k))).map((key) => ({ key, from: before.get(key), to: after.get(key) })),
    };
    const diff = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/diff?from=${story.beforeBob}`, undefined, admin);
    expect(diff.status).toBe(200);
    expect(diff.json).toMatchObject({ kind: 'NodeTableDiff', apiVersion: 'netledger.io/v1', table: 'iptables', from: String(story.beforeBob), to: now.json.metadata.resourceVersion });
    expect({ added: diff.json.added, removed: diff.json.removed, changed: diff.json.changed }).toEqual(expected);
    expect(expected.added).toHaveLength(4); // SEPs for 10.244.0.5 (http, alt), 10.244.2.7 (alt), the alt KUBE-SVC
    expect(expected.changed.map((c) => c.key)).toContain('nat/KUBE-SERVICES/default/web');

    // Reversed, the diff swaps sides.
    const back = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/diff?from=${now.json.metadata.resourceVersion}&to=${story.beforeBob}`, undefined, admin);
    expect(back.json.removed).toEqual(expected.added);
    expect(back.json.changed).toEqual(expected.changed.map((c) => ({ key: c.key, from: c.to, to: c.from })));

    // The text form is what GNU diff -u says about the two renderings, for every table.
    const head = now.json.metadata.resourceVersion;
    for (const t of ['iptables', 'routes', 'dns']) {
      const a = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/${t}?resourceVersion=${story.beforeBob}&format=text`, undefined, admin);
      const b = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/${t}?resourceVersion=${head}&format=text`, undefined, admin);
      const textDiff = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/${t}/diff?from=${story.beforeBob}&to=${head}`, undefined, { ...admin, accept: 'text/plain' });
      expect(textDiff.headers.get('content-type')).toMatch(/^text\/plain/);
      const dir = mkdtempSync(join(tmpdir(), 'nl-diff-'));
      writeFileSync(join(dir, 'a'), a.text);
      writeFileSync(join(dir, 'b'), b.text);
      let gnu = '';
      try {
        execFileSync('diff', ['-u', '--label', `node-3/${t}@${story.beforeBob}`, '--label', `node-3/${t}@${head}`, join(dir, 'a'), join(dir, 'b')]);
      } catch (e) {
        gnu = String((e as { stdout: Buffer }).stdout);
      }
      removeDir(dir);
      expect(textDiff.text, t).toBe(gnu);
      if (t !== 'routes') expect(gnu, t).toMatch(/^--- node-3\//); // routes did not change
    }
  });

  it('which changes touched service web in the last hour, and who made them?', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const svc = await api(s.url, 'GET', `${NL}/events?kind=Service&name=web&sinceTime=${hourAgo}`, undefined, admin);
    expect(svc.status).toBe(200);
    expect(svc.json.kind).toBe('EventList');
    expect(svc.json.items.map((e: any) => [e.resourceVersion, e.type, e.actor])).toEqual([
      [String(story.serviceCreated), 'ADDED', 'alice'],
      [String(story.bobServiceEdit), 'MODIFIED', 'bob'],
    ]);
    // `services` and `service` name the kind too; everything named web includes the Endpoints.
    const plural = await api(s.url, 'GET', `${NL}/events?kind=services&name=web`, undefined, admin);
    expect(plural.json.items).toEqual(svc.json.items);
    const all = await api(s.url, 'GET', `${NL}/events?name=web&namespace=default`, undefined, admin);
    expect([...new Set(all.json.items.map((e: any) => e.kind))]).toEqual(['Service', 'Endpoints']);
    const byBob = await api(s.url, 'GET', `${NL}/events?actor=bob`, undefined, admin);
    expect(byBob.json.items.map((e: any) => [e.kind, e.name, e.type])).toEqual([
      ['Pod', 'web-2', 'ADDED'],
      ['Service', 'web', 'MODIFIED'],
    ]);
    const future = await api(s.url, 'GET', `${NL}/events?kind=Service&sinceTime=${new Date(Date.now() + 3_600_000).toISOString()}`, undefined, admin);
    expect(future.json.items).toEqual([]);
    const bad = await api(s.url, 'GET', `${NL}/events?kind=Gadget`, undefined, admin);
    expect(bad.status).toBe(400);
  });

  it('pages the event log with a continue token that pins the end', async () => {
    const full = await api(s.url, 'GET', `${NL}/events`, undefined, admin);
    const paged: any[] = [];
    let cont: string | undefined;
    let first = true;
    do {
      const page = await api(s.url, 'GET', `${NL}/events?limit=4${cont ? `&continue=${cont}` : ''}`, undefined, admin);
      expect(page.status).toBe(200);
      expect(page.json.metadata.resourceVersion).toBe(full.json.metadata.resourceVersion);
      paged.push(...page.json.items);
      cont = page.json.metadata.continue;
      if (first) {
        // A write after the first page does not leak into later pages.
        await api(s.url, 'POST', '/api/v1/namespaces/other/services', { metadata: { name: 'late' }, spec: { ports: [{ port: 1 }] } }, admin);
        first = false;
      }
    } while (cont);
    expect(paged).toEqual(full.json.items);
    const garbage = await api(s.url, 'GET', `${NL}/events?continue=not-a-token`, undefined, admin);
    expect(garbage.status).toBe(400);
  });

  it('history is newest first, each change with its cause, paged', async () => {
    const svcKey = (await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/blame`, undefined, admin)).json.items.find((i: any) => /KUBE-SVC-/.test(i.key) && JSON.stringify(i.value).includes('web:http')).key;
    const h = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/history?key=${svcKey}`, undefined, admin);
    expect(h.status).toBe(200);
    const rvs = h.json.items.map((i: any) => Number(i.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => b - a));
    expect(h.json.items.at(-1)).toMatchObject({ key: svcKey, scope: 'cluster', op: 'upsert', previous: null });
    for (const [i, item] of h.json.items.entries()) {
      expect(item.cause.resourceVersion).toBe(item.resourceVersion);
      if (i + 1 < h.json.items.length) expect(item.previous).toEqual(h.json.items[i + 1].value);
    }
    const since = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/history?key=${svcKey}&since=${story.beforeBob}`, undefined, admin);
    expect(since.json.items).toEqual(h.json.items.filter((i: any) => Number(i.resourceVersion) > story.beforeBob));
    const all = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/routes/history`, undefined, admin);
    const paged: any[] = [];
    let cont: string | undefined;
    do {
      const page = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/routes/history?limit=2${cont ? `&continue=${cont}` : ''}`, undefined, admin);
      paged.push(...page.json.items);
      cont = page.json.metadata.continue;
    } while (cont);
    expect(paged).toEqual(all.json.items);
    expect(all.json.items.length).toBeGreaterThan(2);
  });

  it('answers 410 Gone below the retention floor, with the floor in the message', async () => {
    const floor = s.ledger.floorRv;
    s.ledger.floorRv = 10;
    try {
      for (const path of [`${NL}/events?since=5`, `${NL}/nodes/node-3/tables/iptables/diff?from=5`, `${NL}/nodes/node-3/tables/iptables/history?since=5`, `${NL}/nodes/node-3/tables/iptables?resourceVersion=5`]) {
        const r = await api(s.url, 'GET', path, undefined, admin);
        expect(r.status, path).toBe(410);
        expect(r.json.kind).toBe('Status');
        expect(r.json.message, path).toContain('retention floor 10');
      }
      const ok = await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/diff?from=10`, undefined, admin);
      expect(ok.status).toBe(200);
    } finally {
      s.ledger.floorRv = floor;
    }
  });

  it('a since ahead of the log waits for it, then answers 504 as until and resourceVersion do', async () => {
    const ahead = s.ledger.committedRv + 1000;
    const [events, history] = await Promise.all([
      api(s.url, 'GET', `${NL}/events?since=${ahead}`, undefined, admin),
      api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/history?since=${ahead}`, undefined, admin),
    ]);
    for (const r of [events, history]) {
      expect(r.status).toBe(504);
      expect(r.json.details.causes).toEqual([{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }]);
    }
  });

  it('rejects bad diff and history parameters', async () => {
    expect((await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/diff`, undefined, admin)).status).toBe(400);
    expect((await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/diff?from=abc`, undefined, admin)).status).toBe(400);
    expect((await api(s.url, 'GET', `${NL}/nodes/node-3/tables/nope/diff?from=1`, undefined, admin)).status).toBe(404);
    // Lists with no text form take format=json alone, as the tables and diff name theirs.
    for (const path of [`${NL}/nodes/node-3/tables/iptables/history?format=xml`, `${NL}/nodes/node-3/tables/iptables/blame?format=text`, `${NL}/events?format=text`]) {
      const r = await api(s.url, 'GET', path, undefined, admin);
      expect([r.status, r.json.message], path).toEqual([400, `format: Unsupported value: "${path.endsWith('xml') ? 'xml' : 'text'}": supported values: "json"`]);
    }
    expect((await api(s.url, 'GET', `${NL}/nodes/node-3/tables/iptables/history?format=json&limit=1`, undefined, admin)).status).toBe(200);
    const node = await api(s.url, 'GET', `${NL}/nodes/node-9/tables/iptables/history`, undefined, admin);
    expect(node.json).toMatchObject({ code: 404, reason: 'NotFound', message: 'nodes "node-9" not found' });
  });

  it("a graceful pod deletion's end leads back to the person who asked for it", async () => {
    // There is no kubelet: the server ends the deletion when the grace period is over, as a
    // command of its own (actor system:pod-terminator). Its origin is the request that set the
    // deletionTimestamp, so "who removed these rules?" names bob, not the terminator.
    // A service of one pod: while the pod terminates, kube-proxy keeps its serving endpoint (no
    // ready one is left), so the rules go at the end of the grace period.
    const created = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', {
      metadata: { name: 'solo', labels: { app: 'solo' } },
      spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] },
    }, as(TOKENS.bob));
    expect(created.status).toBe(201);
    await reportPodStatus(s.url, 'solo', '10.244.0.9', 'node-1');
    expect((await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'solo' }, spec: { selector: { app: 'solo' }, ports: [{ port: 80, targetPort: 8080 }] } }, as(TOKENS.bob))).status).toBe(201);
    const asked = await api(s.url, 'DELETE', '/api/v1/namespaces/default/pods/solo?gracePeriodSeconds=1', undefined, as(TOKENS.bob));
    expect(asked.status).toBe(200);
    const markedAt = Number(asked.json.metadata.resourceVersion);
    let gone = false;
    for (let i = 0; i < 100 && !gone; i++) {
      gone = (await api(s.url, 'GET', '/api/v1/namespaces/default/pods/solo', undefined, admin)).status === 404;
      if (!gone) await new Promise((r) => setTimeout(r, 100));
    }
    expect(gone).toBe(true);
    const h = await api(s.url, 'GET', `${NL}/nodes/node-1/tables/iptables/history?since=${markedAt}`, undefined, admin);
    expect(h.status).toBe(200);
    // The rules went with the slice update the pod's deletion caused (the endpoints controller's),
    // whose chain ends at the terminator's DELETED event, and from there at bob's request.
    const ended = h.json.items.filter((i: any) => Number(i.resourceVersion) > markedAt);
    expect(ended.length).toBeGreaterThan(0);
    for (const i of ended) {
      expect(i.cause).toMatchObject({ kind: 'EndpointSlice', type: 'MODIFIED', actor: 'system:endpoints-controller' });
      expect(i.origin).toMatchObject({ actor: 'bob', kind: 'Pod', name: 'solo', type: 'MODIFIED', resourceVersion: String(markedAt) });
    }
    const deletion = (await api(s.url, 'GET', `${NL}/events?since=${markedAt}&kind=Pod&name=solo`, undefined, admin)).json.items;
    expect(deletion.map((e: any) => [e.type, e.actor])).toEqual([['DELETED', 'system:pod-terminator']]);
  });
});
