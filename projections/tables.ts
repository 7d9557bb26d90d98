// The live tables: for every table name, the cluster-scoped entries, each node's overrides, and
// the additive digests that let a node's digest move in O(1) per change.
//
// Digest: sha256 of each effective entry (table, key, value JSON), summed mod 2^256. Order-free
// and incremental: a cluster change adjusts one sum, a node override adjusts that node's part.
// Shown as `sha256:<64 hex>` (a sum of sha256 values, not the hash of one text).

import { hash } from 'node:crypto';
import { CLUSTER, type TableName } from './model.js';
import { firstAfter, mergeSorted, SortedKeys } from './sorted-keys.js';

export interface Entry {
  value: unknown;
  encoded: string;
  hash: bigint;
  /** rv of the change that last set it (its cause event). */
  rv: number;
}

/** A change of one (table, scope, key): the unit of history, streams, diff and blame. */
export interface TableChange {
  table: TableName;
  scope: string;
  key: string;
  op: 'upsert' | 'delete';
  /** New value (null for delete; null with op upsert and node scope = tombstone). */
  value: unknown;
  /** Previous value, or undefined when absent. */
  prev: unknown;
  /** JSON text of value and prev as the table holds them (the store writes them unencoded again). */
  text?: string;
  prevText?: string;
  /** rv of the change that had set the previous value (undefined when absent): a read of the
   * past restores that value with its cause. */
  prevRv?: number;
  rv: number;
  /** Cluster scope: nodes that override the key at this rv and so do not see the change. */
  hiddenFrom?: string[];
  /** Node scope: what that node sees at the key after the change (undefined = absent). */
  nodeView?: unknown;
}

/** A change as it is kept once durable (watch cache, node streams): what node deltas need, without
 * the texts and the previous value that only the store's write needed. */
export type PublishedChange = Pick<TableChange, 'table' | 'scope' | 'key' | 'op' | 'value' | 'rv' | 'hiddenFrom' | 'nodeView'>;

export function publishedChange(c: TableChange): PublishedChange {
  return { table: c.table, scope: c.scope, key: c.key, op: c.op, value: c.value, rv: c.rv, hiddenFrom: c.hiddenFrom, nodeView: c.nodeView };
}

/** A change as one node sees it (after overlaying scopes). */
export interface NodeDelta {
  table: TableName;
  op: 'upsert' | 'delete';
  key: string;
  value?: unknown;
}

const MOD = 1n << 256n;

export function entryHash(table: string, key: string, encoded: string): bigint {
  // One update of the joined text hashes the same bytes as three updates, and is cheaper.
  return BigInt('0x' + hash('sha256', table + '\0' + key + '\0' + encoded, 'hex'));
}

export function formatDigest(sum: bigint): string {
  const v = ((sum % MOD) + MOD) % MOD;
  return 'sha256:' + v.toString(16).padStart(64, '0');
}

export class TableSet {
  private readonly cluster = new Map<string, Entry>();
  private readonly clusterKeys = new SortedKeys();
  private readonly nodes = new Map<string, Map<string, Entry>>();
  /** key -> nodes overriding it, so a cluster change knows whose digest it does not touch. */
  private readonly overriders = new Map<string, Set<string>>();
  private clusterSum = 0n;
  /** rv of the last change to this table anywhere (the DNS SOA serial uses it). */
  lastChangeRv = 0;
  private readonly nodeAdjust = new Map<string, bigint>();

  constructor(readonly table: TableName) {}

  clusterEntries(): ReadonlyMap<string, Entry> {
    return this.cluster;
  }
  nodeOverrides(node: string): ReadonlyMap<string, Entry> | undefined {
    return this.nodes.get(node);
  }
  nodesWithOverrides(): Iterable<string> {
    return this.nodes.keys();
  }

  get(scope: string, key: string): Entry | undefined {
    return scope === CLUSTER ? this.cluster.get(key) : this.nodes.get(scope)?.get(key);
  }

  /** The entry a node sees at a key (undefined when absent or tombstoned). */
  effective(node: string, key: string): Entry | undefined {
    const o = this.nodes.get(node)?.get(key);
    if (o) return o.value === null ? undefined : o;
    return this.cluster.get(key);
  }

  /** Keys a node's table may hold (cluster keys and its overrides, tombstones included), sorted. */
  nodeKeys(node: string): readonly string[] {
    const overrides = this.nodes.get(node);
    const cluster = this.clusterKeys.list();
    return overrides ? mergeSorted(cluster, [...overrides.keys()].sort()) : cluster;
  }

  /** Up to `limit` of the keys nodeKeys lists, those sorting after `after`, and whether more
   * follow. Costs a page and the node's overrides, where nodeKeys merges the whole table. */
  nodeKeysAfter(node: string, after: string, limit: number): { keys: string[]; more: boolean } {
    const cluster = this.clusterKeys.list();
    const overrides = [...(this.nodes.get(node)?.keys() ?? [])].filter((k) => k > after).sort();
    const keys: string[] = [];
    let i = firstAfter(cluster, after);
    let j = 0;
    while (keys.length < limit && (i < cluster.length || j < overrides.length)) {
      const x = cluster[i];
      const y = overrides[j];
      if (y === undefined || (x !== undefined && x < y)) keys.push(cluster[i++]!);
      else {
        if (x === y) i++;
        keys.push(overrides[j++]!);
      }
    }
    return { keys, more: i < cluster.length || j < overrides.length };
  }

  /** A node's whole table, keys sorted. */
  nodeTable(node: string): Map<string, Entry> {
    const out = new Map<string, Entry>();
    for (const k of this.nodeKeys(node)) {
      const e = this.effective(node, k);
      if (e) out.set(k, e);
    }
    return out;
  }

  digest(node: string, adjustment = 0n): string {
    return formatDigest(this.clusterSum + (this.nodeAdjust.get(node) ?? 0n) + adjustment);
  }

  /** Sets (value !== undefined) or removes an entry; returns the change, or undefined if none.
   * `text` is JSON.stringify(value) when the caller already has it (the engine encodes once). */
  set(scope: string, key: string, value: unknown, rv: number, text?: string): TableChange | undefined {
    const encoded = value === undefined ? undefined : (text ?? JSON.stringify(value));
    const prev = this.get(scope, key);
    if (prev?.encoded === encoded) return undefined;
    if (!prev && encoded === undefined) return undefined;
    const next: Entry | undefined =
      encoded === undefined ? undefined : { value, encoded, hash: value === null ? 0n : entryHash(this.table, key, encoded), rv };
    if (scope === CLUSTER) this.setCluster(key, prev, next);
    else this.setNode(scope, key, prev, next);
    if (rv > this.lastChangeRv) this.lastChangeRv = rv;
    const change: TableChange = { table: this.table, scope, key, op: next ? 'upsert' : 'delete', value: next ? value : null, prev: prev?.value, rv, text: encoded, prevText: prev?.encoded, prevRv: prev?.rv };
    if (scope === CLUSTER) {
      const hidden = this.overriders.get(key);
      if (hidden?.size) change.hiddenFrom = [...hidden].sort();
    } else {
      change.nodeView = this.effective(scope, key)?.value;
    }
    return change;
  }

  /** Restores an entry's rv after a start-up rebuild (the value is recomputed, the rv is history). */
  setRv(scope: string, key: string, rv: number): void {
    const e = this.get(scope, key);
    if (e) e.rv = rv;
  }

  private setCluster(key: string, prev: Entry | undefined, next: Entry | undefined): void {
    const delta = (next?.hash ?? 0n) - (prev?.hash ?? 0n);
    if (next) {
      if (!prev) this.clusterKeys.add(key);
      this.cluster.set(key, next);
    } else {
      if (prev) this.clusterKeys.delete(key);
      this.cluster.delete(key);
    }
    this.clusterSum = (this.clusterSum + delta) % MOD;
    // Nodes overriding this key never saw the cluster value: cancel it for them.
    for (const node of this.overriders.get(key) ?? []) this.adjust(node, -delta);
  }

  private setNode(node: string, key: string, prev: Entry | undefined, next: Entry | undefined): void {
    let map = this.nodes.get(node);
    const clusterHash = this.cluster.get(key)?.hash ?? 0n;
    // What this node contributed at the key before and after, relative to the cluster sum.
    const before = prev ? prev.hash - clusterHash : 0n;
    const after = next ? next.hash - clusterHash : 0n;
    if (next) {
      if (!map) this.nodes.set(node, (map = new Map()));
      map.set(key, next);
      let set = this.overriders.get(key);
      if (!set) this.overriders.set(key, (set = new Set()));
      set.add(node);
    } else if (map) {
      map.delete(key);
      if (map.size === 0) this.nodes.delete(node);
      const set = this.overriders.get(key);
      set?.delete(node);
      if (set?.size === 0) this.overriders.delete(key);
    }
    this.adjust(node, after - before);
  }

  private adjust(node: string, delta: bigint): void {
    if (delta === 0n) return;
    const v = ((this.nodeAdjust.get(node) ?? 0n) + delta) % MOD;
    if (v === 0n) this.nodeAdjust.delete(node);
    else this.nodeAdjust.set(node, v);
  }

}

/** How one change looks to one node, or undefined when the node does not see it. Uses what was
 * recorded when the change was made, so it is exact even when later changes followed. */
export function deltaFor(node: string, change: PublishedChange): NodeDelta | undefined {
  if (change.scope === CLUSTER) {
    if (change.hiddenFrom?.includes(node)) return undefined;
    return change.op === 'upsert'
      ? { table: change.table, op: 'upsert', key: change.key, value: change.value }
      : { table: change.table, op: 'delete', key: change.key };
  }
  if (change.scope !== node) return undefined;
  return change.nodeView === undefined
    ? { table: change.table, op: 'delete', key: change.key }
    : { table: change.table, op: 'upsert', key: change.key, value: change.nodeView };
}

/** Digest of an arbitrary table (time travel, agents): the same sum as TableSet keeps live. */
export function digestOf(table: string, entries: Iterable<[string, unknown]>): string {
  let sum = 0n;
  for (const [k, v] of entries) sum += entryHash(table, k, JSON.stringify(v));
  return formatDigest(sum);
}

