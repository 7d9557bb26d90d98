import { describe, expect, it } from 'vitest';
import { routeCommandsForChanges } from '../../../agent/routes/index.js';

const route = { dst: '10.244.2.0/24', via: '10.244.2.0', dev: 'flannel.1', onlink: true };
const neigh = { dst: '10.244.2.0', lladdr: '6e:2f:a0:11:22:33', dev: 'flannel.1', nud: 'permanent' };
const fdb = { mac: '6e:2f:a0:11:22:33', dev: 'flannel.1', dst: '192.168.56.12', flags: ['self'], state: 'permanent' };
const link = { kind: 'vxlan', name: 'flannel.1', vni: 1, port: 8472, local: '192.168.56.11', dev: '@underlay', learning: false, mac: '12:c6:65:89:b4:e3', mtu: 1450, address: '10.244.1.0/32' };

describe('routeCommandsForChanges', () => {
  it('adds a remote vxlan node with the reference commands, neighbour before route (A.3.2)', () => {
    const out = routeCommandsForChanges(
      [
        { key: 'route/10.244.2.0/24', op: 'upsert', value: route },
        { key: 'fdb/flannel.1/6e:2f:a0:11:22:33', op: 'upsert', value: fdb },
        { key: 'neigh/flannel.1/10.244.2.0', op: 'upsert', value: neigh },
        { key: 'link/flannel.1', op: 'upsert', value: link },
      ],
      { underlay: 'eth0' },
    );
    expect(out).toEqual({
      ip: [
        'neigh replace 10.244.2.0 lladdr 6e:2f:a0:11:22:33 dev flannel.1 nud permanent',
        'route replace 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
      ],
      bridge: ['fdb replace 6e:2f:a0:11:22:33 dev flannel.1 dst 192.168.56.12 self permanent'],
    });
  });

  it('removes one with the reference removal commands, route first (A.3.2 "# removal")', () => {
    const out = routeCommandsForChanges(
      [
        { key: 'neigh/flannel.1/10.244.2.0', op: 'delete', value: null, previous: neigh },
        { key: 'fdb/flannel.1/6e:2f:a0:11:22:33', op: 'delete', value: null, previous: fdb },
        { key: 'route/10.244.2.0/24', op: 'delete', value: null, previous: route },
      ],
      { underlay: 'eth0' },
    );
    expect(out).toEqual({
      ip: ['route del 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink', 'neigh del 10.244.2.0 dev flannel.1'],
      bridge: ['fdb del 6e:2f:a0:11:22:33 dev flannel.1 dst 192.168.56.12 self'],
    });
  });

  it('deletes from the key alone when the previous value is unknown', () => {
    const out = routeCommandsForChanges(
      [
        { key: 'route/fd00:10:244:2::/64', op: 'delete', value: undefined },
        { key: 'neigh/flannel-v6.1/fd00:10:244:2::', op: 'delete', value: undefined },
        { key: 'fdb/flannel-v6.1/6e:2f:a0:11:22:34', op: 'delete', value: undefined },
      ],
      {},
    );
    expect(out).toEqual({
      ip: ['route del fd00:10:244:2::/64', 'neigh del fd00:10:244:2:: dev flannel-v6.1'],
      bridge: ['fdb del 6e:2f:a0:11:22:34 dev flannel-v6.1 self'],
    });
  });

  it('resolves @underlay for host-gw routes (A.4)', () => {
    const hostgw = { dst: '10.244.2.0/24', via: '192.168.56.12', dev: '@underlay' };
    expect(routeCommandsForChanges([{ key: 'route/10.244.2.0/24', op: 'upsert', value: hostgw }], { underlay: 'eth0' }).ip).toEqual([
      'route replace 10.244.2.0/24 via 192.168.56.12 dev eth0',
    ]);
    expect(
      routeCommandsForChanges([{ key: 'route/10.244.2.0/24', op: 'delete', value: null, previous: hostgw }], { underlay: 'eth0' }).ip,
    ).toEqual(['route del 10.244.2.0/24 via 192.168.56.12 dev eth0']);
  });

  it("leaves the kernel's connected route of cni0 alone", () => {
    const local = { dst: '10.244.1.0/24', dev: 'cni0', proto: 'kernel', scope: 'link', src: '10.244.1.1' };
    expect(
      routeCommandsForChanges(
        [
          { key: 'route/10.244.1.0/24', op: 'upsert', value: local },
          { key: 'route/10.244.9.0/24', op: 'delete', value: null, previous: { ...local, dst: '10.244.9.0/24' } },
        ],
        {},
      ),
    ).toEqual({ ip: [], bridge: [] });
  });

  it('puts deletions before additions so a moved pod CIDR is released first', () => {
    const out = routeCommandsForChanges(
      [
        { key: 'route/10.244.7.0/24', op: 'upsert', value: { ...route, dst: '10.244.7.0/24', via: '10.244.7.0' } },
        { key: 'route/10.244.2.0/24', op: 'delete', value: null },
      ],
      {},
    );
    expect(out.ip).toEqual(['route del 10.244.2.0/24', 'route replace 10.244.7.0/24 via 10.244.7.0 dev flannel.1 onlink']);
  });

  it('leaves out entries on a VXLAN device the node does not have, added or removed', () => {
    const route6 = { dst: 'fd00:10:244:2::/64', via: 'fd00:10:244:2::', dev: 'flannel-v6.1', onlink: true };
    const neigh6 = { dst: 'fd00:10:244:2::', lladdr: '6e:2f:a0:11:22:34', dev: 'flannel-v6.1', nud: 'permanent' };
    const fdb6 = { mac: '6e:2f:a0:11:22:34', dev: 'flannel-v6.1', dst: 'fd00:56::12', flags: ['self'], state: 'permanent' };
    const changes = [
      { key: 'route/fd00:10:244:2::/64', op: 'upsert' as const, value: route6 },
      { key: 'neigh/flannel-v6.1/fd00:10:244:2::', op: 'upsert' as const, value: neigh6 },
      { key: 'fdb/flannel-v6.1/6e:2f:a0:11:22:34', op: 'upsert' as const, value: fdb6 },
      { key: 'route/10.244.2.0/24', op: 'upsert' as const, value: route },
      // Removals as the stream sends them: no previous value, the key alone.
      { key: 'neigh/flannel-v6.1/fd00:10:244:3::', op: 'delete' as const, value: null },
      { key: 'fdb/flannel-v6.1/7a:10:5c:44:55:67', op: 'delete' as const, value: null },
    ];
    expect(routeCommandsForChanges(changes, { underlay: 'eth0', devices: new Set(['flannel.1']) })).toEqual({
      ip: ['route replace 10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink'],
      bridge: [],
    });
    const both = routeCommandsForChanges(changes, { underlay: 'eth0', devices: new Set(['flannel.1', 'flannel-v6.1']) });
    expect(both.ip).toHaveLength(4);
    expect(both.bridge).toEqual(['fdb del 7a:10:5c:44:55:67 dev flannel-v6.1 self', 'fdb replace 6e:2f:a0:11:22:34 dev flannel-v6.1 dst fd00:56::12 self permanent']);
  });
});
