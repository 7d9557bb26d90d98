// Key-ordered pages of a node's table history: the changes after an rv of the keys in one key
// range, and the keys that changed between two rvs from a key on. Both walk the
// (table_name, key, rv) index, so a page of L keys costs what those keys' history holds, never
// the table's size nor the changes made elsewhere in the table.
//
// Synchronous on the raw handle: the appender applies and commits a batch in one synchronous
// step, so a page read here and the live entries it starts from are one consistent snapshot.
import { sql } from 'kysely';
const statements = new WeakMap();
/** The statements, compiled once by Kysely with placeholder values (parameter order noted). */
function prepared(store) {
    const done = statements.get(store);
    if (done)
        return done;
    const prepare = (q) => store.sqlite.prepare(q.compile().sql);
    const changes = store.db
        .selectFrom('table_changes')
        .select(['scope', 'key', 'rv', 'prev', 'prev_rv'])
        .where('table_name', '=', '')
        .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', '')]))
        .where('rv', '>', 0)
        .where('key', '>', '');
    const keysIn = sql `(select value from json_each(${''}))`;
    const st = {
        // (table, scope, first id): one scope at a time, oldest first, so that the (table_name, scope,
        // id) index gives the order (both scopes in one query sorted ~50,000 rows in a temporary
        // B-tree); rows as arrays [key, prev, prev_rv].
        changesAfterId: prepare(store.db.selectFrom('table_changes').select(['key', 'prev', 'prev_rv']).where('table_name', '=', '').where('scope', '=', '').where('id', '>=', 0).orderBy('id')).raw(),
        // (table, node, rv, after[, through])
        changesFrom: prepare(changes.orderBy('id')),
        changesInRange: prepare(changes.where('key', '<=', '').orderBy('id')),
        // (table, node, older, newer, after, limit)
        changedKeys: prepare(store.db
            .selectFrom('table_changes')
            .select('key')
            .distinct()
            .where('table_name', '=', '')
            .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', '')]))
            .where('rv', '>', 0)
            .where('rv', '<=', 0)
            .where('key', '>', '')
            .orderBy('key')
            .limit(0)),
        // (table, node, rv, keys as a JSON array)
        changesOfKeys: prepare(store.db
            .selectFrom('table_changes')
            .select(['scope', 'key', 'rv', 'prev', 'prev_rv'])
            .where('table_name', '=', '')
            .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', '')]))
            .where('rv', '>', 0)
            .where('key', 'in', keysIn)
            .orderBy('id', 'desc')),
        // (table, scope, rv, keys as a JSON array)
        lastRvOfKeys: prepare(store.db
            .selectFrom('table_changes')
            .select(['key', sql `max(rv)`.as('rv')])
            .where('table_name', '=', '')
            .where('scope', '=', '')
            .where('rv', '<=', 0)
            .where('key', 'in', keysIn)
            .groupBy('key')),
        // (table, key, scope, rv, 1)
        lastChangeOfKey: prepare(store.db
            .selectFrom('table_changes')
            .select(['id', 'rv', 'op', 'value', 'prev'])
            .where('table_name', '=', '')
            .where('key', '=', '')
            .where('scope', '=', '')
            .where('rv', '<=', 0)
            .orderBy('rv', 'desc')
            .orderBy('id', 'desc')
            .limit(1)),
    };
    statements.set(store, st);
    return st;
}
/** One scope's changes from the change with id `first` on (every change after an rv: see
 * firstChangeIdAfter), oldest first, each as [key, prev, prev_rv] (see RangeChange). */
export function changesFromId(store, table, scope, first) {
    return prepared(store).changesAfterId.iterate(table, scope, first);
}
/** Changes a node sees (cluster scope and its own) after rv of the keys in range, oldest first. */
export function changesInKeyRange(store, table, node, rv, range) {
    const st = prepared(store);
    return (range.through === undefined
        ? st.changesFrom.all(table, '', node, rv, range.after)
        : st.changesInRange.all(table, '', node, rv, range.after, range.through));
}
/** Up to `limit` keys after `after`, ascending, that a node saw change in (older, newer]. */
export function changedKeysBetween(store, table, node, older, newer, after, limit) {
    return prepared(store).changedKeys.pluck().all(table, '', node, older, newer, after, limit);
}
/** Changes a node sees of the given keys after rv, newest first. */
export function changesOfKeys(store, table, node, rv, keys) {
    if (!keys.length)
        return [];
    return prepared(store).changesOfKeys.all(table, '', node, rv, JSON.stringify(keys));
}
/** Per key, the rv of its last change in one scope at or before rv (keys never changed: absent). */
export function lastChangeRvs(store, table, scope, rv, keys) {
    const out = new Map();
    if (!keys.length)
        return out;
    for (const r of prepared(store).lastRvOfKeys.all(table, scope, rv, JSON.stringify(keys)))
        out.set(r.key, r.rv);
    return out;
}
export function lastChangeOfKey(store, table, scope, key, rv) {
    return prepared(store).lastChangeOfKey.get(table, key, scope, rv, 1);
}
//# sourceMappingURL=table-pages.js.map