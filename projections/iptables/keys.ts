// Key grammar of the iptables / ip6tables tables (documented in full in index.ts).

export type IptTable = 'filter' | 'nat';

/** Node facts the renderer substitutes into placeholder rules (see index.ts). */
export const NODE_META_KEY = 'meta/node';

/** The fragment of nat KUBE-SERVICES that must come last: the tail-call to KUBE-NODEPORTS. */
export const NODEPORTS_TAIL_TAG = '~nodeports';

export interface NodeMeta {
  /** kube-proxy's nodeIP for this family (primary address; loopback when the node has none). */
  nodeIP: string;
  /** Local-traffic detector args in node-cidr mode (`-s <podCIDR>`), null when undetectable. */
  ifLocal: string | null;
  ifNotLocal: string | null;
  /** The node's topology.kubernetes.io/zone label, when it has one (zone-hinted rules, topology.ts). */
  zone?: string;
}

export function isMetaKey(key: string): boolean {
  return key.startsWith('meta/');
}

export function chainKey(table: IptTable, chain: string): string {
  return `${table}/${chain}`;
}

export function fragmentKey(table: IptTable, chain: string, namespace: string, name: string): string {
  return `${table}/${chain}/${namespace}/${name}`;
}

export interface ParsedKey {
  table: IptTable;
  chain: string;
  /** '' for a whole chain; `ns/name` for a service's fragment; `~tag` for a fixed fragment. */
  fragment: string;
}

export function parseKey(key: string): ParsedKey {
  const first = key.indexOf('/');
  const table = key.slice(0, first);
  if (table !== 'filter' && table !== 'nat') throw new Error(`not an iptables chain key: ${key}`);
  const rest = key.slice(first + 1);
  const second = rest.indexOf('/');
  if (second < 0) return { table, chain: rest, fragment: '' };
  return { table, chain: rest.slice(0, second), fragment: rest.slice(second + 1) };
}

/** Which chain a key's rules belong to. Throws for meta keys, which belong to no chain. */
export function chainOfKey(key: string): { table: IptTable; chain: string } {
  const { table, chain } = parseKey(key);
  return { table, chain };
}
