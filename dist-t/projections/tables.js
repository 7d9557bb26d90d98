// The live tables: for every table name, the cluster-scoped entries, each node's overrides, and
// the additive digests that let a node's digest move in O(1) per change.
//
// Digest: sha256 of each effective entry (table, key, value JSON), summed mod 2^256. Order-free
// and incremental: a cluster change adjusts one sum, a node override adjusts that node's part.
// Shown as `sha256:<64 hex>` (a sum of sha256 values, not the hash of one text).
import { hash } from 'node:crypto';
import { CLUSTER } from './model.js';
import { mergeSorted, SortedKeys } from './sorted-keys.js';
export function publishedChange(c) {
    return { table: c.table, scope: c.scope, key: c.key, op: c.op, value: c.value, rv: c.rv, hiddenFrom: c.hiddenFrom, nodeView: c.nodeView };
}
const MOD = 1n << 256n;
export function entryHash(table, key, encoded) {
    // One update of the joined text hashes the same bytes as three updates, and is cheaper.
    return BigInt('0x' + hash('sha256', table + '\0' + key + '\0' + encoded, 'hex'));
}
export function formatDigest(sum) {
    const v = ((sum % MOD) + MOD) % MOD;
    return 'sha256:' + v.toString(16).padStart(64, '0');
}
export class TableSet {
    table;
    cluster = new Map();
    clusterKeys = new SortedKeys();
    nodes = new Map();
    /** key -> nodes overriding it, so a cluster change knows whose digest it does not touch. */
    overriders = new Map();
    clusterSum = 0n;
    /** rv of the last change to this table anywhere (the DNS SOA serial uses it). */
    lastChangeRv = 0;
    nodeAdjust = new Map();
    constructor(table) {
        this.table = table;
    }
    clusterEntries() {
        return this.cluster;
    }
    nodeOverrides(node) {
        return this.nodes.get(node);
    }
    nodesWithOverrides() {
        return this.nodes.keys();
    }
    get(scope, key) {
        return scope === CLUSTER ? this.cluster.get(key) : this.nodes.get(scope)?.get(key);
    }
    /** The entry a node sees at a key (undefined when absent or tombstoned). */
    effective(node, key) {
        const o = this.nodes.get(node)?.get(key);
        if (o)
            return o.value === null ? undefined : o;
        return this.cluster.get(key);
    }
    /** Keys a node's table may hold (cluster keys and its overrides, tombstones included), sorted. */
    nodeKeys(node) {
        const overrides = this.nodes.get(node);
        const cluster = this.clusterKeys.list();
        return overrides ? mergeSorted(cluster, [...overrides.keys()].sort()) : cluster;
    }
    /** Up to `limit` of the keys nodeKeys lists, those sorting after `after`, and whether more
     * follow. Costs a page and the node's overrides, where nodeKeys merges the whole table. */
    nodeKeysAfter(node, after, limit) {
        const cluster = this.clusterKeys.list();
        const overrides = [...(this.nodes.get(node)?.keys() ?? [])].filter((k) => k > after).sort();
        const keys = [];
        let i = firstAfter(cluster, after);
        let j = 0;
        while (keys.length < limit && (i < cluster.length || j < overrides.length)) {
            const x = cluster[i];
            const y = overrides[j];
            if (y === undefined || (x !== undefined && x < y))
                keys.push(cluster[i++]);
            else {
                if (x === y)
                    i++;
                keys.push(overrides[j++]);
            }
        }
        return { keys, more: i < cluster.length || j < overrides.length };
    }
    /** A node's whole table, keys sorted. */
    nodeTable(node) {
        const out = new Map();
        for (const k of this.nodeKeys(node)) {
            const e = this.effective(node, k);
            if (e)
                out.set(k, e);
        }
        return out;
    }
    digest(node, adjustment = 0n) {
        return formatDigest(this.clusterSum + (this.nodeAdjust.get(node) ?? 0n) + adjustment);
    }
    /** Sets (value !== undefined) or removes an entry; returns the change, or undefined if none.
     * `text` is JSON.stringify(value) when the caller already has it (the engine encodes once). */
    set(scope, key, value, rv, text) {
        const encoded = value === undefined ? undefined : (text ?? JSON.stringify(value));
        const prev = this.get(scope, key);
        if (prev?.encoded === encoded)
            return undefined;
        if (!prev && encoded === undefined)
            return undefined;
        const next = encoded === undefined ? undefined : { value, encoded, hash: value === null ? 0n : entryHash(this.table, key, encoded), rv };
        if (scope === CLUSTER)
            this.setCluster(key, prev, next);
        else
            this.setNode(scope, key, prev, next);
        if (rv > this.lastChangeRv)
            this.lastChangeRv = rv;
        const change = { table: this.table, scope, key, op: next ? 'upsert' : 'delete', value: next ? value : null, prev: prev?.value, rv, text: encoded, prevText: prev?.encoded, prevRv: prev?.rv };
        if (scope === CLUSTER) {
            const hidden = this.overriders.get(key);
            if (hidden?.size)
                change.hiddenFrom = [...hidden].sort();
        }
        else {
            change.nodeView = this.effective(scope, key)?.value;
        }
        return change;
    }
    /** Restores an entry's rv after a start-up rebuild (the value is recomputed, the rv is history). */
    setRv(scope, key, rv) {
        const e = this.get(scope, key);
        if (e)
            e.rv = rv;
    }
    setCluster(key, prev, next) {
        const delta = (next?.hash ?? 0n) - (prev?.hash ?? 0n);
        if (next) {
            if (!prev)
                this.clusterKeys.add(key);
            this.cluster.set(key, next);
        }
        else {
            if (prev)
                this.clusterKeys.delete(key);
            this.cluster.delete(key);
        }
        this.clusterSum = (this.clusterSum + delta) % MOD;
        // Nodes overriding this key never saw the cluster value: cancel it for them.
        for (const node of this.overriders.get(key) ?? [])
            this.adjust(node, -delta);
    }
    setNode(node, key, prev, next) {
        let map = this.nodes.get(node);
        const clusterHash = this.cluster.get(key)?.hash ?? 0n;
        // What this node contributed at the key before and after, relative to the cluster sum.
        const before = prev ? prev.hash - clusterHash : 0n;
        const after = next ? next.hash - clusterHash : 0n;
        if (next) {
            if (!map)
                this.nodes.set(node, (map = new Map()));
            map.set(key, next);
            let set = this.overriders.get(key);
            if (!set)
                this.overriders.set(key, (set = new Set()));
            set.add(node);
        }
        else if (map) {
            map.delete(key);
            if (map.size === 0)
                this.nodes.delete(node);
            const set = this.overriders.get(key);
            set?.delete(node);
            if (set?.size === 0)
                this.overriders.delete(key);
        }
        this.adjust(node, after - before);
    }
    adjust(node, delta) {
        if (delta === 0n)
            return;
        const v = ((this.nodeAdjust.get(node) ?? 0n) + delta) % MOD;
        if (v === 0n)
            this.nodeAdjust.delete(node);
        else
            this.nodeAdjust.set(node, v);
    }
}
/** How one change looks to one node, or undefined when the node does not see it. Uses what was
 * recorded when the change was made, so it is exact even when later changes followed. */
export function deltaFor(node, change) {
    if (change.scope === CLUSTER) {
        if (change.hiddenFrom?.includes(node))
            return undefined;
        return change.op === 'upsert'
            ? { table: change.table, op: 'upsert', key: change.key, value: change.value }
            : { table: change.table, op: 'delete', key: change.key };
    }
    if (change.scope !== node)
        return undefined;
    return change.nodeView === undefined
        ? { table: change.table, op: 'delete', key: change.key }
        : { table: change.table, op: 'upsert', key: change.key, value: change.nodeView };
}
/** Digest of an arbitrary table (time travel, agents): the same sum as TableSet keeps live. */
export function digestOf(table, entries) {
    let sum = 0n;
    for (const [k, v] of entries)
        sum += entryHash(table, k, JSON.stringify(v));
    return formatDigest(sum);
}
/** The first index whose key sorts after `after` (keys ascending). */
function firstAfter(keys, after) {
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (keys[mid] <= after)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
//# sourceMappingURL=tables.js.map