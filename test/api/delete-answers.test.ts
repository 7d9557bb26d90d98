// What a DELETE answers, per resource, as kube-apiserver's storage does: the deleted object where
// the store sets ReturnDeletedObject (pods, services: client-node's deleteNamespacedService is
// typed V1Service), a Success Status elsewhere.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

describe('DELETE answers', () => {
  const s = suiteServer();

  it('the deleted Pod and Service; a Success Status for Endpoints and Nodes', async () => {
    const ns = '/api/v1/namespaces/default';
    expect((await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' } })).status).toBe(201);
    expect((await api(s.url, 'POST', `${ns}/pods`, { metadata: { name: 'p1' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })).status).toBe(201);
    expect((await api(s.url, 'POST', `${ns}/services`, { metadata: { name: 's1' }, spec: { ports: [{ port: 80 }] } })).status).toBe(201);
    expect((await api(s.url, 'POST', `${ns}/endpoints`, { metadata: { name: 'e1' } })).status).toBe(201);

    const svc = await api(s.url, 'DELETE', `${ns}/services/s1`);
    expect(svc.status).toBe(200);
    expect(svc.json).toMatchObject({ kind: 'Service', apiVersion: 'v1', metadata: { name: 's1', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    const pod = await api(s.url, 'DELETE', `${ns}/pods/p1?gracePeriodSeconds=0`);
    expect(pod.json).toMatchObject({ kind: 'Pod', metadata: { name: 'p1' } });
    const ep = await api(s.url, 'DELETE', `${ns}/endpoints/e1`);
    expect(ep.json).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'e1', kind: 'endpoints' } });
    const node = await api(s.url, 'DELETE', '/api/v1/nodes/n1');
    expect(node.json).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'n1', kind: 'nodes' } });
  });

  it('the deprecated orphanDependents together with a propagationPolicy is 422 (ValidateDeleteOptions), and deletes nothing', async () => {
    const path = '/api/v1/namespaces/default/services/keep';
    expect((await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name: 'keep' }, spec: { ports: [{ port: 80 }] } })).status).toBe(201);
    const both = await api(s.url, 'DELETE', path, { orphanDependents: true, propagationPolicy: 'Background' });
    expect(both.status).toBe(422);
    expect(both.json.details.causes).toEqual([{ reason: 'FieldValueInvalid', field: 'propagationPolicy', message: 'Invalid value: "Background": orphanDependents and deletionPropagation cannot be both set' }]);
    expect((await api(s.url, 'DELETE', `${path}?orphanDependents=false&propagationPolicy=Nope`)).json.details.causes.map((c: any) => c.reason)).toEqual(['FieldValueInvalid', 'FieldValueNotSupported']);
    expect((await api(s.url, 'GET', path)).status).toBe(200);
  });
});

describe('namespaces/finalize', () => {
  const s = suiteServer();

  it('PUT may change spec.finalizers (a plain update keeps them); a terminating namespace goes once the last is off', async () => {
    expect((await api(s.url, 'POST', '/api/v1/namespaces', { metadata: { name: 'fin' }, spec: { finalizers: ['example.com/x'] } })).status).toBe(201);
    const live = (await api(s.url, 'GET', '/api/v1/namespaces/fin')).json;
    expect(live.spec.finalizers).toEqual(['example.com/x', 'kubernetes']);
    const deleted = await api(s.url, 'DELETE', '/api/v1/namespaces/fin');
    expect(deleted.json).toMatchObject({ kind: 'Namespace', status: { phase: 'Terminating' } });
    // The controller took `kubernetes` off; example.com/x holds it.
    const held = (await api(s.url, 'GET', '/api/v1/namespaces/fin')).json;
    expect([held.status.phase, held.spec.finalizers]).toEqual(['Terminating', ['example.com/x']]);
    const plain = await api(s.url, 'PUT', '/api/v1/namespaces/fin', { ...held, spec: { finalizers: [] } });
    expect(plain.json.spec.finalizers).toEqual(['example.com/x']);
    expect((await api(s.url, 'PATCH', '/api/v1/namespaces/fin/finalize', {}, { 'content-type': 'application/merge-patch+json' })).status).toBe(405);
    const current = (await api(s.url, 'GET', '/api/v1/namespaces/fin')).json;
    const finalized = await api(s.url, 'PUT', '/api/v1/namespaces/fin/finalize', { ...current, spec: { finalizers: [] } });
    expect(finalized.status).toBe(200);
    expect((await api(s.url, 'GET', '/api/v1/namespaces/fin')).status).toBe(404);
  });

  it('finalize checks the names (422 at their index); a DELETE again, once no finalizer is left, deletes; a body without spec finalizes', async () => {
    const ns = '/api/v1/namespaces';
    expect((await api(s.url, 'POST', ns, { metadata: { name: 'fin2' } })).status).toBe(201);
    const live = (await api(s.url, 'GET', `${ns}/fin2`)).json;
    const bad = await api(s.url, 'PUT', `${ns}/fin2/finalize`, { ...live, spec: { finalizers: ['kubernetes', 'not valid!!', 'nodomain'] } });
    expect(bad.status).toBe(422);
    expect(bad.json.details.causes.map((c: any) => c.field)).toEqual(expect.arrayContaining(['spec.finalizers[1]', 'spec.finalizers[2]']));
    expect((await api(s.url, 'PUT', `${ns}/fin2/finalize`, { ...live, spec: { finalizers: [] } })).status).toBe(200);
    expect((await api(s.url, 'GET', `${ns}/fin2`)).json.spec?.finalizers ?? []).toEqual([]);
    // No finalizer left to wait for: the namespace controller deletes it as soon as it is empty.
    expect((await api(s.url, 'DELETE', `${ns}/fin2`)).json.status.phase).toBe('Terminating');
    expect((await api(s.url, 'GET', `${ns}/fin2`)).status).toBe(404);

    expect((await api(s.url, 'POST', ns, { metadata: { name: 'fin3' }, spec: { finalizers: ['example.com/x'] } })).status).toBe(201);
    await api(s.url, 'DELETE', `${ns}/fin3`);
    const held = (await api(s.url, 'GET', `${ns}/fin3`)).json;
    expect(held.spec.finalizers).toEqual(['example.com/x']);
    // A finalize body without spec: no finalizers at all (nothing defaults one back).
    expect((await api(s.url, 'PUT', `${ns}/fin3/finalize`, { metadata: { name: 'fin3', resourceVersion: held.metadata.resourceVersion } })).status).toBe(200);
    expect((await api(s.url, 'GET', `${ns}/fin3`)).status).toBe(404);
  });
});
