// `kubectl drain` evicts through pods/eviction (policy/v1) when discovery lists it, as it does
// against kube-apiserver: each pod is deleted with the eviction's options, and kubectl waits for
// it to be gone.

import { describe, expect, it } from 'vitest';
import { api } from '../support/server.js';
import { HAS_KUBECTL, kubectlSuite } from './kubectl-harness.js';
import { documents, NODE, pod } from './manifests.js';

describe.skipIf(!HAS_KUBECTL)('kubectl v1.32: drain evicts', () => {
  const t = kubectlSuite('netledger-kubectl-drain-');
  const evictionUrl = (name: string) => `/api/v1/namespaces/default/pods/${name}/eviction`;
  const eviction = (name: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' }, ...extra });

  it('discovery names the Eviction API where kubectl looks for it', async () => {
    const list = (await api(t.s.url, 'GET', '/api/v1')).json;
    expect(list.resources.find((r: any) => r.name === 'pods/eviction')).toEqual({ name: 'pods/eviction', singularName: '', namespaced: true, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
  });

  it('an eviction answers 201 Success and deletes the pod; a dry run, a wrong name or a missing pod change nothing', async () => {
    expect((await t.k.run(['create', '-f', t.file('one.yaml', documents(NODE, pod({ name: 'solo' })))])).code).toBe(0);
    const dry = await api(t.s.url, 'POST', `${evictionUrl('solo')}?dryRun=All`, eviction('solo'));
    expect(dry.status).toBe(201);
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/solo')).status).toBe(200);
    const wrong = await api(t.s.url, 'POST', evictionUrl('solo'), eviction('other'));
    expect([wrong.status, wrong.json.reason, wrong.json.message]).toEqual([400, 'BadRequest', 'name in URL does not match name in Eviction object']);
    const missing = await api(t.s.url, 'POST', evictionUrl('nope'), eviction('nope'));
    expect([missing.status, missing.json.message]).toEqual([404, 'pods "nope" not found']);
    expect((await api(t.s.url, 'GET', evictionUrl('solo'))).status).toBe(405);
    const elsewhere = await api(t.s.url, 'POST', evictionUrl('solo'), { ...eviction('solo'), metadata: { name: 'solo', namespace: 'kube-system' } });
    expect([elsewhere.status, elsewhere.json.message]).toEqual([400, 'the namespace of the provided object does not match the namespace sent on the request']);
    expect((await api(t.s.url, 'POST', evictionUrl('solo'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'solo' } })).status).toBe(400);
    const badDryRun = await api(t.s.url, 'POST', evictionUrl('solo'), eviction('solo', { deleteOptions: { dryRun: ['Bogus'] } }));
    expect([badDryRun.status, badDryRun.json.message]).toEqual([422, 'DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: "Bogus": supported values: "All"']);
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/solo')).status).toBe(200);
    const r = await api(t.s.url, 'POST', evictionUrl('solo'), eviction('solo', { deleteOptions: { gracePeriodSeconds: 0 } }));
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/solo')).status).toBe(404);
  });

  it('a resourceVersion precondition that holds evicts the pod; a stale one writes nothing', async () => {
    expect((await t.k.run(['create', '-f', t.file('pinned.yaml', documents(pod({ name: 'pinned' })))])).code).toBe(0);
    const rv = (await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/pinned')).json.metadata.resourceVersion;
    const head = async () => (await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods?limit=1')).json.metadata.resourceVersion;
    const before = await head();
    const stale = await api(t.s.url, 'POST', evictionUrl('pinned'), eviction('pinned', { deleteOptions: { preconditions: { resourceVersion: String(Number(rv) - 1) } } }));
    expect([stale.status, stale.json.reason]).toEqual([409, 'Conflict']);
    expect(await head()).toBe(before);
    // The DisruptionTarget condition moves the pod's resourceVersion before the delete, which
    // then checks the version that write made (addConditionAndDeletePod).
    const r = await api(t.s.url, 'POST', evictionUrl('pinned'), eviction('pinned', { deleteOptions: { gracePeriodSeconds: 0, preconditions: { resourceVersion: rv } } }));
    expect([r.status, r.json.status]).toEqual([201, 'Success']);
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/pinned')).status).toBe(404);
  });

  it('drain cordons the node, evicts its pods and waits for them to go', async () => {
    expect((await t.k.run(['create', '-f', t.file('pods.yaml', documents(pod({ name: 'web-1' }), pod({ name: 'web-2' })))])).code).toBe(0);
    const r = await t.k.run(['drain', 'node-1', '--force', '--grace-period=1', '--timeout=60s']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual([
      'evicting pod default/web-1',
      'evicting pod default/web-2',
      'node/node-1 cordoned',
      'node/node-1 drained',
      'pod/web-1 evicted',
      'pod/web-2 evicted',
    ]);
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods')).json.items).toEqual([]);
  });

  it('a pod already terminating stays so when evicted; a shorter grace period brings its end forward', async () => {
    expect((await t.k.run(['create', '-f', t.file('slow.yaml', documents(pod({ name: 'slow' })))])).code).toBe(0);
    expect((await t.k.run(['delete', 'pod', 'slow', '--grace-period=30', '--wait=false'])).code).toBe(0);
    const r = await api(t.s.url, 'POST', evictionUrl('slow'), eviction('slow'));
    expect(r.status).toBe(201);
    const still = (await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/slow')).json;
    expect(still.metadata.deletionGracePeriodSeconds).toBe(30);
    // The eviction says so on the pod, as kube-apiserver's addConditionAndDeletePod does.
    expect(still.status.conditions.find((c: any) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' });
    const wrongUid = await api(t.s.url, 'POST', evictionUrl('slow'), eviction('slow', { deleteOptions: { preconditions: { uid: 'not-it' } } }));
    expect(wrongUid.status).toBe(409);
    // kubectl waits for the pod to go: within its timeout only if the 30 s deadline moved.
    expect((await t.k.run(['delete', 'pod', 'slow', '--grace-period=1', '--timeout=20s'])).code).toBe(0);
    expect((await api(t.s.url, 'GET', '/api/v1/namespaces/default/pods/slow')).status).toBe(404);
  });
});
