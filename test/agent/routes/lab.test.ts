// Real kernel: a node-a namespace with an underlay carrying its InternalIP, flannel.1 made by
// ensureFlannelDevice and cni0 by ensureCni0; the rendered routes table of a 4-node cluster
// must apply with `ip -batch -` / `bridge -batch -` and leave exactly flannel's entries.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyBatches,
  applyRouteChanges,
  ensureCni0,
  ensureFlannelDevice,
  findUnderlay,
  routeCommandsForChanges,
  type RoutesChange,
} from '../../../agent/routes/index.js';
import { deterministicVtepMac, renderRoutesBatch, routesProjection, splitRoutesBatch } from '../../../projections/routes/index.js';
import { tableFor } from '../../projections/routes/fold.js';
import { makeView, referenceNodes } from '../../projections/routes/view.js';
import { netnsSkipReason, titled } from '../../support/host.js';
import { RoutesApplier } from '../../../agent/apply/routes.js';
import { createExec } from '../../../agent/apply/exec.js';
import pino from 'pino';

const DUAL = { clusterCIDRs: ['10.244.0.0/16', 'fd00:10:244::/56'] };

const skipReason = netnsSkipReason(['bridge']);

const NS = `nlroutes-${randomBytes(4).toString('hex')}`;
/** node-c of a dual-stack cluster whose Node has an IPv4 InternalIP only (at first). */
const NS_C = `nlroutes-c-${randomBytes(4).toString('hex')}`;

function sh(...argv: string[]): string {
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', input: '' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
/** Output lines, trimmed, without the `linkdown` flag a port-less bridge may carry, sorted when the kernel's order is a hash's. */
function lines(out: string, sort = false): string[] {
  const ls = out.split('\n').map((l) => l.replace(/ linkdown\b/, '').trim()).filter(Boolean);
  return sort ? ls.sort() : ls;
}
const routesV4 = () => lines(sh('ip', '-n', NS, '-4', 'route', 'show'));
const routesV6 = () => lines(sh('ip', '-n', NS, '-6', 'route', 'show')).filter((l) => l.includes('fd00:10:244'));
const neighs = (dev: string) => lines(sh('ip', '-n', NS, 'neigh', 'show', 'dev', dev), true);
const fdbs = (dev: string) => lines(sh('ip', 'netns', 'exec', NS, 'bridge', 'fdb', 'show', 'dev', dev), true);

function tableDiff(before: Map<string, unknown>, after: Map<string, unknown>): RoutesChange[] {
  const out: RoutesChange[] = [];
  for (const [key, previous] of before) if (!after.has(key)) out.push({ key, op: 'delete', value: null, previous });
  for (const [key, value] of after) {
    if (JSON.stringify(before.get(key)) !== JSON.stringify(value)) out.push({ key, op: 'upsert', value, previous: before.get(key) });
  }
  return out;
}

/** A namespace with an up underlay eth0 holding `address`. */
function addNodeNamespace(ns: string, address: string): void {
  sh('ip', 'netns', 'add', ns);
  sh('ip', '-n', ns, 'link', 'set', 'lo', 'up');
  // A dummy underlay where the kernel has the module; a veth pair (both ends here) otherwise.
  if (spawnSync('ip', ['-n', ns, 'link', 'add', 'eth0', 'type', 'dummy']).status !== 0) {
    sh('ip', '-n', ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0p');
    sh('ip', '-n', ns, 'link', 'set', 'eth0p', 'up');
  }
  sh('ip', '-n', ns, 'addr', 'add', address, 'dev', 'eth0');
  sh('ip', '-n', ns, 'link', 'set', 'eth0', 'up');
}

const MAC_D = deterministicVtepMac('node-d');
const MAC6_D = deterministicVtepMac('node-d', 6);

describe.skipIf(skipReason !== undefined)(titled('routes lab (real ip/bridge in a network namespace)', skipReason), () => {
  beforeAll(() => {
    addNodeNamespace(NS, '192.168.56.11/24');
    sh('ip', '-n', NS, 'addr', 'add', 'fd00:56::11/64', 'dev', 'eth0', 'nodad');
    sh('ip', '-n', NS, 'link', 'set', 'eth0', 'up');
  });
  afterAll(() => {
    spawnSync('ip', ['netns', 'del', NS]);
    spawnSync('ip', ['netns', 'del', NS_C]);
  });

  const view = makeView(referenceNodes({ dualStack: true }), DUAL);
  const tableA = tableFor(routesProjection, view, 'node-a');

  it('finds the underlay holding the InternalIP', async () => {
    expect(await findUnderlay(NS, '192.168.56.11')).toBe('eth0');
    expect(await findUnderlay(NS, '192.0.2.1')).toBeUndefined();
  });

  it('creates flannel.1, flannel-v6.1 and cni0 as flanneld and the bridge plugin do, idempotently', async () => {
    const v4 = tableA.get('link/flannel.1') as { local: string; address: string; mtu: number; mac: string };
    const v6 = tableA.get('link/flannel-v6.1') as { local: string; address: string; mtu: number; mac: string };
    const spec4 = { vni: 1, port: 8472, localIp: v4.local, address: v4.address, mtu: v4.mtu, mac: v4.mac, underlay: 'eth0' };
    const spec6 = { vni: 1, port: 8472, localIp: v6.local, address: v6.address, mtu: v6.mtu, mac: v6.mac, underlay: 'eth0' };
    expect(await ensureFlannelDevice(NS, spec4)).toBe('created');
    expect(await ensureFlannelDevice(NS, spec4)).toBe('unchanged');
    expect(await ensureFlannelDevice(NS, spec6)).toBe('created');
    await ensureCni0(NS, (tableA.get('link/cni0') as { addresses: string[] }).addresses);
    await ensureCni0(NS, ['10.244.1.1/24', 'fd00:10:244:1::1/64']);

    const d = sh('ip', '-n', NS, '-d', 'link', 'show', 'flannel.1');
    expect(d).toMatch(/mtu 1450 /);
    expect(d).toContain('link/ether 12:c6:65:89:b4:e3');
    expect(d).toMatch(/vxlan id 1 local 192\.168\.56\.11 dev eth0 .*dstport 8472 nolearning/);
    expect(lines(sh('ip', '-n', NS, '-4', 'addr', 'show', 'dev', 'flannel.1')).filter((l) => l.startsWith('inet '))).toEqual([
      'inet 10.244.1.0/32 scope global flannel.1',
    ]);
    expect(sh('ip', '-n', NS, '-d', 'link', 'show', 'flannel-v6.1')).toMatch(/mtu 1430 .*vxlan id 1 local fd00:56::11 dev eth0/s);
    expect(sh('ip', '-n', NS, 'addr', 'show', 'dev', 'cni0')).toContain('inet 10.244.1.1/24');
  });

  it('applies the rendered batch of a 4-node cluster, twice, leaving exactly flannel\'s entries', async () => {
    const { ip, bridge } = splitRoutesBatch(renderRoutesBatch(tableA, { underlay: 'eth0' }));
    for (let i = 0; i < 2; i++) {
      sh('sh', '-c', `printf '%s' "$1" | ip -n ${NS} -batch -`, 'sh', ip);
      sh('sh', '-c', `printf '%s' "$1" | ip netns exec ${NS} bridge -batch -`, 'sh', bridge);
    }
    // Reference A.3.2, "What the tables look like on node-a" (plus node-d, minus the default route).
    expect(routesV4()).toEqual([
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
      '10.244.3.0/24 via 10.244.3.0 dev flannel.1 onlink',
      '10.244.4.0/24 via 10.244.4.0 dev flannel.1 onlink',
      '192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.11',
    ]);
    expect(neighs('flannel.1')).toEqual(
      ['10.244.2.0 lladdr 6e:2f:a0:11:22:33 PERMANENT', '10.244.3.0 lladdr 7a:10:5c:44:55:66 PERMANENT', `10.244.4.0 lladdr ${MAC_D} PERMANENT`].sort(),
    );
    expect(fdbs('flannel.1')).toEqual(
      ['6e:2f:a0:11:22:33 dst 192.168.56.12 self permanent', '7a:10:5c:44:55:66 dst 192.168.56.13 self permanent', `${MAC_D} dst 192.168.56.14 self permanent`].sort(),
    );
    expect(routesV6()).toEqual([
      // The kernel's own route for flannel-v6.1's /128 (IPv4's /32 gets none in the main table).
      'fd00:10:244:1:: dev flannel-v6.1 proto kernel metric 256 pref medium',
      'fd00:10:244:1::/64 dev cni0 proto kernel metric 256 pref medium',
      'fd00:10:244:2::/64 via fd00:10:244:2:: dev flannel-v6.1 metric 1024 onlink pref medium',
      'fd00:10:244:3::/64 via fd00:10:244:3:: dev flannel-v6.1 metric 1024 onlink pref medium',
      'fd00:10:244:4::/64 via fd00:10:244:4:: dev flannel-v6.1 metric 1024 onlink pref medium',
    ]);
    expect(neighs('flannel-v6.1')).toEqual(
      ['fd00:10:244:2:: lladdr 6e:2f:a0:11:22:34 PERMANENT', 'fd00:10:244:3:: lladdr 7a:10:5c:44:55:67 PERMANENT', `fd00:10:244:4:: lladdr ${MAC6_D} PERMANENT`].sort(),
    );
    expect(fdbs('flannel-v6.1')).toEqual(
      ['6e:2f:a0:11:22:34 dst fd00:56::12 self permanent', '7a:10:5c:44:55:67 dst fd00:56::13 self permanent', `${MAC6_D} dst fd00:56::14 self permanent`].sort(),
    );
  });

  it('removes a deleted node\'s route, neighbour and FDB entry, and tolerates a redelivery', async () => {
    const after = tableFor(routesProjection, makeView(referenceNodes({ dualStack: true }).filter((n) => n.metadata.name !== 'node-c'), DUAL), 'node-a');
    const changes = tableDiff(tableA, after);
    expect(changes.map((c) => `${c.op} ${c.key}`).sort()).toEqual([
      'delete fdb/flannel-v6.1/7a:10:5c:44:55:67',
      'delete fdb/flannel.1/7a:10:5c:44:55:66',
      'delete neigh/flannel-v6.1/fd00:10:244:3::',
      'delete neigh/flannel.1/10.244.3.0',
      'delete route/10.244.3.0/24',
      'delete route/fd00:10:244:3::/64',
    ]);
    const batches = routeCommandsForChanges(changes, { underlay: 'eth0' });
    await applyBatches(NS, batches);
    await applyBatches(NS, batches); // every object is already gone: still success
    // Without previous values (a bare stream delete) the key alone is enough too.
    await applyBatches(NS, routeCommandsForChanges(changes.map((c) => ({ key: c.key, op: c.op, value: null })), {}));

    expect(routesV4()).toEqual([
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink',
      '10.244.4.0/24 via 10.244.4.0 dev flannel.1 onlink',
      '192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.11',
    ]);
    expect(neighs('flannel.1')).toEqual(['10.244.2.0 lladdr 6e:2f:a0:11:22:33 PERMANENT', `10.244.4.0 lladdr ${MAC_D} PERMANENT`].sort());
    expect(fdbs('flannel.1')).toEqual(['6e:2f:a0:11:22:33 dst 192.168.56.12 self permanent', `${MAC_D} dst 192.168.56.14 self permanent`].sort());
    expect(routesV6().some((l) => l.startsWith('fd00:10:244:3::'))).toBe(false);
    expect(neighs('flannel-v6.1')).toHaveLength(2);
    expect(fdbs('flannel-v6.1')).toHaveLength(2);
  });

  it('throws with stderr when a line fails for a real reason', async () => {
    await expect(applyBatches(NS, { ip: ['route replace 10.244.9.0/24 via 10.244.9.0 dev nosuchdev onlink'], bridge: [] })).rejects.toThrow(
      /nosuchdev[\s\S]*Cannot find device/,
    );
  });

  it('switches the node to host-gw through applyRouteChanges', async () => {
    const hostgw = tableFor(
      routesProjection,
      makeView(referenceNodes({ dualStack: true }).filter((n) => n.metadata.name !== 'node-c'), { ...DUAL, podNetwork: 'host-gw' }),
      'node-a',
    );
    const vxlan = tableFor(routesProjection, makeView(referenceNodes({ dualStack: true }).filter((n) => n.metadata.name !== 'node-c'), DUAL), 'node-a');
    const result = await applyRouteChanges(NS, tableDiff(vxlan, hostgw), { underlay: 'eth0' });
    expect(result.devicesCreated).toEqual([]);
    expect(routesV4()).toEqual([
      '10.244.1.0/24 dev cni0 proto kernel scope link src 10.244.1.1',
      '10.244.2.0/24 via 192.168.56.12 dev eth0',
      '10.244.4.0/24 via 192.168.56.14 dev eth0',
      '192.168.56.0/24 dev eth0 proto kernel scope link src 192.168.56.11',
    ]);
    expect(routesV6()).toEqual([
      'fd00:10:244:1::/64 dev cni0 proto kernel metric 256 pref medium',
      'fd00:10:244:2::/64 via fd00:56::12 dev eth0 metric 1024 pref medium',
      'fd00:10:244:4::/64 via fd00:56::14 dev eth0 metric 1024 pref medium',
    ]);
    expect(spawnSync('ip', ['-n', NS, 'link', 'show', 'flannel.1']).status).not.toBe(0);
    expect(spawnSync('ip', ['-n', NS, 'link', 'show', 'flannel-v6.1']).status).not.toBe(0);
  });

  it('updates flannel.1 in place for a new MTU or MAC (a new MAC means applying the table again) and recreates it for a new local address', async () => {
    const spec = { vni: 1, port: 8472, localIp: '192.168.56.11', address: '10.244.1.0/32', mtu: 1450, mac: '12:c6:65:89:b4:e3', underlay: 'eth0' };
    expect(await ensureFlannelDevice(NS, spec)).toBe('created');
    sh('ip', '-n', NS, 'addr', 'add', '10.244.77.0/32', 'dev', 'flannel.1');
    // An MTU change alone keeps the device's permanent neighbours (setting `address`, even to
    // the same MAC, would flush them, and with them every route to the other nodes' pods).
    sh('ip', '-n', NS, 'neigh', 'replace', '10.244.2.0', 'lladdr', '6e:2f:a0:11:22:33', 'dev', 'flannel.1', 'nud', 'permanent');
    expect(await ensureFlannelDevice(NS, { ...spec, mtu: 1400 })).toBe('updated');
    expect(neighs('flannel.1')).toEqual(['10.244.2.0 lladdr 6e:2f:a0:11:22:33 PERMANENT']);
    // A new MAC flushes them: 'created' tells the caller to apply its whole table again.
    expect(await ensureFlannelDevice(NS, { ...spec, mtu: 1400, mac: '12:c6:65:89:b4:ff' })).toBe('created');
    const d = sh('ip', '-n', NS, '-d', 'addr', 'show', 'flannel.1');
    expect(d).toMatch(/mtu 1400 /);
    expect(d).toContain('link/ether 12:c6:65:89:b4:ff');
    expect(d).not.toContain('10.244.77.0'); // flannel keeps exactly its one address
    // A new address goes on before the old comes off: the device never loses its last one, which
    // would drop its routes. A device found down is brought up and reported reset.
    sh('ip', '-n', NS, 'route', 'replace', '10.244.2.0/24', 'via', '10.244.2.0', 'dev', 'flannel.1', 'onlink');
    expect(await ensureFlannelDevice(NS, { ...spec, mtu: 1400, mac: '12:c6:65:89:b4:ff', address: '10.244.9.0/32' })).toBe('updated');
    expect(sh('ip', '-n', NS, 'route', 'show', 'dev', 'flannel.1')).toContain('10.244.2.0/24 via 10.244.2.0 onlink');
    sh('ip', '-n', NS, 'link', 'set', 'flannel.1', 'down');
    expect(await ensureFlannelDevice(NS, { ...spec, mtu: 1400, mac: '12:c6:65:89:b4:ff', address: '10.244.9.0/32' })).toBe('created');
    sh('ip', '-n', NS, 'addr', 'add', '192.168.56.21/24', 'dev', 'eth0');
    expect(await ensureFlannelDevice(NS, { ...spec, localIp: '192.168.56.21' })).toBe('created');
    expect(sh('ip', '-n', NS, '-d', 'link', 'show', 'flannel.1')).toContain('local 192.168.56.21 ');
  });

  it('refuses a cni0 that carries another pod CIDR\'s gateway', async () => {
    await expect(ensureCni0(NS, '10.244.8.1/24')).rejects.toThrow('cni0 carries 10.244.1.1/24, expected 10.244.8.1/24');
  });

  it('a node without an IPv6 InternalIP applies its IPv4 overlay alone, and the IPv6 one once it has the address', async () => {
    addNodeNamespace(NS_C, '192.168.56.13/24');
    const withV6 = referenceNodes({ dualStack: true });
    const v4Only = withV6.map((n) =>
      n.metadata.name === 'node-c' ? { ...n, status: { ...n.status, addresses: n.status!.addresses!.filter((a) => !a.address.includes(':')) } } : n,
    );
    const before = tableFor(routesProjection, makeView(v4Only, DUAL), 'node-c');
    const applier = new RoutesApplier(createExec(NS_C, false, pino({ level: 'silent' })), async () => 'eth0', pino({ level: 'silent' }));
    await applier.fullSync(before, []);
    expect(spawnSync('ip', ['-n', NS_C, 'link', 'show', 'flannel-v6.1']).status).not.toBe(0);
    expect(lines(sh('ip', '-n', NS_C, '-4', 'route', 'show', 'dev', 'flannel.1'))).toEqual([
      '10.244.1.0/24 via 10.244.1.0 onlink',
      '10.244.2.0/24 via 10.244.2.0 onlink',
      '10.244.4.0/24 via 10.244.4.0 onlink',
    ]);
    // The address arrives: node-c's table gains flannel-v6.1 (and the others its IPv6 entries).
    sh('ip', '-n', NS_C, 'addr', 'add', 'fd00:56::13/64', 'dev', 'eth0', 'nodad');
    const after = tableFor(routesProjection, makeView(withV6, DUAL), 'node-c');
    await applier.applyChanges(after, tableDiff(before, after).map((c) => ({ ...c, previous: c.previous })));
    expect(lines(sh('ip', '-n', NS_C, '-6', 'route', 'show', 'dev', 'flannel-v6.1')).filter((l) => l.includes('/64 via'))).toEqual([
      'fd00:10:244:1::/64 via fd00:10:244:1:: metric 1024 onlink pref medium',
      'fd00:10:244:2::/64 via fd00:10:244:2:: metric 1024 onlink pref medium',
      'fd00:10:244:4::/64 via fd00:10:244:4:: metric 1024 onlink pref medium',
    ]);
    expect(lines(sh('ip', 'netns', 'exec', NS_C, 'bridge', 'fdb', 'show', 'dev', 'flannel-v6.1'), true).filter((l) => l.includes('dst'))).toHaveLength(3);
    // And goes again: the device goes, taking its entries with it; nothing fails.
    await applier.applyChanges(before, tableDiff(after, before).map((c) => ({ ...c, previous: c.previous })));
    expect(spawnSync('ip', ['-n', NS_C, 'link', 'show', 'flannel-v6.1']).status).not.toBe(0);
    expect(lines(sh('ip', '-n', NS_C, '-4', 'route', 'show', 'dev', 'flannel.1'))).toHaveLength(3);
    // A removal the agent never applied (a failed apply, a lost state dir): the next full sync
    // takes away the device the table no longer gives the node.
    await applier.applyChanges(after, tableDiff(before, after).map((c) => ({ ...c, previous: c.previous })));
    expect(spawnSync('ip', ['-n', NS_C, 'link', 'show', 'flannel-v6.1']).status).toBe(0);
    await applier.fullSync(before, []);
    expect(spawnSync('ip', ['-n', NS_C, 'link', 'show', 'flannel-v6.1']).status).not.toBe(0);
    expect(spawnSync('ip', ['-n', NS_C, 'link', 'show', 'flannel.1']).status).toBe(0);
  });
});
