// The proxy subresources (pods, services, nodes), with or without a path after them and with the
// `name:port` forms: resolved as kube-apiserver v1.32's ResourceLocation resolves them (its 400s,
// 404s and 503s in its words), then a 503 saying why netledger does not connect (no kubelet, no
// data plane) where upstream would.

import { beforeAll, describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

const NS = '/api/v1/namespaces/default';
const NO_DATA_PLANE = 'and netledger, a network control plane, has no data plane to forward it through';

describe('proxy subresources', () => {
  const s = suiteServer();
  const get = (path: string, method = 'GET') => api(s.url, method, path);

  beforeAll(async () => {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'node-1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.56.11' }] } });
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'bare' } });
    const pod = await api(s.url, 'POST', `${NS}/pods`, {
      metadata: { name: 'web-1', labels: { app: 'web' } },
      spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }] }] },
    });
    expect(pod.json.status.podIP).toBe('10.244.0.2');
    const ready = await api(s.url, 'PATCH', `${NS}/pods/web-1/status`, { status: { conditions: [{ type: 'Ready', status: 'True' }] } }, { 'content-type': 'application/merge-patch+json' });
    expect(ready.status).toBe(200);
    await api(s.url, 'POST', `${NS}/pods`, { metadata: { name: 'pending' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    await api(s.url, 'POST', `${NS}/services`, {
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'metrics', port: 9090, targetPort: 9090 }] },
    });
    await api(s.url, 'POST', `${NS}/services`, { metadata: { name: 'idle' }, spec: { selector: { app: 'none' }, ports: [{ port: 80 }] } });
    expect((await get(`${NS}/endpoints/web`)).json.subsets[0].addresses[0].ip).toBe('10.244.0.2');
  });

  it('services/proxy: an endpoint found is a 503 naming it; the port by number, by name, with a scheme', async () => {
    for (const id of ['web:80', 'web:http', 'https:web:80']) {
      for (const path of [`${NS}/services/${id}/proxy`, `${NS}/services/${id}/proxy/`, `${NS}/services/${id}/proxy/healthz/ready`]) {
        const r = await get(path);
        expect([path, r.status, r.json.reason, r.json.message]).toEqual([path, 503, 'ServiceUnavailable', `services/proxy would forward to 10.244.0.2:80, an endpoint of service "web", ${NO_DATA_PLANE}`]);
      }
    }
    expect((await get(`${NS}/services/web:metrics/proxy/metrics`)).json.message).toContain('10.244.0.2:9090');
    // ProxyREST.ConnectMethods: every method but the ones it lacks reaches it.
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']) expect([method, (await get(`${NS}/services/web:80/proxy/x`, method)).status]).toEqual([method, 503]);
  });

  it('services/proxy: upstream\'s own failures, in its words', async () => {
    const cases: [string, number, string][] = [
      // No port: the endpoint port with no name, which this Service does not have.
      ['web', 503, 'no endpoints available for service "web"'],
      ['web:443', 503, 'no service port 443 found for service "web"'],
      ['web:nope', 503, 'no endpoints available for service "web:nope"'],
      ['idle', 503, 'no endpoints available for service "idle"'],
      // The Endpoints are read, not the Service, unless a port number asks for the Service.
      ['gone', 404, 'endpoints "gone" not found'],
      ['gone:80', 404, 'services "gone" not found'],
      ['ftp:web:80', 400, 'invalid service request "ftp:web:80"'],
      ['a:b:c:d', 400, 'invalid service request "a:b:c:d"'],
    ];
    for (const [id, code, message] of cases) {
      const r = await get(`${NS}/services/${id}/proxy/x`);
      expect([id, r.status, r.json.message]).toEqual([id, code, message]);
    }
    expect((await get(`${NS}/services/web:80/proxy?dryRun=All`)).json).toMatchObject({ code: 400, message: 'dryRun is not supported' });
  });

  it('nodes/proxy: the kubelet (no port, or its port), another port, a missing node, a node with no address', async () => {
    const kubelet = `nodes/proxy is served by the kubelet of node "node-1" (192.168.56.11:10250), and netledger, a network control plane, runs no kubelet or container runtime`;
    for (const path of ['/api/v1/nodes/node-1/proxy', '/api/v1/nodes/node-1/proxy/stats/summary', '/api/v1/nodes/node-1:10250/proxy/metrics', '/api/v1/nodes/https:node-1:10250/proxy/']) {
      const r = await get(path);
      expect([path, r.status, r.json.reason, r.json.message]).toEqual([path, 503, 'ServiceUnavailable', kubelet]);
    }
    expect((await get('/api/v1/nodes/node-1:9100/proxy/metrics')).json.message).toBe(`nodes/proxy would forward to 192.168.56.11:9100, a port of node "node-1", ${NO_DATA_PLANE}`);
    expect((await get('/api/v1/nodes/nope/proxy/x')).json).toMatchObject({ code: 404, reason: 'NotFound', message: 'nodes "nope" not found' });
    expect((await get('/api/v1/nodes/a:b:c:d/proxy')).json).toMatchObject({ code: 400, message: 'invalid node request "a:b:c:d"' });
    // GetConnectionInfo's error is no Status: ErrorToAPIStatus makes it a 500 without a reason.
    const bare = await get('/api/v1/nodes/bare/proxy');
    expect([bare.status, bare.json.message, 'reason' in bare.json]).toEqual([500, 'no preferred addresses found; known addresses: []', false]);
  });

  it('pods/proxy dials the pod\'s address (not its kubelet): its first container port unless one is named', async () => {
    expect((await get(`${NS}/pods/web-1/proxy/index.html`)).json).toMatchObject({ code: 503, message: `pods/proxy would forward to 10.244.0.2:80, the address of pod "web-1", ${NO_DATA_PLANE}` });
    expect((await get(`${NS}/pods/web-1:8080/proxy`)).json.message).toContain('10.244.0.2:8080');
    expect((await get(`${NS}/pods/pending/proxy`)).json).toMatchObject({ code: 400, message: 'address not allowed' });
    expect((await get(`${NS}/pods/nope/proxy`)).json).toMatchObject({ code: 404, message: 'pods "nope" not found' });
  });

  it('only proxy takes a path after it, and OPTIONS reaches nothing else', async () => {
    expect((await get(`${NS}/pods/web-1/status/x`)).status).toBe(404);
    expect((await get(`${NS}/endpoints/web/proxy/x`)).status).toBe(404);
    expect((await get('/api/v1/nodes/node-1/status/x')).status).toBe(404);
    expect((await get(`${NS}/pods/web-1`, 'OPTIONS')).status).toBe(404);
  });
});
