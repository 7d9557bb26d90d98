// The text form of a node's routes table (docs/API.md, "Node tables"): one block for
// `ip -batch -` (neighbours first, then routes, flannel's order) and one for `bridge -batch -`
// (FDB). Each block starts with a comment line naming its tool; both tools skip `#` comments.
// The devices themselves (flannel.1, cni0) and the kernel's own connected route of cni0 are
// described in comments: the agent creates the devices (agent/routes ensureFlannelDevice /
// ensureCni0) before applying the batches, and the kernel derives that route from cni0's address.

import { addressOrder } from './addr.js';
import { fdbReplaceLine, isKernelRoute, neighReplaceLine, routeReplaceLine, routeSpec, type DeviceOptions } from './commands.js';
import { heldOn, vxlanDevicesHeld } from './held.js';
import { UNDERLAY_DEVICE } from './nodeNet.js';
import { parseRoutesKey, type FdbValue, type LinkValue, type NeighValue, type RouteValue } from './values.js';

export const IP_BATCH_HEADER = '# ip -batch -';
export const BRIDGE_BATCH_HEADER = '# bridge -batch -';

export function renderRoutesBatch(entries: ReadonlyMap<string, unknown>, opts: DeviceOptions = {}): string {
  const links: LinkValue[] = [];
  const routes: RouteValue[] = [];
  const neighs: NeighValue[] = [];
  const fdbs: FdbValue[] = [];
  const devices = vxlanDevicesHeld(entries);
  for (const [key, value] of entries) {
    if (value === null || value === undefined) continue; // a tombstone is an absent entry
    if (!heldOn(devices, key, value)) continue; // on a VXLAN device this node has not got
    switch (parseRoutesKey(key)?.kind) {
      case 'link':
        links.push(value as LinkValue);
        break;
      case 'route':
        routes.push(value as RouteValue);
        break;
      case 'neigh':
        neighs.push(value as NeighValue);
        break;
      case 'fdb':
        fdbs.push(value as FdbValue);
        break;
    }
  }
  links.sort((a, b) => cmp(a.name, b.name));
  // IPv4 before IPv6, then numerically: the order a person scans `ip route` output in.
  const compareAddresses = addressOrder();
  neighs.sort((a, b) => compareAddresses(a.dst, b.dst) || cmp(a.dev, b.dev));
  routes.sort((a, b) => compareAddresses(a.dst, b.dst));
  fdbs.sort((a, b) => compareAddresses(a.dst, b.dst) || cmp(a.dev, b.dev) || cmp(a.mac, b.mac));

  const lines = [IP_BATCH_HEADER];
  for (const l of links) lines.push(`# ${describeLink(l, opts)}`);
  for (const n of neighs) lines.push(neighReplaceLine(n));
  for (const r of routes) {
    lines.push(isKernelRoute(r) ? `# route ${routeSpec(r, opts)} (the kernel's, from cni0's address)` : routeReplaceLine(r, opts));
  }
  lines.push(BRIDGE_BATCH_HEADER);
  for (const f of fdbs) lines.push(fdbReplaceLine(f));
  return lines.join('\n') + '\n';
}

/** Splits a rendered text into the input of each tool (the header comments stay; both tools skip them). */
export function splitRoutesBatch(text: string): { ip: string; bridge: string } {
  const at = text.indexOf(`${BRIDGE_BATCH_HEADER}\n`);
  return at < 0 ? { ip: text, bridge: '' } : { ip: text.slice(0, at), bridge: text.slice(at) };
}

function describeLink(l: LinkValue, opts: DeviceOptions): string {
  if (l.kind === 'bridge') return `link ${l.name} type bridge, address ${l.addresses.join(' ')}`;
  const dev = l.dev === UNDERLAY_DEVICE ? (opts.underlay ?? l.dev) : l.dev;
  return (
    `link ${l.name} type vxlan id ${l.vni} local ${l.local} dev ${dev} dstport ${l.port}` +
    `${l.learning ? '' : ' nolearning'}, address ${l.mac} mtu ${l.mtu}, addr ${l.address}`
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
