// The database's tables: Kysely's typed view, the one source of truth for their shapes.
// migrations/ creates them; store/ queries them.

import type { Generated } from 'kysely';

export interface EventsTable {
  rv: number;
  time: string;
  actor: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  type: string;
  object: string;
  cause: number | null;
  request_id: string | null;
  /** The authenticated user who acted as `actor` through Impersonate-User (migration 005). */
  impersonated_by: string | null;
}

/** Current object state: a projection of the log, written in the same transaction as the events.
 * Each row names the event holding the object's current version (its text is in that event). */
export interface ObjectsTable {
  kind: string;
  namespace: string;
  name: string;
  rv: number;
}

/** Current table entries, per table, scope ('' = cluster) and key. Each row names the change
 * holding the entry's current value (its text is in that change). */
export interface TableEntriesTable {
  table_name: string;
  scope: string;
  key: string;
  rv: number;
  change_id: number;
}

/** Every change of every entry: history, diff, blame, time travel. */
export interface TableChangesTable {
  id: Generated<number>;
  rv: number;
  table_name: string;
  scope: string;
  key: string;
  op: string;
  value: string | null;
  prev: string | null;
  /** rv of the change that had set `prev` (migration 006; NULL in rows written before it, and
   * when the key was absent). */
  prev_rv: number | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface NodeStatusTable {
  node: string;
  report: string;
  updated: string;
}

export interface Database {
  events: EventsTable;
  objects: ObjectsTable;
  table_entries: TableEntriesTable;
  table_changes: TableChangesTable;
  meta: MetaTable;
  node_status: NodeStatusTable;
}
