// The routes table's text form names the underlay interface when the reader says which it is
// (`?underlay=eth0`), giving flannel's own host-gw form `… via 192.168.56.12 dev eth0`; without
// it the kernel picks the interface from the next hop.

import { describe, expect, it } from 'vitest';
import { api, suiteServer } from '../support/server.js';

const s = suiteServer(['--pod-network', 'host-gw']);
const routes = (q = '') => api(s.url, 'GET', `/apis/netledger.io/v1/nodes/node-a/tables/routes?format=text${q}`);

describe('routes text, host-gw', () => {
  it('writes dev for the underlay when told its name, and refuses a name no interface can have', async () => {
    for (const [name, ip, cidr] of [['node-a', '192.168.56.11', '10.244.1.0/24'], ['node-b', '192.168.56.12', '10.244.2.0/24']]) {
      const r = await api(s.url, 'POST', '/api/v1/nodes', { metadata: { name }, spec: { podCIDR: cidr, podCIDRs: [cidr] }, status: { addresses: [{ type: 'InternalIP', address: ip }] } });
      expect(r.status).toBe(201);
    }
    expect((await routes()).text).toContain('route replace 10.244.2.0/24 via 192.168.56.12\n');
    expect((await routes('&underlay=eth0')).text).toContain('route replace 10.244.2.0/24 via 192.168.56.12 dev eth0\n');
    const bad = await routes('&underlay=eth0;%20reboot');
    expect(bad.status).toBe(400);
    expect(bad.json.message).toContain('is not an interface name');
  });
});
