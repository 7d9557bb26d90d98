// "What will deleting this pod change on each node?" — a preview writes nothing, and what it
// predicts is exactly what the real write then does, node by node.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewImpact } from '../../../api/netledger/audit/preview.js';
import { api, removeDir, startTestServer, tempDir, type TestServer } from '../../support/server.js';
import { as, buildStory, TOKENS, writeTokenFile } from './fixture.js';

const NL = '/apis/netledger.io/v1';
const admin = as(TOKENS.admin);
const NODES = ['node-1', 'node-2', 'node-3'];
const TABLES = ['iptables', 'ip6tables', 'routes', 'dns'];

/** Each node's tables' diff between two rvs, shaped like a preview's `nodes`. */
async function realDiffs(url: string, from: number, to: number) {
  const out: { node: string; tables: Record<string, unknown> }[] = [];
  for (const node of NODES) {
    const tables: Record<string, unknown> = {};
    for (const t of TABLES) {
      const d = (await api(url, 'GET', `${NL}/nodes/${node}/tables/${t}/diff?from=${from}&to=${to}`, undefined, admin)).json;
      if (d.added.length || d.removed.length || d.changed.length) tables[t] = { added: d.added, removed: d.removed, changed: d.changed };
    }
    if (Object.keys(tables).length) out.push({ node, tables });
  }
  return out;
}

describe('previews', () => {
  let s: TestServer;
  let tokenDir: string;
  beforeAll(async () => {
    tokenDir = tempDir();
    s = await startTestServer(['--token-auth-file', writeTokenFile(tokenDir)]);
    await buildStory(s.url);
  });
  afterAll(async () => {
    await s.stop();
    removeDir(s.dataDir);
    removeDir(tokenDir);
  });

  it('what will deleting this pod change on each node? — exactly what the delete then does', async () => {
    const rv = s.ledger.committedRv;
    const preview = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'delete', object: { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name: 'web-1' } } }] }, admin);
    expect(preview.status).toBe(200);
    expect(preview.json.kind).toBe('Preview');
    // Nothing written: no event, the pod still there, the table unchanged.
    expect(s.ledger.committedRv).toBe(rv);
    expect((await api(s.url, 'GET', '/api/v1/namespaces/default/pods/web-1', undefined, admin)).status).toBe(200);
    expect(preview.json.events.map((e: any) => [e.kind, e.type, e.actor])).toEqual([
      ['Pod', 'DELETED', 'admin'],
      ['Endpoints', 'MODIFIED', 'system:endpoints-controller'],
      ['EndpointSlice', 'MODIFIED', 'system:endpoints-controller'],
    ]);
    // Every node loses the two KUBE-SEP chains that DNAT to 10.244.2.7.
    for (const n of preview.json.nodes) {
      const removed = n.tables.iptables.removed;
      expect(removed.map((r: any) => r.key)).toEqual([expect.stringMatching(/^nat\/KUBE-SEP-/), expect.stringMatching(/^nat\/KUBE-SEP-/)]);
      for (const r of removed) expect(r.value.join('\n')).toContain('--to-destination 10.244.2.7:8080');
    }
    // Two SEP chains gone, two KUBE-SVC chains lose a jump; the pod's A, SRV and PTR records go.
    expect(preview.json.summary).toEqual({ iptables: { nodes: 3, keys: 4 }, dns: { nodes: 3, keys: 3 } });
    expect(preview.json.nodes[0].tables.dns.removed.map((r: any) => r.key)).toEqual([
      '10-244-2-7.web.default.svc.cluster.local./A',
      '10-244-2-7.web.default.svc.cluster.local./SRV',
      '7.2.244.10.in-addr.arpa./PTR',
    ]);

    const del = await api(s.url, 'DELETE', '/api/v1/namespaces/default/pods/web-1', undefined, admin);
    expect(del.status).toBe(200);
    const real = await realDiffs(s.url, rv, s.ledger.committedRv);
    expect(preview.json.nodes).toEqual(real);
  });

  it('applies several changes in order and predicts allocation as a real write does', async () => {
    const rv = s.ledger.committedRv;
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name: 'web-9', labels: { app: 'web' } }, spec: { nodeName: 'node-2', containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 8080, name: 'http' }] }] } };
    const ready = { ...pod, status: { podIP: '10.244.1.9', podIPs: [{ ip: '10.244.1.9' }], conditions: [{ type: 'Ready', status: 'True' }] } };
    const preview = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'apply', object: pod }, { op: 'apply', object: ready, subresource: 'status' }] }, as(TOKENS.bob));
    expect(preview.status).toBe(200);
    expect(s.ledger.committedRv).toBe(rv);
    expect(preview.json.events.filter((e: any) => e.kind === 'Pod').map((e: any) => [e.type, e.actor])).toEqual([
      ['ADDED', 'bob'],
      ['MODIFIED', 'bob'],
    ]);
    // Now for real, the same two writes.
    expect((await api(s.url, 'POST', '/api/v1/namespaces/default/pods', pod, as(TOKENS.bob))).status).toBe(201);
    const current = (await api(s.url, 'GET', '/api/v1/namespaces/default/pods/web-9', undefined, admin)).json;
    expect(current.status.podIP).toBe('10.244.1.2');
    const put = await api(s.url, 'PUT', '/api/v1/namespaces/default/pods/web-9/status', { ...current, status: ready.status }, as(TOKENS.bob));
    expect(put.status).toBe(200);
    expect(preview.json.nodes).toEqual(await realDiffs(s.url, rv, s.ledger.committedRv));
    expect(preview.json.nodes.map((n: any) => n.node)).toEqual(NODES);
  });

  it('a status change merges into the live status: a pod that is ready already changes nothing', async () => {
    const live = (await api(s.url, 'GET', '/api/v1/namespaces/default/pods/web-9', undefined, admin)).json;
    expect(live.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
    // Only the condition, as a user asking "what if web-9 turns ready" writes it.
    const same = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name: 'web-9' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
    const preview = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'apply', object: same, subresource: 'status' }] }, admin);
    expect(preview.status).toBe(200);
    expect(preview.json.summary).toEqual({});
    // Not ready: its endpoints leave every node, as the real status patch does.
    const rv = s.ledger.committedRv;
    const notReady = { ...same, status: { conditions: [{ type: 'Ready', status: 'False' }] } };
    const predicted = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'apply', object: notReady, subresource: 'status' }] }, admin);
    expect(predicted.json.summary.iptables.nodes).toBe(NODES.length);
    const patched = await api(s.url, 'PATCH', '/api/v1/namespaces/default/pods/web-9/status', { status: notReady.status }, { ...admin, 'content-type': 'application/merge-patch+json' });
    expect(patched.status).toBe(200);
    expect(predicted.json.nodes).toEqual(await realDiffs(s.url, rv, s.ledger.committedRv));
  });

  it('a dry-run DELETE of a collection answers the table impact of all its deletes together', async () => {
    const rv = s.ledger.committedRv;
    const dry = await fetch(`${s.url}/api/v1/namespaces/default/pods?labelSelector=app%3Dweb&dryRun=All`, { method: 'DELETE', headers: admin });
    expect(dry.status).toBe(200);
    const listed = (await dry.json()).items.map((p: any) => p.metadata.name);
    expect(listed.length).toBeGreaterThan(1);
    const impact = JSON.parse(dry.headers.get('x-netledger-preview')!);
    const changes = listed.map((name: string) => ({ op: 'delete', object: { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name } } }));
    const preview = await api(s.url, 'POST', `${NL}/previews`, { changes }, admin);
    expect(impact).toEqual(preview.json.summary);
    expect(impact.iptables.nodes).toBe(NODES.length);
    expect(s.ledger.committedRv).toBe(rv);
  });

  it('answers the same 422 a real write would, and writes nothing', async () => {
    const bad = { apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'default', name: 'bad' }, spec: { ports: [{ port: 70000 }] } };
    const rv = s.ledger.committedRv;
    const preview = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'apply', object: bad }] }, admin);
    const real = await api(s.url, 'POST', '/api/v1/namespaces/default/services', bad, admin);
    expect(real.status).toBe(422);
    expect(preview.status).toBe(422);
    expect(preview.json).toEqual(real.json);
    expect(s.ledger.committedRv).toBe(rv);
    const gone = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'delete', object: { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name: 'nope' } } }] }, admin);
    expect(gone.status).toBe(404);
    expect(gone.json.message).toBe('pods "nope" not found');
    // Among several changes, the Status points at the one that fails.
    const nope = { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name: 'nope' } };
    const second = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'delete', object: { ...nope, metadata: { ...nope.metadata, name: 'web-9' } } }, { op: 'delete', object: nope }] }, admin);
    expect(second.status).toBe(404);
    expect(second.json.details.causes).toEqual([{ reason: 'NotFound', message: 'pods "nope" not found', field: 'changes[1]' }]);
    // A body the write would refuse, among others: its index too.
    const typed = { apiVersion: 'v1', kind: 'Service', metadata: { namespace: 'default', name: 'typed' }, spec: { ports: 'eighty' } };
    const badBody = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'delete', object: { ...nope, metadata: { ...nope.metadata, name: 'web-9' } } }, { op: 'apply', object: typed }] }, admin);
    expect(badBody.status).toBeGreaterThanOrEqual(400);
    expect(badBody.json.details.causes.at(-1)).toMatchObject({ field: 'changes[1]' });
    const shape = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'frobnicate', object: bad }] }, admin);
    expect(shape.status).toBe(400);
  });

  it('previewImpact summarises a dry-run write without touching the live state', async () => {
    const rv = s.ledger.committedRv;
    const before = JSON.stringify([...s.ledger.state.pods.keys()]);
    const impact = previewImpact(s.ledger, {
      time: new Date().toISOString(),
      actor: 'alice',
      requestId: null,
      newUid: randomUUID(),
      dryRun: true,
      op: 'delete',
      kind: 'Service',
      namespace: 'default',
      name: 'web',
      options: {},
    });
    // The Service's chains leave every node's iptables, its records the zone.
    expect(impact.iptables?.nodes).toBe(3);
    expect(impact.dns?.nodes).toBe(3);
    expect(impact.iptables!.keys).toBeGreaterThanOrEqual(5);
    expect(s.ledger.committedRv).toBe(rv);
    expect(JSON.stringify([...s.ledger.state.pods.keys()])).toBe(before);
    expect(s.ledger.state.get('Service', 'default', 'web')).toBeDefined();
  });
  it('a graceful deletion is previewed to its end: what the terminator then does comes with it', async () => {
    // A service of one pod: while it terminates kube-proxy keeps its serving endpoint, so its
    // rules go only when the grace period is over.
    const pod = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', { metadata: { name: 'solo', labels: { app: 'solo' } }, spec: { nodeName: 'node-2', containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] } }, admin);
    expect(pod.status).toBe(201);
    pod.json.status = { ...pod.json.status, phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    expect((await api(s.url, 'PUT', '/api/v1/namespaces/default/pods/solo/status', pod.json, admin)).status).toBe(200);
    expect((await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'solo' }, spec: { selector: { app: 'solo' }, ports: [{ port: 80, targetPort: 8080 }] } }, admin)).status).toBe(201);
    const rv = s.ledger.committedRv;
    const preview = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'delete', gracePeriodSeconds: 1, object: { apiVersion: 'v1', kind: 'Pod', metadata: { namespace: 'default', name: 'solo' } } }] }, admin);
    expect(preview.status).toBe(200);
    expect(preview.json.events.filter((e: any) => e.kind === 'Pod').map((e: any) => [e.type, e.actor])).toEqual([
      ['MODIFIED', 'admin'],
      ['DELETED', 'system:pod-terminator'],
    ]);
    for (const n of preview.json.nodes) {
      expect(n.tables.iptables.removed.map((r: any) => r.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^nat\/KUBE-SEP-/), 'nat/KUBE-SERVICES/default/solo']));
    }
    expect(s.ledger.committedRv).toBe(rv);

    expect((await api(s.url, 'DELETE', '/api/v1/namespaces/default/pods/solo?gracePeriodSeconds=1', undefined, admin)).status).toBe(200);
    let gone = false;
    for (let i = 0; i < 100 && !gone; i++) {
      gone = (await api(s.url, 'GET', '/api/v1/namespaces/default/pods/solo', undefined, admin)).status === 404;
      if (!gone) await new Promise((r) => setTimeout(r, 100));
    }
    expect(gone).toBe(true);
    expect(preview.json.nodes).toEqual(await realDiffs(s.url, rv, s.ledger.committedRv));
  });
});
