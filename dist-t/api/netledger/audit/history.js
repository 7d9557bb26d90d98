// GET /apis/netledger.io/v1/nodes/{node}/tables/{table}/history[?key=K][&since=R][&until=R]
//   [&limit=N&continue=TOKEN]
// The changes a node saw in one table, newest first, each with the event that caused it: what the
// node held before and after, whichever of its two layers (the cluster's entries, its own) moved
// (store/node-history.ts). Paged by change id; the token pins `until` so pages stay consistent.
import { sql } from 'kysely';
import { nodeHistory } from '../../../store/node-history.js';
import { waitForRv } from '../../wait-rv.js';
import { causeOf, eventsFor } from '../causes.js';
import { nodeExistedAt, requireNodeEver, tableName } from '../tables.js';
import { keyMatches, originsOf } from './blame.js';
import { decodeToken, encodeToken, listLimitParam, requireRetained, requireWalkable, rvParam, str } from './query.js';
export async function getHistory(req, ledger) {
    const { node, table: tableText } = req.params;
    const table = tableName(tableText);
    requireNodeEver(ledger, node);
    const q = req.query;
    const limit = listLimitParam(q);
    const floor = ledger.floorRv;
    const since = rvParam(q, 'since');
    if (since !== undefined) {
        requireRetained(ledger, since, 'since');
        // Ahead of the log, as `until` and `resourceVersion`: wait for it, then 504.
        await waitForRv(ledger, since);
    }
    const cont = str(q, 'continue');
    let until;
    let before;
    if (cont) {
        const t = decodeToken('history', historyOf(node, table, q), cont, { before: 'id', until: 'rv', floor: 'rv?' }, ledger.committedRv);
        // The walk goes down to `since` (or the oldest kept row): expired only if compaction since
        // the token was issued may have removed rows in that range.
        requireWalkable(ledger, t.floor, since ?? 0, 'read the history again');
        before = t.before;
        until = t.until;
    }
    else {
        const u = rvParam(q, 'until');
        if (u !== undefined)
            await waitForRv(ledger, u);
        until = u ?? ledger.committedRv;
    }
    const wanted = str(q, 'key');
    const keys = wanted === undefined ? undefined : await historyKeys(ledger, table, node, wanted);
    const existed = new Map();
    const existedAt = (rv) => existed.get(rv) ?? existed.set(rv, nodeExistedAt(ledger, node, rv)).get(rv);
    // Above the floor only (store/node-history.ts): `since` below it was refused above.
    const after = Math.max(since ?? 0, floor);
    const { changes: page, beforeId: next } = await nodeHistory(ledger.store, table, node, { existedAt, keys, limit, beforeId: before, since: after, until });
    const events = await eventsFor(ledger, page.map((r) => r.rv));
    const origins = await originsOf(ledger, events);
    const list = {
        kind: 'NodeTableHistory',
        apiVersion: 'netledger.io/v1',
        metadata: { name: node, resourceVersion: String(until) },
        table,
        items: page.map((r) => ({
            resourceVersion: String(r.rv),
            key: r.key,
            scope: r.scope,
            op: r.op,
            value: r.value,
            previous: r.prev === undefined ? null : r.prev,
            cause: causeOf(events.get(r.rv), r.rv),
            origin: ((o) => (o ? causeOf(o, o.rv) : null))(origins.get(r.rv)),
        })),
    };
    if (next !== undefined)
        list.metadata.continue = encodeToken('history', historyOf(node, table, q), { before: next, until, floor });
    return list;
}
/** The list a history token pages: the node's table, and the key when one was asked for. */
function historyOf(node, table, q) {
    const key = str(q, 'key');
    return `${node} ${table}${key === undefined ? '' : ` key=${key}`}`;
}
/**
 * The keys `?key=` names, by blame's rule (keyMatches: `KUBE-SVC-X` names `nat/KUBE-SVC-X`): the
 * node's live keys it matches; when none does (a chain or record removed since), the keys of the
 * node's layers in the history it matches; else the key as given.
 */
export async function historyKeys(ledger, table, node, wanted) {
    const set = ledger.engine.tables[table];
    const keys = new Set();
    for (const key of set.clusterEntries().keys())
        if (keyMatches(key, wanted, table))
            keys.add(key);
    for (const key of set.nodeOverrides(node)?.keys() ?? [])
        if (keyMatches(key, wanted, table))
            keys.add(key);
    if (keys.size)
        return [...keys].sort();
    const past = await ledger.store.db
        .selectFrom('table_changes')
        .select('key')
        .distinct()
        .where('table_name', '=', table)
        .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', node)]))
        // A suffix compared as text: LIKE would read `_` and `%` in a DNS key as wildcards.
        .where((eb) => eb.or([eb('key', '=', wanted), eb(sql `substr(key, ${-(wanted.length + 1)})`, '=', `/${wanted}`)]))
        .orderBy('key')
        .execute();
    return past.length ? past.map((r) => r.key) : [wanted];
}
//# sourceMappingURL=history.js.map