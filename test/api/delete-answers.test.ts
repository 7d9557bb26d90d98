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
});
