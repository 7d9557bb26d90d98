// A node's history of one table as the node saw it. The table holds two layers per node: the
// cluster entries every node shares and the node's own entries (overrides, and tombstones that
// hide a cluster key on this node alone). A change in either layer is a change of the node's
// table only when it changes what the node holds: a cluster change at a key the node overrides
// never reached it, and a cluster route to a node's own pod CIDR together with that node's
// tombstone for it is nothing at all on that node. So each (rv, key) the node's layers changed
// at is told once, as the node's value before and after that rv, and left out when they are
// equal. Before the node exists and from its deletion on it holds nothing: its deletion removes
// what it held of its own entries, and cluster changes while it does not exist never reach it.
// (The cluster entries a node finds when it is created are not told again: they were the
// cluster's changes before.) The history starts above the retention floor (the caller's
// `since`): below it compaction kept one row per key, too little to tell what a node held
// before each, so the state at the floor is the table read at the floor instead.
import { lastChangeOfKey } from './table-pages.js';
/** Rows read per query while a page fills (hidden rows make a page need more than its limit). */
const ROWS_PER_READ = 200;
/** Rows one page reads at most: past them it ends early, with a continue token (a node deleted
 * long ago would otherwise read every cluster change made since). */
const MAX_ROWS_PER_PAGE = 5000;
/** The changes of a node's table, newest first: up to `limit`, and where the next page starts. */
export async function nodeHistory(store, table, node, opts) {
    const changes = [];
    const want = Math.max(opts.limit, ROWS_PER_READ);
    let beforeId = opts.beforeId;
    let read = 0;
    // Each read starts below the last row seen, so the loop ends when the rows do.
    for (;;) {
        const rows = await layerRows(store, table, node, { ...opts, beforeId, limit: want });
        const exhausted = rows.length < want;
        for (const [i, row] of rows.entries()) {
            beforeId = row.id;
            const change = asSeenBy(store, table, node, row, opts.existedAt);
            if (change)
                changes.push(change);
            const last = exhausted && i === rows.length - 1;
            if (changes.length === opts.limit || ++read >= MAX_ROWS_PER_PAGE)
                return { changes, beforeId: last ? undefined : beforeId };
        }
        if (exhausted)
            return { changes };
    }
}
/** The raw changes of both of the node's layers, newest first. */
async function layerRows(store, table, node, opts) {
    let q = store.db
        .selectFrom('table_changes')
        .select(['id', 'rv', 'scope', 'key', 'op', 'value', 'prev'])
        .where('table_name', '=', table)
        .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', node)]));
    if (opts.keys !== undefined)
        q = q.where('key', 'in', [...opts.keys]);
    if (opts.beforeId !== undefined)
        q = q.where('id', '<', opts.beforeId);
    if (opts.since !== undefined)
        q = q.where('rv', '>', opts.since);
    if (opts.until !== undefined)
        q = q.where('rv', '<=', opts.until);
    return (await q.orderBy('id', 'desc').limit(opts.limit).execute());
}
function layerOf(change, rv) {
    const after = change && change.op !== 'delete' ? change.value : null;
    if (change?.rv === rv)
        return { before: change.prev, after, changed: true };
    return { before: after, after, changed: false };
}
/** What a node holds given its own layer's text and the cluster's ("null" is its tombstone). */
function held(own, cluster) {
    if (own === null)
        return cluster;
    return own === 'null' ? null : own;
}
/**
 * The node's view of the (rv, key) a row changed, told at that rv's newest row of the two layers
 * (so a page boundary between them cannot tell it twice); undefined when the node's value did
 * not move or another row tells it.
 */
function asSeenBy(store, table, node, row, existedAt) {
    const otherScope = row.scope === '' ? node : '';
    const other = lastChangeOfKey(store, table, otherScope, row.key, row.rv);
    if (other?.rv === row.rv && other.id > row.id)
        return undefined;
    const mine = layerOf(row, row.rv);
    const theirs = layerOf(other, row.rv);
    const [own, cluster] = row.scope === '' ? [theirs, mine] : [mine, theirs];
    // Its own entries say it existed: the rows of the group that deletes a node can carry the rv
    // of a later event of that group (a pod the pod GC deleted) than the Node's own.
    const before = own.before !== null || existedAt(row.rv - 1) ? held(own.before, cluster.before) : null;
    const after = existedAt(row.rv) ? held(own.after, cluster.after) : null;
    if (before === after)
        return undefined;
    return {
        rv: row.rv,
        key: row.key,
        scope: own.changed ? 'node' : 'cluster',
        op: after === null ? 'delete' : 'upsert',
        value: after === null ? null : JSON.parse(after),
        prev: before === null ? undefined : JSON.parse(before),
    };
}
//# sourceMappingURL=node-history.js.map