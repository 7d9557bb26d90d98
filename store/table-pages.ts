// Key-ordered pages of a node's table history: the changes after an rv of the keys in one key
// range, and the keys that changed between two rvs from a key on. Both walk the
// (table_name, key, rv) index, so a page of L keys costs what those keys' history holds, never
// the table's size nor the changes made elsewhere in the table.
//
// Synchronous on the raw handle: the appender applies and commits a batch in one synchronous
// step, so a page read here and the live entries it starts from are one consistent snapshot.

import { sql } from 'kysely';
import type { SyncStatement } from './sync-sql.js';
import type { TableName } from '../projections/model.js';
import type { EventStore } from './event-store.js';

export interface RangeChange {
  scope: string;
  key: string;
  rv: number;
  /** JSON text of the value before the change; null when the key was absent. */
  prev: string | null;
  /** rv of the change that had set `prev`; null when absent or not recorded (before migration 006). */
  prev_rv: number | null;
}

/** Keys strictly after `after`, up to and including `through` (open-ended when undefined). */
export interface KeyRange {
  after: string;
  through?: string;
}

interface PageStatements {
  firstIdAfter: SyncStatement;
  changesAfterId: SyncStatement;
  changesInRange: SyncStatement;
  changesFrom: SyncStatement;
  changedKeys: SyncStatement;
  changesOfKeys: SyncStatement;
  lastRvOfKeys: SyncStatement;
  lastChangeOfKey: SyncStatement;
}

const statements = new WeakMap<EventStore, PageStatements>();

/** The statements, compiled once by Kysely with placeholder values (parameter order noted). */
function prepared(store: EventStore): PageStatements {
  const done = statements.get(store);
  if (done) return done;
  const prepare = (q: { compile(): { sql: string } }) => store.sql.prepare(q.compile().sql);
  const changes = store.db
    .selectFrom('table_changes')
    .select(['scope', 'key', 'rv', 'prev', 'prev_rv'])
    .where('table_name', '=', '')
    .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', '')]))
    .where('rv', '>', 0)
    .where('key', '>', '');
  // A list of keys as one parameter (a JSON array): the statements are prepared once.
  const keysIn = store.backend === 'postgres' ? sql<string>`(select value from json_array_elements_text(${''}::json))` : sql<string>`(select value from json_each(${''}))`;
  const st: PageStatements = {
    // (rv, 1)
    firstIdAfter: prepare(store.db.selectFrom('table_changes').select('id').where('rv', '>', 0).orderBy('rv').orderBy('id').limit(1)).pluck(),
    // (table, scope, first id): one scope at a time, oldest first, so that the (table_name, scope,
    // id) index gives the order (both scopes in one query sorted ~50,000 rows in a temporary
    // B-tree); rows as arrays [key, prev, prev_rv, rv].
    changesAfterId: prepare(
      store.db.selectFrom('table_changes').select(['key', 'prev', 'prev_rv', 'rv']).where('table_name', '=', '').where('scope', '=', '').where('id', '>=', 0).orderBy('id'),
    ).raw(),
    // (table, node, rv, after[, through])
    changesFrom: prepare(changes.orderBy('id')),
    changesInRange: prepare(changes.where('key', '<=', '').orderBy('id')),
    // (table, node, older, newer, after, limit)
    changedKeys: prepare(
      store.db
        .selectFrom('table_changes')
        .select('key')
        .distinct()
        .where('table_name', '=', '')
        .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', '')]))
        .where('rv', '>', 0)
        .where('rv', '<=', 0)
        .where('key', '>', '')
        .orderBy('key')
        .limit(0),
    ),
    // (table, node, rv, keys as a JSON array)
    changesOfKeys: prepare(
      store.db
        .selectFrom('table_changes')
        .select(['scope', 'key', 'rv', 'prev', 'prev_rv'])
        .where('table_name', '=', '')
        .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', '')]))
        .where('rv', '>', 0)
        .where('key', 'in', keysIn)
        .orderBy('id'),
    ),
    // (table, scope, rv, keys as a JSON array)
    lastRvOfKeys: prepare(
      store.db
        .selectFrom('table_changes')
        .select(['key', sql<number>`max(rv)`.as('rv')])
        .where('table_name', '=', '')
        .where('scope', '=', '')
        .where('rv', '<=', 0)
        .where('key', 'in', keysIn)
        .groupBy('key'),
    ),
    // (table, key, scope, rv, 1)
    lastChangeOfKey: prepare(
      store.db
        .selectFrom('table_changes')
        .select(['id', 'rv', 'op', 'value', 'prev'])
        .where('table_name', '=', '')
        .where('key', '=', '')
        .where('scope', '=', '')
        .where('rv', '<=', 0)
        .orderBy('rv', 'desc')
        .orderBy('id', 'desc')
        .limit(1),
    ),
  };
  statements.set(store, st);
  return st;
}

/**
 * The id of the first table change after rv, undefined when none. Ids grow with rv (the appender
 * writes changes in rv order and compaction only deletes), so `id >= first` selects the changes
 * after rv through the (table_name, scope, id) index, where `rv > R` would filter a whole scope.
 */
export function firstChangeIdAfter(store: EventStore, rv: number): number | undefined {
  return prepared(store).firstIdAfter.get(rv, 1) as number | undefined;
}

/** One scope's changes from the change with id `first` on (every change after an rv: see
 * firstChangeIdAfter), oldest first, each as [key, prev, prev_rv, rv] (see RangeChange). */
export function changesFromId(store: EventStore, table: TableName, scope: string, first: number): IterableIterator<[string, string | null, number | null, number]> {
  return prepared(store).changesAfterId.iterate(table, scope, first) as IterableIterator<[string, string | null, number | null, number]>;
}

/** Changes a node sees (cluster scope and its own) after rv of the keys in range, oldest first. */
export function changesInKeyRange(store: EventStore, table: TableName, node: string, rv: number, range: KeyRange): RangeChange[] {
  const st = prepared(store);
  return (
    range.through === undefined
      ? st.changesFrom.all(table, '', node, rv, range.after)
      : st.changesInRange.all(table, '', node, rv, range.after, range.through)
  ) as RangeChange[];
}

/** Up to `limit` keys after `after`, ascending, that a node saw change in (older, newer]. */
export function changedKeysBetween(store: EventStore, table: TableName, node: string, older: number, newer: number, after: string, limit: number): string[] {
  return prepared(store).changedKeys.pluck().all(table, '', node, older, newer, after, limit) as string[];
}

/** Changes a node sees of the given keys after rv, oldest first. */
export function changesOfKeys(store: EventStore, table: TableName, node: string, rv: number, keys: readonly string[]): RangeChange[] {
  if (!keys.length) return [];
  return prepared(store).changesOfKeys.all(table, '', node, rv, JSON.stringify(keys)) as RangeChange[];
}

/** Per key, the rv of its last change in one scope at or before rv (keys never changed: absent). */
export function lastChangeRvs(store: EventStore, table: TableName, scope: string, rv: number, keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  if (!keys.length) return out;
  for (const r of prepared(store).lastRvOfKeys.all(table, scope, rv, JSON.stringify(keys)) as { key: string; rv: number }[]) out.set(r.key, r.rv);
  return out;
}

/** A key's last change in one scope at or before rv, undefined when it has none. */
export interface LayerChange {
  id: number;
  rv: number;
  op: 'upsert' | 'delete';
  /** JSON text; null for a delete. */
  value: string | null;
  /** JSON text before the change; null when the key was absent in that scope. */
  prev: string | null;
}

export function lastChangeOfKey(store: EventStore, table: TableName, scope: string, key: string, rv: number): LayerChange | undefined {
  return prepared(store).lastChangeOfKey.get(table, key, scope, rv, 1) as LayerChange | undefined;
}
