// A preview whose change crosses kube-proxy's large-cluster threshold (over 1000 endpoints) shows
// what the write then does: every service's SEP chains and jumps rewritten without comments,
// not only the chains of the service it touches.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../../support/server.js';

const NL = '/apis/netledger.io/v1';
const port = { name: 'http', port: 80, protocol: 'TCP' };
const slice = (service: string, ips: string[]) => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: `${service}-1`, namespace: 'default', labels: { 'kubernetes.io/service-name': service } },
  addressType: 'IPv4',
  ports: [port],
  endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
});

describe('previews across the large-cluster threshold', () => {
  const s = suiteServer();

  it('crossing it rewrites the other services\' chains in the preview exactly as in the write', async () => {
    await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name: 'n1' }, status: { addresses: [{ type: 'InternalIP', address: '192.168.80.1' }] } });
    for (const name of ['a', 'b']) await api(s.url, 'POST', '/api/v1/namespaces/default/services', { metadata: { name }, spec: { ports: [{ name: 'http', port: 80 }] } });
    const ips = Array.from({ length: 1000 }, (_, i) => `10.90.${i >> 8}.${i & 255}`);
    expect((await api(s.url, 'POST', '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices', slice('a', ips))).status).toBe(201);
    const rv = s.ledger.committedRv;
    const one = slice('b', ['10.91.0.1']);
    const preview = await api(s.url, 'POST', `${NL}/previews`, { changes: [{ op: 'apply', object: one }] });
    expect(preview.status).toBe(200);
    const previewed = preview.json.nodes.find((n: any) => n.node === 'n1').tables.iptables;
    // a's 1000 SEP chains lose their comments: far more than b's own few keys.
    expect(previewed.changed.length).toBeGreaterThan(1000);
    expect((await api(s.url, 'POST', '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices', one)).status).toBe(201);
    const real = (await api(s.url, 'GET', `${NL}/nodes/n1/tables/iptables/diff?from=${rv}&to=${s.ledger.committedRv}`)).json;
    expect({ added: previewed.added, removed: previewed.removed, changed: previewed.changed }).toEqual({ added: real.added, removed: real.removed, changed: real.changed });
  });
});
