// Reads of table history: a node's table at a past rv (time travel), the changes of a table or
// key, and the last-change rv at an rv. Time travel starts from the live entries and undoes the
// changes after R (newest first), so its cost follows what changed since R, not the log's length.

import { sql } from 'kysely';
import type { TableName } from '../projections/model.js';
import type { Entry, TableSet } from '../projections/tables.js';
import type { EventStore } from './event-store.js';

export interface PastEntry {
  key: string;
  value: unknown;
  rv: number;
}

export interface ChangeRow {
  id: number;
  rv: number;
  table: TableName;
  scope: string;
  key: string;
  op: 'upsert' | 'delete';
  value: unknown;
  prev: unknown;
}

/** A node's two layers of a table at rv — the cluster entries and its own overrides (tombstones
 * kept, as value null) — rewound from the live ones by undoing the changes after rv, newest
 * first; `undone` names the (scope, key) pairs restored that way, whose rv is not yet known. */
export async function layersAt(store: EventStore, tables: TableSet, node: string, rv: number, liveRv: number) {
  const cluster = new Map<string, PastEntry>();
  const own = new Map<string, PastEntry>();
  for (const [k, e] of tables.clusterEntries()) cluster.set(k, past(k, e));
  for (const [k, e] of tables.nodeOverrides(node) ?? []) own.set(k, past(k, e));
  const undone = new Set<string>();
  if (rv < liveRv) {
    const rows = await store.db
      .selectFrom('table_changes')
      .select(['scope', 'key', 'prev'])
      .where('table_name', '=', tables.table)
      .where('rv', '>', rv)
      .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', node)]))
      .orderBy('id', 'desc')
      .execute();
    for (const r of rows) {
      const target = r.scope === '' ? cluster : own;
      if (r.prev === null) target.delete(r.key);
      else target.set(r.key, { key: r.key, value: JSON.parse(r.prev), rv: -1 });
      undone.add(`${r.scope}\0${r.key}`);
    }
  }
  return { cluster, own, undone };
}

export async function nodeTableAt(store: EventStore, tables: TableSet, node: string, rv: number, liveRv: number): Promise<Map<string, PastEntry>> {
  const { cluster, own, undone } = await layersAt(store, tables, node, rv, liveRv);
  if (undone.size) {
    // The rv of a restored value is that of its last change at or before R: one grouped query
    // per scope and chunk of keys, not one per key.
    for (const scope of ['', node]) {
      const target = scope === '' ? cluster : own;
      const keys = [...undone].filter((id) => id.startsWith(`${scope}\0`)).map((id) => id.slice(scope.length + 1)).filter((k) => target.get(k));
      for (let i = 0; i < keys.length; i += 400) {
        const rows = await store.db
          .selectFrom('table_changes')
          .select(['key', sql<number>`max(rv)`.as('rv')])
          .where('table_name', '=', tables.table)
          .where('scope', '=', scope)
          .where('rv', '<=', rv)
          .where('key', 'in', keys.slice(i, i + 400))
          .groupBy('key')
          .execute();
        for (const r of rows) target.get(r.key)!.rv = r.rv;
      }
    }
  }
  const out = new Map<string, PastEntry>();
  const keys = new Set([...cluster.keys(), ...own.keys()]);
  for (const k of [...keys].sort()) {
    // No override at R (absent or undone) means the cluster value shows; a tombstone hides it.
    const o = own.get(k);
    const e = o !== undefined ? o : cluster.get(k);
    if (e && e.value !== null) out.set(k, e.rv < 0 ? { ...e, rv: 0 } : e);
  }
  return out;
}

function past(key: string, e: Entry): PastEntry {
  return { key, value: e.value, rv: e.rv };
}

/** rv of the table's last change at or before rv (any scope), 0 when none. */
export async function lastChangeAt(store: EventStore, table: TableName, rv: number): Promise<number> {
  const row = await store.db
    .selectFrom('table_changes')
    .select(sql<number>`max(rv)`.as('rv'))
    .where('table_name', '=', table)
    .where('rv', '<=', rv)
    .executeTakeFirst();
  return row?.rv ?? 0;
}

/** Changes that a node sees (cluster scope or its own), newest first, paged by change id. */
export async function nodeHistory(
  store: EventStore,
  table: TableName,
  node: string,
  opts: { key?: string; limit: number; beforeId?: number; since?: number; until?: number },
): Promise<ChangeRow[]> {
  let q = store.db
    .selectFrom('table_changes')
    .selectAll()
    .where('table_name', '=', table)
    .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', node)]));
  if (opts.key !== undefined) q = q.where('key', '=', opts.key);
  if (opts.beforeId !== undefined) q = q.where('id', '<', opts.beforeId);
  if (opts.since !== undefined) q = q.where('rv', '>', opts.since);
  if (opts.until !== undefined) q = q.where('rv', '<=', opts.until);
  const rows = await q.orderBy('id', 'desc').limit(opts.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    rv: r.rv,
    table: r.table_name as TableName,
    scope: r.scope,
    key: r.key,
    op: r.op as 'upsert' | 'delete',
    value: r.value === null ? null : JSON.parse(r.value),
    prev: r.prev === null ? undefined : JSON.parse(r.prev),
  }));
}

/** One key of a node's table at rv: the live layers rewound by that key's later changes only, so
 * its cost follows the key's history, not the table's size. */
export async function nodeEntryAt(store: EventStore, tables: TableSet, node: string, key: string, rv: number, liveRv: number): Promise<PastEntry | undefined> {
  const layer = (scope: string): PastEntry | undefined => {
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
    const undone = new Set<string>();
    for (const r of rows) {
      const restored = r.prev === null ? undefined : { key, value: JSON.parse(r.prev), rv: 0 };
      if (r.scope === '') cluster = restored;
      else own = restored;
      undone.add(r.scope);
    }
    for (const scope of undone) {
      const e = scope === '' ? cluster : own;
      if (!e) continue;
      const row = await store.db
        .selectFrom('table_changes')
        .select(sql<number>`max(rv)`.as('rv'))
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
