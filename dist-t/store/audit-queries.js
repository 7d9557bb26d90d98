// Reads for the audit API: the event log filtered and paged, and the raw table changes a node
// saw after an rv (diff). Values stay JSON text here: a diff compares texts and parses only
// what it returns.
import { rowToEvent } from './event-store.js';
import { firstChangeIdAfter } from './table-history.js';
/** Up to `limit` events matching the filter, oldest first. */
export async function eventsPage(store, f, limit) {
    const page = (who) => {
        let q = store.db.selectFrom('events').selectAll().where('rv', '>', f.after).where('rv', '<=', f.until);
        if (f.kind !== undefined)
            q = q.where('kind', '=', f.kind);
        if (f.namespace !== undefined)
            q = q.where('namespace', '=', f.namespace);
        if (f.name !== undefined)
            q = q.where('name', '=', f.name);
        if (who !== undefined)
            q = q.where(who, '=', f.actor);
        if (f.sinceTime !== undefined)
            q = q.where('time', '>=', f.sinceTime);
        if (f.untilTime !== undefined)
            q = q.where('time', '<=', f.untilTime);
        return q.orderBy('rv').limit(limit).execute();
    };
    if (f.actor === undefined)
        return (await page()).map(rowToEvent);
    // Who made it: the actor, or the user behind an impersonated one. One page along each index
    // (actor, rv) and (impersonated_by, rv), merged: `actor = ? OR impersonated_by = ?` in one
    // query sorted every matching row before the limit (143 ms a page for a busy actor in a
    // 300k-event log, against 0.8 ms on the index alone; scratch, a review of this change).
    const [own, behind] = await Promise.all([page('actor'), page('impersonated_by')]);
    const byRv = new Map([...own, ...behind].map((r) => [r.rv, r]));
    return [...byRv.values()]
        .sort((a, b) => a.rv - b.rv)
        .slice(0, limit)
        .map(rowToEvent);
}
/**
 * Changes of one table a node sees (cluster scope and its own) with rv > after: the cluster
 * scope's, newest first, then the node's, newest first (the caller orders them by id). One range
 * of the (table_name, scope, id) index per scope: with `scope IN (…)` in one query SQLite sorts
 * the union in a temporary B-tree (the 22k rows of bench audit's 10,000-rv diff at the envelope:
 * 44-48 ms against 37 ms as two ranges, in a one-off script running the queries alone; no bench
 * isolates it).
 */
export async function nodeChangesAfter(store, table, node, after) {
    const first = await firstChangeIdAfter(store, after);
    if (first === undefined)
        return [];
    const scopeRows = (scope) => store.db
        .selectFrom('table_changes')
        .select(['id', 'rv', 'scope', 'key', 'prev'])
        .where('table_name', '=', table)
        .where('scope', '=', scope)
        .where('id', '>=', first)
        .orderBy('id', 'desc')
        .execute();
    return [...(await scopeRows('')), ...(await scopeRows(node))];
}
/** The time of the retention floor: that of the last event at or below it (compaction keeps that
 * one, as every object's last event at or below the floor). Undefined for an empty log. */
export async function timeAtRv(store, rv) {
    const row = await store.db.selectFrom('events').select('time').where('rv', '<=', rv).orderBy('rv', 'desc').limit(1).executeTakeFirst();
    return row?.time;
}
/**
 * The type of an object's first event after `rv` (undefined when none is logged): whether the
 * object existed at rv follows from it (ADDED: not yet; MODIFIED or DELETED: it did) without
 * the events before rv, which compaction may have removed. One lookup on events_by_object.
 */
export function firstEventTypeAfter(store, kind, namespace, name, rv) {
    // Node history asks it for every rv a page tells.
    const row = prepared(store, 'select type from events where kind = ? and namespace = ? and name = ? and rv > ? order by rv limit 1').get(kind, namespace, name, rv);
    return row?.type;
}
/** An object's last logged event (its rv and type), undefined when none is. One lookup on
 * events_by_object. */
export function lastEventOf(store, kind, namespace, name) {
    return prepared(store, 'select rv, type from events where kind = ? and namespace = ? and name = ? order by rv desc limit 1').get(kind, namespace, name);
}
/** Statements prepared once per store (by their text). */
const statements = new WeakMap();
function prepared(store, text) {
    let byText = statements.get(store);
    if (!byText)
        statements.set(store, (byText = new Map()));
    let statement = byText.get(text);
    if (!statement)
        byText.set(text, (statement = store.sqlite.prepare(text)));
    return statement;
}
//# sourceMappingURL=audit-queries.js.map