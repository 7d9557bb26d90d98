import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

describe('resource API smoke', () => {
  const s = suiteServer();

  it('creates a node, a pod and a service, and the endpoints controller follows', async () => {
    const node = await api(s.url, 'POST', '/api/v1/nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-1' },
      status: { addresses: [{ type: 'InternalIP', address: '192.168.56.11' }] },
    });
    expect(node.status).toBe(201);
    expect(node.json.spec.podCIDR).toBe('10.244.0.0/24');
    const pod = await api(s.url, 'POST', '/api/v1/namespaces/default/pods', {
      metadata: { name: 'web-1', labels: { app: 'web' } },
      spec: { nodeName: 'node-1', containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }] }] },
    });
    expect(pod.status).toBe(201);
    expect(pod.json.status.podIP).toBe('10.244.0.2');
    const svc = await api(s.url, 'POST', '/api/v1/namespaces/default/services', {
      metadata: { name: 'web' },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] },
    });
    expect(svc.status).toBe(201);
    expect(svc.json.spec.clusterIP).toMatch(/^10\.9[6-9]|^10\.1[01]/);
    const ep = await api(s.url, 'GET', '/api/v1/namespaces/default/endpoints/web');
    expect(ep.status).toBe(200);
    expect(ep.json.subsets[0].notReadyAddresses[0].ip).toBe('10.244.0.2');
    const table = await api(s.url, 'GET', '/apis/netledger.io/v1/nodes/node-1/tables/iptables');
    expect(table.status).toBe(200);
    expect(table.json.entries.length).toBeGreaterThan(5);
  });

  it('GET /api names the server as host:port, as the client reached it', async () => {
    const api1 = await api(s.url, 'GET', '/api');
    expect(api1.json.serverAddressByClientCIDRs).toEqual([{ clientCIDR: '0.0.0.0/0', serverAddress: new URL(s.url).host }]);
  });
});
