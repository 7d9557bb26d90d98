// GET /apis/netledger.io/v1/clusternetworkconfigs[/cluster]: the settings the server runs with,
// read-only, as the log recorded them.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

const base = '/apis/netledger.io/v1/clusternetworkconfigs';

describe('clusternetworkconfigs', () => {
  const s = suiteServer(['--service-cidr', '172.30.0.0/16', '--dns-ttl', '30']);

  it('get: the flags in force, at the rv of the event that recorded them', async () => {
    const r = await api(s.url, 'GET', `${base}/cluster`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ apiVersion: 'netledger.io/v1', kind: 'ClusterNetworkConfig', metadata: { name: 'cluster' }, spec: { serviceCIDRs: ['172.30.0.0/16'], dnsTTL: 30, dnsServiceIP: '172.30.0.10' } });
    const events = await api(s.url, 'GET', '/apis/netledger.io/v1/events?kind=ClusterNetworkConfig');
    expect(r.json.metadata.resourceVersion).toBe(events.json.items.at(-1).resourceVersion);
  });

  it('list: the one object; any other name is 404; writes are not served', async () => {
    const list = await api(s.url, 'GET', base);
    expect(list.json).toMatchObject({ kind: 'ClusterNetworkConfigList', apiVersion: 'netledger.io/v1' });
    expect(list.json.items.map((i: any) => i.metadata.name)).toEqual(['cluster']);
    expect((await api(s.url, 'GET', `${base}/other`)).json).toMatchObject({ kind: 'Status', code: 404, reason: 'NotFound' });
    expect((await api(s.url, 'PUT', `${base}/cluster`, list.json.items[0])).json).toMatchObject({ kind: 'Status', code: 405, reason: 'MethodNotAllowed' });
  });

  it('watch is not served (discovery lists get and list): 405, never a list an informer reads as events', async () => {
    for (const path of [`${base}?watch=true`, `${base}?watch=1`, `${base}/cluster?watch=true`]) {
      const r = await api(s.url, 'GET', path);
      expect(r.status, path).toBe(405);
      expect(r.json).toMatchObject({ kind: 'Status', code: 405, reason: 'MethodNotAllowed' });
    }
    expect((await api(s.url, 'GET', `${base}?watch=false`)).json.kind).toBe('ClusterNetworkConfigList');
  });
});
