// Keys and values of the routes table: one entry per kernel object, named so an agent can apply
// or remove it on its own. The key grammar is documented in index.ts; value objects are built
// here only, always with the same key order (digests compare their JSON text).

export interface RouteValue {
  dst: string;
  /** Next hop: the remote VTEP address (vxlan) or the remote InternalIP (host-gw). */
  via?: string;
  /** A device name, or `@underlay` for the interface holding the node's InternalIP. */
  dev: string;
  /**
   * Only on the node's own pod CIDR: the connected route the kernel derives from cni0's gateway
   * address (IPv4: `scope link src <gateway>`; IPv6: `metric 256`, the kernel's prefix-route
   * metric). It is a fact to audit, not a command: nobody installs it but the kernel.
   */
  proto?: 'kernel';
  scope?: 'link';
  src?: string;
  metric?: number;
  onlink?: true;
}

export interface NeighValue {
  dst: string;
  lladdr: string;
  dev: string;
  nud: 'permanent';
}

export interface FdbValue {
  mac: string;
  dev: string;
  dst: string;
  flags: ['self'];
  state: 'permanent';
}

export interface VxlanLinkValue {
  kind: 'vxlan';
  name: string;
  vni: number;
  port: number;
  /** The node's InternalIP of the device's family. */
  local: string;
  dev: string;
  learning: false;
  mac: string;
  mtu: number;
  /** The pod CIDR's network address, /32 (IPv4) or /128 (IPv6). */
  address: string;
}

export interface BridgeLinkValue {
  kind: 'bridge';
  name: string;
  /** The first address of each pod CIDR with its prefix, IPv4 first. */
  addresses: string[];
}

export type LinkValue = VxlanLinkValue | BridgeLinkValue;

export const routeKey = (dst: string): string => `route/${dst}`;
export const neighKey = (dev: string, ip: string): string => `neigh/${dev}/${ip}`;
export const fdbKey = (dev: string, mac: string): string => `fdb/${dev}/${mac}`;
export const linkKey = (name: string): string => `link/${name}`;

export type ParsedKey =
  | { kind: 'route'; dst: string }
  | { kind: 'neigh'; dev: string; ip: string }
  | { kind: 'fdb'; dev: string; mac: string }
  | { kind: 'link'; name: string };

export function parseRoutesKey(key: string): ParsedKey | undefined {
  const slash = key.indexOf('/');
  if (slash < 0) return undefined;
  const kind = key.slice(0, slash);
  const rest = key.slice(slash + 1);
  if (kind === 'route') return rest ? { kind, dst: rest } : undefined;
  if (kind === 'link') return rest && !rest.includes('/') ? { kind, name: rest } : undefined;
  if (kind === 'neigh' || kind === 'fdb') {
    // Device names never contain '/', so the first one separates the device from the address.
    const sep = rest.indexOf('/');
    if (sep <= 0 || sep === rest.length - 1) return undefined;
    const dev = rest.slice(0, sep);
    const addr = rest.slice(sep + 1);
    return kind === 'neigh' ? { kind, dev, ip: addr } : { kind, dev, mac: addr };
  }
  return undefined;
}
