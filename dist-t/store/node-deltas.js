// The deltas one node sees after an rv: from the in-memory change ring when it reaches back,
// otherwise rebuilt from table history by rolling the node's view forward from its state at R.
import { CLUSTER } from '../projections/model.js';
import { deltaFor } from '../projections/tables.js';
import { firstChangeIdAfter, layersAt } from './table-history.js';
/** Node deltas of every rv in (since, until], oldest first; rvs that did not change the node are left out. */
export async function nodeDeltasSince(ledger, node, tables, since, until) {
    const cached = ledger.cache.since(since);
    if (cached) {
        const out = [];
        for (const c of cached) {
            if (c.event.rv > until)
                break;
            const changes = deltasOf(node, tables, c.changes);
            if (changes.length)
                out.push({ rv: c.event.rv, time: c.event.time, changes });
        }
        return out;
    }
    return rollForward(ledger, node, tables, since, until);
}
export function deltasOf(node, tables, changes) {
    const byKey = new Map();
    for (const c of changes) {
        if (!tables.includes(c.table))
            continue;
        const d = deltaFor(node, c);
        if (d)
            byKey.set(`${d.table}\0${d.key}`, d);
    }
    return [...byKey.values()];
}
async function rollForward(ledger, node, tables, since, until) {
    const byRv = new Map();
    const first = await firstChangeIdAfter(ledger.store, since);
    if (first === undefined)
        return [];
    for (const table of tables) {
        // The node's two layers at R, then every later change applied in order.
        const at = await layersAt(ledger.store, ledger.engine.tables[table], node, since, ledger.committedRv);
        const cluster = new Map([...at.cluster].map(([k, e]) => [k, e.value]));
        const own = new Map([...at.own].map(([k, e]) => [k, e.value]));
        const rows = await ledger.store.db
            .selectFrom('table_changes')
            .selectAll()
            .where('table_name', '=', table)
            .where('id', '>=', first)
            .where('rv', '<=', until)
            .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', node)]))
            .orderBy('id')
            .execute();
        for (const r of rows) {
            const view = (k) => (own.has(k) ? own.get(k) : cluster.get(k));
            const before = view(r.key);
            const target = r.scope === CLUSTER ? cluster : own;
            if (r.op === 'delete')
                target.delete(r.key);
            else
                target.set(r.key, JSON.parse(r.value));
            const after = view(r.key);
            const b = before === null ? undefined : before;
            const a = after === null ? undefined : after;
            if (JSON.stringify(a) === JSON.stringify(b))
                continue;
            let m = byRv.get(r.rv);
            if (!m)
                byRv.set(r.rv, (m = new Map()));
            m.set(`${table}\0${r.key}`, a === undefined ? { table, op: 'delete', key: r.key } : { table, op: 'upsert', key: r.key, value: a });
        }
    }
    const rvs = [...byRv.keys()].sort((x, y) => x - y);
    const events = await ledger.store.eventsByRv(rvs);
    return rvs.map((rv) => ({ rv, time: events.get(rv)?.time, changes: [...byRv.get(rv).values()] }));
}
//# sourceMappingURL=node-deltas.js.map