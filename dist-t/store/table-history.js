// Reads of table history: a node's table at a past rv (time travel), the changes of a table or
// key, and the last-change rv at an rv. Time travel starts from the live entries and undoes the
// changes after R (newest first), so its cost follows what changed since R, not the log's length.
import { sql } from 'kysely';
import { entryHash } from '../projections/tables.js';
import { mergeSorted } from '../projections/sorted-keys.js';
import { changesFromId, changesInKeyRange, lastChangeRvs } from './table-pages.js';
/** Undoes one change after the rv, the changes taken oldest first: a key's first change after
 * the rv holds what it was at the rv (its previous value, and that value's rv); later ones are
 * skipped. */
function undo(back, scope, key, prev, prevRv) {
    const undone = scope === '' ? back.cluster : back.own;
    if (undone.has(key))
        return;
    undone.set(key, prev);
    if (prev !== null && prevRv !== null)
        back.rvs.set(`${scope}\0${key}`, prevRv);
}
/**
 * The id of the first table change after rv, undefined when none. Ids grow with rv (the appender
 * writes changes in rv order and compaction only deletes), so `id >= first` selects the changes
 * after rv through the (table_name, scope, id) index, where `rv > R` would filter a whole scope.
 */
export async function firstChangeIdAfter(store, rv) {
    const row = await store.db.selectFrom('table_changes').select('id').where('rv', '>', rv).orderBy('rv').orderBy('id').limit(1).executeTakeFirst();
    return row?.id;
}
/** Undoes a node's view of a table (cluster scope and its own) back to rv: cost follows what
 * changed since rv, never the table's size. */
export async function rewind(store, table, node, rv, liveRv) {
    const out = { cluster: new Map(), own: new Map(), rvs: new Map() };
    const first = rv >= liveRv ? undefined : await firstChangeIdAfter(store, rv);
    if (first === undefined)
        return out;
    for (const scope of ['', node])
        for (const [key, prev, prevRv] of changesFromId(store, table, scope, first))
            undo(out, scope, key, prev, prevRv);
    return out;
}
/** A node's two layers of a table at rv — the cluster entries and its own overrides (tombstones
 * kept, as value null); restored entries have rv -1 (not yet known). */
export async function layersAt(store, tables, node, rv, liveRv) {
    const back = await rewind(store, tables.table, node, rv, liveRv);
    const layer = (live, undone) => {
        const out = new Map();
        for (const [k, e] of live)
            if (!undone.has(k))
                out.set(k, past(k, e));
        for (const [k, text] of undone)
            if (text !== null)
                out.set(k, restored(k, text, -1));
        return out;
    };
    return { cluster: layer(tables.clusterEntries(), back.cluster), own: layer(tables.nodeOverrides(node) ?? [], back.own) };
}
/**
 * A node's table at rv: the live entries in key order with the rewound keys put back. Nothing is
 * copied or parsed for keys that did not change since rv; restored values stay JSON text, and
 * the digest is the live sum adjusted by those keys only.
 */
export async function nodeTableAt(store, tables, node, rv, liveRv) {
    const back = await rewind(store, tables.table, node, rv, liveRv);
    const { entries, adjustment } = entriesAt(store, tables, node, rv, tables.nodeKeys(node), back);
    return { entries, digest: tables.digest(node, adjustment) };
}
/**
 * Up to `limit` entries of a node's table at rv whose keys come after `after`: the next `limit`
 * live keys, with that key range alone rewound (changesInKeyRange). Its cost follows the page
 * and its keys' history, never the table's size or the changes since rv elsewhere.
 */
export function nodeTablePageAt(store, tables, node, rv, liveRv, after, limit) {
    const { keys: window, more } = tables.nodeKeysAfter(node, after, limit);
    const range = { after, through: more ? window[window.length - 1] : undefined };
    const back = { cluster: new Map(), own: new Map(), rvs: new Map() };
    if (rv < liveRv)
        for (const r of changesInKeyRange(store, tables.table, node, rv, range))
            undo(back, r.scope, r.key, r.prev, r.prev_rv);
    const { entries } = entriesAt(store, tables, node, rv, window, back);
    // Keys put back (deleted since rv) can make the range hold more than `limit` entries.
    if (entries.length > limit)
        return { entries: entries.slice(0, limit), next: entries[limit - 1].key };
    return { entries, next: range.through };
}
/**
 * The effective entries at rv of the live keys given (sorted) and of the rewound keys, merged in
 * key order, and how far the node's digest moves between live and rv. Keys untouched since rv
 * are the live entries themselves.
 */
function entriesAt(store, tables, node, rv, keys, back) {
    const extra = [...back.cluster.keys(), ...back.own.keys()].filter((k) => !tables.get('', k) && !tables.get(node, k));
    const all = extra.length ? mergeSorted(keys, [...new Set(extra)].sort()) : keys;
    const rvs = restoredRvs(store, tables.table, node, rv, back);
    const entries = [];
    let adjustment = 0n;
    // A live read rewinds nothing: its 100k+ keys need not be looked up in empty maps.
    const rewound = back.cluster.size > 0 || back.own.size > 0;
    for (const k of all) {
        if (!rewound || (!back.cluster.has(k) && !back.own.has(k))) {
            const e = tables.effective(node, k);
            if (e)
                entries.push(live(e, k));
            continue;
        }
        const own = back.own.has(k) ? back.own.get(k) : (tables.get(node, k)?.encoded ?? null);
        const cluster = back.cluster.has(k) ? back.cluster.get(k) : (tables.get('', k)?.encoded ?? null);
        const text = own !== null ? (own === 'null' ? null : own) : cluster;
        const scope = own !== null ? node : '';
        adjustment -= tables.effective(node, k)?.hash ?? 0n;
        if (text === null)
            continue;
        adjustment += entryHash(tables.table, k, text);
        const undone = (scope === '' ? back.cluster : back.own).has(k);
        entries.push(undone ? restored(k, text, rvs.get(`${scope}\0${k}`) ?? 0) : live(tables.get(scope, k), k));
    }
    return { entries, adjustment };
}
/** The rv of each restored value: recorded by the change that undid it, else (rows from before
 * migration 006) that of its key's last change at or before rv, per scope. */
function restoredRvs(store, table, node, rv, back) {
    const out = back.rvs;
    for (const [scope, undone] of [['', back.cluster], [node, back.own]]) {
        const keys = [...undone].filter(([k, text]) => text !== null && !out.has(`${scope}\0${k}`)).map(([k]) => k);
        for (const [key, at] of lastChangeRvs(store, table, scope, rv, keys))
            out.set(`${scope}\0${key}`, at);
    }
    return out;
}
function live(e, key) {
    return { key, value: e.value, rv: e.rv, text: e.encoded, entry: e };
}
function past(key, e) {
    return live(e, key);
}
/** A value put back from history: parsed only if someone reads `value`. */
function restored(key, text, rv) {
    let parsed;
    let done = false;
    return {
        key,
        rv,
        text,
        get value() {
            if (!done) {
                parsed = JSON.parse(text);
                done = true;
            }
            return parsed;
        },
    };
}
/** rv of the table's last change at or before rv (any scope), 0 when none. */
export async function lastChangeAt(store, table, rv) {
    const row = await store.db
        .selectFrom('table_changes')
        .select(sql `max(rv)`.as('rv'))
        .where('table_name', '=', table)
        .where('rv', '<=', rv)
        .executeTakeFirst();
    return row?.rv ?? 0;
}
/** One key of a node's table at rv: the live layers rewound by that key's later changes only, so
 * its cost follows the key's history, not the table's size. */
export async function nodeEntryAt(store, tables, node, key, rv, liveRv) {
    const layer = (scope) => {
        const e = tables.get(scope, key);
        return e ? past(key, e) : undefined;
    };
    let cluster = layer('');
    let own = layer(node);
    if (rv < liveRv) {
        const rows = await store.db
            .selectFrom('table_changes')
            .select(['scope', 'prev'])
            .where('table_name', '=', tables.table)
            .where('key', '=', key)
            .where('rv', '>', rv)
            .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', node)]))
            .orderBy('id', 'desc')
            .execute();
        const undone = new Set();
        for (const r of rows) {
            const back = r.prev === null ? undefined : restored(key, r.prev, 0);
            if (r.scope === '')
                cluster = back;
            else
                own = back;
            undone.add(r.scope);
        }
        for (const scope of undone) {
            const e = scope === '' ? cluster : own;
            if (!e)
                continue;
            const row = await store.db
                .selectFrom('table_changes')
                .select(sql `max(rv)`.as('rv'))
                .where('table_name', '=', tables.table)
                .where('key', '=', key)
                .where('scope', '=', scope)
                .where('rv', '<=', rv)
                .executeTakeFirst();
            e.rv = row?.rv ?? 0;
        }
    }
    const e = own !== undefined ? own : cluster;
    return e && e.value !== null ? e : undefined;
}
//# sourceMappingURL=table-history.js.map