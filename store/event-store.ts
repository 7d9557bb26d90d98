// The durable side of the log: one transaction per batch (events, object state, table entries
// and their history, head rv), and the reads that history, watches and start-up need.
//
// The write goes through Kysely's compiled queries run synchronously on better-sqlite3 inside one
// BEGIN IMMEDIATE … COMMIT: the batch is atomic and fsynced (synchronous=FULL) before we return.

import type { CompiledQuery, Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { LogEvent } from '../domain/events.js';
import type { Database } from './schema.js';
import type { TableChange } from '../projections/tables.js';
import type { OpenedDatabase } from './database.js';

const CHUNK = 400;

/** An event without its object: who changed what, when. */
export type EventHeader = Omit<LogEvent, 'object'> & { request_id?: string | null };

export interface StoredEntry {
  table: string;
  scope: string;
  key: string;
  rv: number;
  value: unknown;
}

export class EventStore {
  readonly db: Kysely<Database>;
  /** The raw handle: the write path and compaction run synchronous transactions on it. */
  readonly sqlite: BetterSqlite3.Database;

  constructor(opened: OpenedDatabase) {
    this.db = opened.db;
    this.sqlite = opened.sqlite;
  }

  /** Writes one batch atomically and durably. */
  commit(events: readonly LogEvent[], changes: readonly TableChange[]): void {
    if (!events.length) return;
    const queries: CompiledQuery[] = [];
    for (let i = 0; i < events.length; i += CHUNK) {
      const rows = events.slice(i, i + CHUNK).map((e) => ({
        rv: e.rv,
        time: e.time,
        actor: e.actor,
        kind: e.kind,
        namespace: e.namespace,
        name: e.name,
        uid: e.uid,
        type: e.type,
        object: JSON.stringify(e.object),
        cause: e.cause,
        request_id: e.requestId,
      }));
      queries.push(this.db.insertInto('events').values(rows).compile());
    }
    // Object state: the last event of each object in the batch wins.
    const last = new Map<string, LogEvent>();
    for (const e of events) last.set(`${e.kind}\0${e.namespace}\0${e.name}`, e);
    const upserts = [...last.values()].filter((e) => e.type !== 'DELETED');
    const deletes = [...last.values()].filter((e) => e.type === 'DELETED');
    for (let i = 0; i < upserts.length; i += CHUNK) {
      const rows = upserts.slice(i, i + CHUNK).map((e) => ({ kind: e.kind, namespace: e.namespace, name: e.name, rv: e.rv, object: JSON.stringify(e.object) }));
      queries.push(
        this.db
          .insertInto('objects')
          .values(rows)
          .onConflict((oc) => oc.columns(['kind', 'namespace', 'name']).doUpdateSet((eb) => ({ rv: eb.ref('excluded.rv'), object: eb.ref('excluded.object') })))
          .compile(),
      );
    }
    for (const e of deletes) {
      queries.push(this.db.deleteFrom('objects').where('kind', '=', e.kind).where('namespace', '=', e.namespace).where('name', '=', e.name).compile());
    }
    // Table entries (last change per key wins) and every change into history.
    const lastChange = new Map<string, TableChange>();
    for (const c of changes) lastChange.set(`${c.table}\0${c.scope}\0${c.key}`, c);
    const entryUpserts = [...lastChange.values()].filter((c) => c.op === 'upsert');
    for (let i = 0; i < entryUpserts.length; i += CHUNK) {
      const rows = entryUpserts.slice(i, i + CHUNK).map((c) => ({ table_name: c.table, scope: c.scope, key: c.key, rv: c.rv, value: JSON.stringify(c.value) }));
      queries.push(
        this.db
          .insertInto('table_entries')
          .values(rows)
          .onConflict((oc) => oc.columns(['table_name', 'scope', 'key']).doUpdateSet((eb) => ({ rv: eb.ref('excluded.rv'), value: eb.ref('excluded.value') })))
          .compile(),
      );
    }
    for (const c of lastChange.values()) {
      if (c.op !== 'delete') continue;
      queries.push(this.db.deleteFrom('table_entries').where('table_name', '=', c.table).where('scope', '=', c.scope).where('key', '=', c.key).compile());
    }
    for (let i = 0; i < changes.length; i += CHUNK) {
      const rows = changes.slice(i, i + CHUNK).map((c) => ({
        rv: c.rv,
        table_name: c.table,
        scope: c.scope,
        key: c.key,
        op: c.op,
        value: c.op === 'delete' ? null : JSON.stringify(c.value),
        prev: c.prev === undefined ? null : JSON.stringify(c.prev),
      }));
      queries.push(this.db.insertInto('table_changes').values(rows).compile());
    }
    const head = events[events.length - 1]!.rv;
    queries.push(
      this.db
        .insertInto('meta')
        .values({ key: 'head_rv', value: String(head) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(head) }))
        .compile(),
    );
    this.runInTransaction(queries);
  }

  private runInTransaction(queries: CompiledQuery[]): void {
    const run = this.sqlite.transaction(() => {
      for (const q of queries) this.statement(q.sql).run(...(q.parameters as unknown[]));
    });
    run.immediate();
  }

  /** Prepared statements by SQL text; batches repeat a few shapes, so this stays small. */
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private statement(text: string): BetterSqlite3.Statement {
    let st = this.statements.get(text);
    if (!st) {
      if (this.statements.size > 512) this.statements.clear();
      st = this.sqlite.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  async headRv(): Promise<number> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', 'head_rv').executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  async floorRv(): Promise<number> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', 'floor_rv').executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  async loadObjects(): Promise<{ kind: string; namespace: string; name: string; rv: number; object: unknown }[]> {
    const rows = await this.db.selectFrom('objects').selectAll().orderBy('rv').execute();
    return rows.map((r) => ({ ...r, object: JSON.parse(r.object) }));
  }

  async loadEntries(): Promise<StoredEntry[]> {
    const rows = await this.db.selectFrom('table_entries').selectAll().execute();
    return rows.map((r) => ({ table: r.table_name, scope: r.scope, key: r.key, rv: r.rv, value: JSON.parse(r.value) }));
  }

  /** Events with since < rv <= until, oldest first. */
  async eventsBetween(since: number, until: number, limit = 10_000): Promise<LogEvent[]> {
    const rows = await this.db.selectFrom('events').selectAll().where('rv', '>', since).where('rv', '<=', until).orderBy('rv').limit(limit).execute();
    return rows.map(rowToEvent);
  }

  /** The last event of one object at or before rv (its state then), if any. */
  async lastEventAtOrBefore(kind: string, namespace: string, name: string, rv: number): Promise<LogEvent | undefined> {
    const row = await this.db
      .selectFrom('events')
      .selectAll()
      .where('kind', '=', kind)
      .where('namespace', '=', namespace)
      .where('name', '=', name)
      .where('rv', '<=', rv)
      .orderBy('rv', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? rowToEvent(row) : undefined;
  }

  /** Event headers (no object) by rv, for naming the causes of many entries at once. */
  async eventsByRv(rvs: readonly number[]): Promise<Map<number, EventHeader>> {
    const out = new Map<number, EventHeader>();
    const unique = [...new Set(rvs)].filter((rv) => rv > 0);
    for (let i = 0; i < unique.length; i += CHUNK) {
      const rows = await this.db
        .selectFrom('events')
        .select(['rv', 'time', 'actor', 'kind', 'namespace', 'name', 'uid', 'type', 'cause', 'request_id'])
        .where('rv', 'in', unique.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) out.set(r.rv, { ...r, type: r.type as LogEvent['type'], requestId: r.request_id });
    }
    return out;
  }

  async event(rv: number): Promise<LogEvent | undefined> {
    const row = await this.db.selectFrom('events').selectAll().where('rv', '=', rv).executeTakeFirst();
    return row ? rowToEvent(row) : undefined;
  }

  close(): Promise<void> {
    return this.db.destroy();
  }
}

export function rowToEvent(r: Database['events']): LogEvent {
  return {
    rv: r.rv,
    time: r.time,
    actor: r.actor,
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    uid: r.uid,
    type: r.type as LogEvent['type'],
    object: JSON.parse(r.object),
    cause: r.cause,
    requestId: r.request_id,
  };
}
