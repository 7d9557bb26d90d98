// The deltas one node sees after an rv: from the in-memory change ring when it reaches back,
// otherwise rebuilt from table history by rolling the node's view forward from its state at R.

import { CLUSTER, type TableName } from '../projections/model.js';
import { deltaFor, type NodeDelta, type PublishedChange } from '../projections/tables.js';
import type { Ledger } from './ledger.js';
import { layersAt } from './table-history.js';
import { firstChangeIdAfter } from './table-pages.js';

export interface RvDelta {
  rv: number;
  /** The event's time (when known). */
  time?: string;
  changes: NodeDelta[];
}

/** Node deltas of every rv in (since, until], oldest first; rvs that did not change the node are left out. */
export async function nodeDeltasSince(ledger: Ledger, node: string, tables: readonly TableName[], since: number, until: number): Promise<RvDelta[]> {
  const cached = ledger.cache.since(since);
  if (cached) {
    const out: RvDelta[] = [];
    for (const c of cached) {
      if (c.event.rv > until) break;
      const changes = deltasOf(node, tables, c.changes);
      if (changes.length) out.push({ rv: c.event.rv, time: c.event.time, changes });
    }
    return out;
  }
  return rollForward(ledger, node, tables, since, until);
}

export function deltasOf(node: string, tables: readonly TableName[], changes: readonly PublishedChange[]): NodeDelta[] {
  const byKey = new Map<string, NodeDelta>();
  for (const c of changes) {
    if (!tables.includes(c.table)) continue;
    const d = deltaFor(node, c);
    if (d) byKey.set(`${d.table}\0${d.key}`, d);
  }
  return [...byKey.values()];
}

async function rollForward(ledger: Ledger, node: string, tables: readonly TableName[], since: number, until: number): Promise<RvDelta[]> {
  const byRv = new Map<number, Map<string, NodeDelta>>();
  const first = firstChangeIdAfter(ledger.store, since);
  if (first === undefined) return [];
  for (const table of tables) {
    // The node's two layers at R, then every later change applied in order.
    const at = layersAt(ledger.store, ledger.engine.tables[table], node, since, ledger.committedRv);
    const cluster = new Map<string, unknown>([...at.cluster].map(([k, e]) => [k, e.value]));
    const own = new Map<string, unknown>([...at.own].map(([k, e]) => [k, e.value]));
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
      const view = (k: string) => (own.has(k) ? own.get(k) : cluster.get(k));
      const before = view(r.key);
      const target = r.scope === CLUSTER ? cluster : own;
      if (r.op === 'delete') target.delete(r.key);
      else target.set(r.key, JSON.parse(r.value!));
      const after = view(r.key);
      const b = before === null ? undefined : before;
      const a = after === null ? undefined : after;
      if (JSON.stringify(a) === JSON.stringify(b)) continue;
      let m = byRv.get(r.rv);
      if (!m) byRv.set(r.rv, (m = new Map()));
      m.set(`${table}\0${r.key}`, a === undefined ? { table, op: 'delete', key: r.key } : { table, op: 'upsert', key: r.key, value: a });
    }
  }
  const rvs = [...byRv.keys()].sort((x, y) => x - y);
  const events = await ledger.store.eventsByRv(rvs);
  return rvs.map((rv) => ({ rv, time: events.get(rv)?.time, changes: [...byRv.get(rv)!.values()] }));
}
