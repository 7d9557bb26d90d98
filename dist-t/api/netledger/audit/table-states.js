// A node's table at two rvs, computed together: start from the live entries of the keys that
// changed after the older rv and undo those changes newest first, taking a snapshot when the
// walk passes the newer rv. Cost follows the changes since the older rv, never the table size,
// and values stay JSON text until someone needs them.
import { nodeChangesAfter } from '../../../store/audit-queries.js';
/**
 * The rows after `after` plus the live table they undo from, consistently: a commit landing
 * between the query and our continuation would put live ahead of the rows, so fetch again
 * until no commit slipped in.
 */
async function stableChanges(ledger, table, node, after, withLive) {
    let rows = [];
    let from = after;
    for (;;) {
        const headBefore = ledger.committedRv;
        const more = await nodeChangesAfter(ledger.store, table, node, from);
        rows = more.length ? more.concat(rows.length ? rows : []) : rows;
        if (ledger.committedRv === headBefore) {
            // Synchronously from here on: the live tables cannot move under us.
            const set = ledger.engine.tables[table];
            const live = withLive ? set.nodeTable(node) : new Map();
            return { rows: dedupe(rows), liveRv: ledger.committedRv, set, live };
        }
        from = headBefore;
    }
}
/** Each id once (a re-fetch from `headBefore` can return rows already held), newest first: the
 * query returns one scope's rows after the other's. */
function dedupe(rows) {
    const seen = new Set();
    const out = rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
    return out.sort((x, y) => y.id - x.id);
}
export async function nodeTableStates(ledger, table, node, older, newer, withLive = false) {
    const { rows, liveRv, set, live } = await stableChanges(ledger, table, node, older, withLive);
    return { ...foldStates(rows, set, node, newer, liveRv), live };
}
/**
 * The touched keys' values at both rvs, from the live entries and the changes after the older rv
 * (newest first) that `rows` holds for them: undo the changes one by one, taking a snapshot when
 * the walk passes the newer rv. The rows and `set` must be one snapshot at liveRv.
 */
export function foldStates(rows, set, node, newer, liveRv) {
    const cluster = new Map();
    const own = new Map();
    for (const r of rows) {
        if (!cluster.has(r.key))
            cluster.set(r.key, set.get('', r.key)?.encoded);
        if (!own.has(r.key))
            own.set(r.key, set.get(node, r.key)?.encoded);
    }
    const snapshot = () => {
        const out = new Map();
        for (const key of cluster.keys()) {
            const o = own.get(key);
            out.set(key, o !== undefined ? (o === 'null' ? undefined : o) : cluster.get(key));
        }
        return out;
    };
    let newerState = newer >= liveRv ? snapshot() : undefined;
    for (const r of rows) {
        if (!newerState && r.rv <= newer)
            newerState = snapshot();
        (r.scope === '' ? cluster : own).set(r.key, r.prev ?? undefined);
    }
    const olderState = snapshot();
    return { liveRv, older: olderState, newer: newerState ?? olderState };
}
/** The whole table at one of the two rvs: the live table with the touched keys put back. */
export function wholeTable(states, which) {
    const touched = states[which];
    const out = new Map();
    // Both key lists are sorted: merge them instead of sorting the whole table again.
    const extra = [...touched.keys()].filter((k) => !states.live.has(k)).sort();
    let i = 0;
    const put = (k) => {
        if (touched.has(k)) {
            const text = touched.get(k);
            if (text !== undefined)
                out.set(k, JSON.parse(text));
        }
        else
            out.set(k, states.live.get(k).value);
    };
    for (const k of states.live.keys()) {
        while (i < extra.length && extra[i] < k)
            put(extra[i++]);
        put(k);
    }
    while (i < extra.length)
        put(extra[i++]);
    return out;
}
//# sourceMappingURL=table-states.js.map