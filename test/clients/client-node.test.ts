// @kubernetes/client-node 1.4 against netledger, unchanged (reference §5): informers (list, then
// watch from the list's rv; relist after a 410), CoreV1Api CRUD with its default JSON-patch
// content type, and KubernetesObjectApi (discovery from GET /api/v1, strategic merge patches).

import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, removeDir, startTestServer, type TestServer } from '../support/server.js';

const NS = 'default';

function kubeConfig(server: string): k8s.KubeConfig {
  const kc = new k8s.KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return kc;
}

function podBody(name: string, labels: Record<string, string> = { app: 'web' }): k8s.V1Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }] }] } };
}

/** The informer's callbacks, as a log of "verb name" lines, with a way to wait for one. */
class EventLog {
  readonly lines: string[] = [];
  private waiters: { re: RegExp; resolve: () => void }[] = [];
  record(verb: string, obj: k8s.KubernetesObject) {
    this.lines.push(`${verb} ${obj.metadata?.name}`);
    this.waiters = this.waiters.filter((w) => (this.lines.some((l) => w.re.test(l)) ? (w.resolve(), false) : true));
  }
  attach<T extends k8s.KubernetesObject>(inf: k8s.Informer<T>) {
    inf.on('add', (o) => this.record('add', o));
    inf.on('update', (o) => this.record('update', o));
    inf.on('delete', (o) => this.record('delete', o));
  }
  waitFor(re: RegExp, timeoutMs = 10_000): Promise<void> {
    if (this.lines.some((l) => re.test(l))) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${re} not seen in ${timeoutMs} ms; events: ${this.lines.join(', ')}`)), timeoutMs);
      this.waiters.push({ re, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }
}

describe('@kubernetes/client-node 1.4 against netledger', () => {
  let s: TestServer;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;

  beforeAll(async () => {
    s = await startTestServer();
    kc = kubeConfig(s.url);
    core = kc.makeApiClient(k8s.CoreV1Api);
    await core.createNode({ body: { metadata: { name: 'node-1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.56.11' }] } } });
  });
  afterAll(async () => {
    await s.stop();
    removeDir(s.dataDir);
  });

  it('CoreV1Api: create, read, replace, patch (json-patch by default), delete', async () => {
    const created = await core.createNamespacedPod({ namespace: NS, body: podBody('crud-1') });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.status?.podIP).toMatch(/^10\.244\.0\.\d+$/);
    const read = await core.readNamespacedPod({ name: 'crud-1', namespace: NS });
    expect(read.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);

    read.metadata!.labels = { app: 'web', v: '2' };
    const replaced = await core.replaceNamespacedPod({ name: 'crud-1', namespace: NS, body: read });
    expect(replaced.metadata?.labels).toEqual({ app: 'web', v: '2' });
    expect(Number(replaced.metadata?.resourceVersion)).toBeGreaterThan(Number(read.metadata?.resourceVersion));
    // The same body again carries a stale resourceVersion now.
    await expect(core.replaceNamespacedPod({ name: 'crud-1', namespace: NS, body: read })).rejects.toMatchObject({ code: 409 });

    const patched = await core.patchNamespacedPod({ name: 'crud-1', namespace: NS, body: [{ op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.28' }] });
    expect(patched.spec?.containers[0]?.image).toBe('nginx:1.28');
    const merged = await core.patchNamespacedPod(
      { name: 'crud-1', namespace: NS, body: { metadata: { labels: { v: null } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(merged.metadata?.labels).toEqual({ app: 'web' });

    const svc = await core.createNamespacedService({ namespace: NS, body: { metadata: { name: 'crud' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } });
    expect(svc.spec?.clusterIP).toMatch(/^10\./);
    const list = await core.listNamespacedService({ namespace: NS });
    expect(list.items.map((i) => i.metadata?.name)).toContain('crud');
    // Typed V1Service: the Service store answers the deleted object (ReturnDeletedObject).
    expect((await core.deleteNamespacedService({ name: 'crud', namespace: NS })).spec?.clusterIP).toBe(svc.spec?.clusterIP);

    await core.deleteNamespacedPod({ name: 'crud-1', namespace: NS });
    await expect(core.readNamespacedPod({ name: 'crud-1', namespace: NS })).rejects.toMatchObject({ code: 404 });
  });

  it('CoreV1Api events, as an event recorder uses them: create, a strategic merge patch on repeat, list by involvedObject', async () => {
    const pod = await core.createNamespacedPod({ namespace: NS, body: podBody('evented') });
    const ref = { apiVersion: 'v1', kind: 'Pod', namespace: NS, name: 'evented', uid: pod.metadata!.uid! };
    const first = new Date(Date.now() - 60_000);
    const created = await core.createNamespacedEvent({
      namespace: NS,
      body: { metadata: { name: `evented.${(first.getTime() * 1e6).toString(16)}` }, involvedObject: ref, reason: 'BackOff', message: 'Back-off restarting failed container', type: 'Warning', source: { component: 'kubelet', host: 'node-1' }, firstTimestamp: first, lastTimestamp: first, count: 1 },
    });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    const again = new Date();
    const patched = await core.patchNamespacedEvent(
      { name: created.metadata!.name!, namespace: NS, body: { count: 2, lastTimestamp: again.toISOString(), message: 'Back-off restarting failed container' } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch),
    );
    expect([patched.count, patched.firstTimestamp?.toISOString(), patched.reason]).toEqual([2, new Date(Math.floor(first.getTime() / 1000) * 1000).toISOString(), 'BackOff']);
    const selected = await core.listNamespacedEvent({ namespace: NS, fieldSelector: `involvedObject.name=evented,involvedObject.uid=${ref.uid},type=Warning` });
    expect(selected.items.map((e) => e.metadata?.name)).toEqual([created.metadata!.name]);
    expect((await core.listNamespacedEvent({ namespace: NS, fieldSelector: 'type=Normal' })).items).toEqual([]);
    await core.deleteNamespacedEvent({ name: created.metadata!.name!, namespace: NS });
    await core.deleteNamespacedPod({ name: 'evented', namespace: NS });
  });

  it('a scheduler binds pending pods (pods/binding, and the legacy bindings): node, IP, PodScheduled; a second binding is 409', async () => {
    for (const name of ['pending-1', 'pending-2']) {
      const created = await core.createNamespacedPod({ namespace: NS, body: { metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } });
      expect([created.spec?.nodeName, created.status?.podIP]).toEqual([undefined, undefined]);
    }
    // The answer is a 201 Success Status, which client-node reads into its V1Binding type.
    await core.createNamespacedPodBinding({
      name: 'pending-1',
      namespace: NS,
      body: { metadata: { name: 'pending-1', annotations: { 'scheduler.example/score': '7' } }, target: { apiVersion: 'v1', kind: 'Node', name: 'node-1' } },
    });
    await core.createNamespacedBinding({ namespace: NS, body: { metadata: { name: 'pending-2' }, target: { kind: 'Node', name: 'node-1' } } });

    const bound = await core.readNamespacedPod({ name: 'pending-1', namespace: NS });
    expect(bound.spec?.nodeName).toBe('node-1');
    expect(bound.status?.podIP).toMatch(/^10\.244\.0\.\d+$/);
    expect(bound.metadata?.annotations).toEqual({ 'scheduler.example/score': '7' });
    expect(bound.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    expect((await core.readNamespacedPod({ name: 'pending-2', namespace: NS })).spec?.nodeName).toBe('node-1');

    const again = core.createNamespacedPodBinding({ name: 'pending-1', namespace: NS, body: { metadata: { name: 'pending-1' }, target: { name: 'node-1' } } });
    await expect(again).rejects.toMatchObject({ code: 409 });
    await expect(again.catch((e) => JSON.parse(e.body).message)).resolves.toBe('Operation cannot be fulfilled on pods/binding "pending-1": pod pending-1 is already assigned to node "node-1"');
    for (const name of ['pending-1', 'pending-2']) await core.deleteNamespacedPod({ name, namespace: NS, gracePeriodSeconds: 0 });
  });

  it('KubernetesObjectApi: discovery from /api/v1, create, read, strategic merge patch, delete', async () => {
    const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    const body = { ...podBody('obj-1'), metadata: { name: 'obj-1', namespace: NS, labels: { app: 'web' } } };
    const created = await objects.create(body);
    expect(created.metadata?.name).toBe('obj-1');
    const read = await objects.read<k8s.V1Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'obj-1', namespace: NS } });
    expect(read.spec?.containers[0]?.image).toBe('nginx:1.27');
    // Strategic merge: containers merge by name, so the ports stay.
    const patched = await objects.patch<k8s.V1Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'obj-1', namespace: NS }, spec: { containers: [{ name: 'c', image: 'nginx:1.29' }] } } as k8s.V1Pod);
    expect(patched.spec?.containers.map((c) => [c.name, c.image, c.ports?.[0]?.containerPort])).toEqual([['c', 'nginx:1.29', 80]]);
    // Server-side apply through the same client: application/apply-patch+yaml with a field manager.
    const applied = await objects.patch<k8s.V1Pod>(
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'obj-1', namespace: NS, labels: { app: 'web', ssa: 'yes' } } } as k8s.V1Pod,
      undefined,
      undefined,
      'client-node-test',
      true,
      k8s.PatchStrategy.ServerSideApply,
    );
    expect(applied.metadata?.labels).toEqual({ app: 'web', ssa: 'yes' });
    const nodes = await objects.list('v1', 'Node');
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['node-1']);
    await objects.delete({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'obj-1', namespace: NS } });
    await expect(objects.read({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'obj-1', namespace: NS } })).rejects.toMatchObject({ code: 404 });
  });

  it('makeInformer on pods and services sees add, update and delete', async () => {
    await core.createNamespacedPod({ namespace: NS, body: podBody('inf-0') });
    const pods = k8s.makeInformer(kc, `/api/v1/namespaces/${NS}/pods`, () => core.listNamespacedPod({ namespace: NS }));
    const services = k8s.makeInformer(kc, `/api/v1/namespaces/${NS}/services`, () => core.listNamespacedService({ namespace: NS }));
    const log = new EventLog();
    log.attach(pods);
    log.attach(services);
    const errors: unknown[] = [];
    pods.on('error', (e) => errors.push(e));
    services.on('error', (e) => errors.push(e));
    await pods.start();
    await services.start();
    try {
      await log.waitFor(/^add inf-0$/);
      await core.createNamespacedPod({ namespace: NS, body: podBody('inf-1') });
      await core.createNamespacedService({ namespace: NS, body: { metadata: { name: 'inf-svc' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } });
      await log.waitFor(/^add inf-1$/);
      await log.waitFor(/^add inf-svc$/);
      await core.patchNamespacedPod({ name: 'inf-1', namespace: NS, body: [{ op: 'add', path: '/metadata/labels/tier', value: 'front' }] });
      await core.patchNamespacedService({ name: 'inf-svc', namespace: NS, body: [{ op: 'add', path: '/metadata/labels', value: { x: 'y' } }] });
      await log.waitFor(/^update inf-1$/);
      await log.waitFor(/^update inf-svc$/);
      expect(pods.get('inf-1', NS)?.metadata?.labels).toEqual({ app: 'web', tier: 'front' });
      await core.deleteNamespacedPod({ name: 'inf-1', namespace: NS });
      await core.deleteNamespacedService({ name: 'inf-svc', namespace: NS });
      await log.waitFor(/^delete inf-1$/);
      await log.waitFor(/^delete inf-svc$/);
      expect(pods.list(NS).map((p) => p.metadata?.name)).toEqual(['inf-0']);
      expect(services.get('inf-svc', NS)).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await pods.stop();
      await services.stop();
    }
  });

  it('an informer with a label selector sees objects enter and leave it; a cluster-scoped informer on nodes', async () => {
    const front = k8s.makeInformer(kc, `/api/v1/namespaces/${NS}/pods`, () => core.listNamespacedPod({ namespace: NS, labelSelector: 'tier=front' }), 'tier=front');
    const nodes = k8s.makeInformer(kc, '/api/v1/nodes', () => core.listNode());
    const log = new EventLog();
    log.attach(front);
    log.attach(nodes);
    await front.start();
    await nodes.start();
    try {
      await log.waitFor(/^add node-1$/);
      await core.createNamespacedPod({ namespace: NS, body: podBody('sel-1', { app: 'web', tier: 'back' }) });
      await core.patchNamespacedPod({ name: 'sel-1', namespace: NS, body: [{ op: 'replace', path: '/metadata/labels/tier', value: 'front' }] });
      await log.waitFor(/^add sel-1$/);
      // Leaving the selector is a DELETED for this watcher (the cacher's filter transitions).
      await core.patchNamespacedPod({ name: 'sel-1', namespace: NS, body: [{ op: 'replace', path: '/metadata/labels/tier', value: 'back' }] });
      await log.waitFor(/^delete sel-1$/);
      await core.patchNode({ name: 'node-1', body: [{ op: 'add', path: '/metadata/labels', value: { zone: 'a' } }] });
      await log.waitFor(/^update node-1$/);
      expect(log.lines).toEqual(['add node-1', 'add sel-1', 'delete sel-1', 'update node-1']);
      await core.deleteNamespacedPod({ name: 'sel-1', namespace: NS });
    } finally {
      await front.stop();
      await nodes.stop();
    }
  });

  it('an informer whose watch rv fell below the retention floor gets 410, relists and carries on', async () => {
    let lists = 0;
    const pods = k8s.makeInformer(kc, `/api/v1/namespaces/${NS}/pods`, () => (lists++, core.listNamespacedPod({ namespace: NS })));
    const log = new EventLog();
    log.attach(pods);
    await pods.start();
    await log.waitFor(/^add inf-0$/);
    const staleRv = pods.latestResourceVersion();
    // Stop watching, change things, then compact the history past the informer's rv.
    await pods.stop();
    await core.createNamespacedPod({ namespace: NS, body: podBody('gone-1') });
    await core.deleteNamespacedPod({ name: 'inf-0', namespace: NS });
    s.ledger.floorRv = s.ledger.committedRv;
    expect(Number(staleRv)).toBeLessThan(s.ledger.floorRv);

    // The server's answer to a watch from that rv: 200, one ERROR 410 Expired event, then close.
    const raw = await api(s.url, 'GET', `/api/v1/namespaces/${NS}/pods?watch=true&resourceVersion=${staleRv}`);
    expect(raw.status).toBe(200);
    expect(raw.text.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
      {
        type: 'ERROR',
        object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${staleRv} (${s.ledger.floorRv})`, reason: 'Expired', code: 410 },
      },
    ]);

    const before = log.lines.length;
    expect(lists).toBe(1);
    await pods.start(); // re-watches from staleRv → 410 → relist
    try {
      await log.waitFor(/^add gone-1$/);
      await log.waitFor(/^delete inf-0$/);
      expect(log.lines.slice(before).sort()).toEqual(['add gone-1', 'delete inf-0']);
      expect(lists).toBe(2); // the changes came from a relist, not from replaying the stale watch
      expect(pods.latestResourceVersion()).not.toBe(staleRv);
      expect(pods.list(NS).map((p) => p.metadata?.name)).toEqual(['gone-1']);
      // And the new watch delivers events after the relist.
      await core.createNamespacedPod({ namespace: NS, body: podBody('after-1') });
      await log.waitFor(/^add after-1$/);
    } finally {
      await pods.stop();
    }
  });
});
