// The durable side of the log: one transaction per batch (events, object state, table entries
// and their history, head rv), and the reads that history, watches and start-up need.
//
// The write is a list of statements compiled by Kysely (write-statements.ts), run by the batch
// writer's thread inside one BEGIN IMMEDIATE … COMMIT: the batch is atomic and fsynced
// (synchronous=FULL) before the returned promise resolves.

import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { LogEvent } from '../domain/events.js';
import type { Database } from './schema.js';
import type { TableChange } from '../projections/tables.js';
import type { Backend, OpenedDatabase } from './database.js';
import { batchTransaction, type BatchWriter, type WriteOp, type WriteTimings } from './batch-writer.js';
import type { SyncSql } from './sync-sql.js';
import { Stmt, writeStatementSql } from './write-statements.js';
import { objectJson } from './object-json.js';

const CHUNK = 400;

/** An event without its object: who changed what, when. */
export type EventHeader = Omit<LogEvent, 'object'> & { request_id?: string | null };

export interface StoredEntry {
  table: string;
  scope: string;
  key: string;
  rv: number;
  /** The value's JSON text, as written (compared with the live encoding without parsing). */
  text: string;
}

export class EventStore {
  readonly db: Kysely<Database>;
  /** The synchronous handle: reads that must not yield, and compaction's transaction. */
  readonly sql: SyncSql;
  readonly backend: Backend;

  constructor(private readonly opened: OpenedDatabase) {
    this.db = opened.db;
    this.sql = opened.sql;
    this.backend = opened.backend;
  }

  /**
   * Writes one batch atomically and durably (one transaction, one fsync); resolves once it is on
   * disk. On the writer's thread by default, so the caller can go on meanwhile; `here` writes it
   * on this connection before returning, which saves the round trip when nothing else is
   * written. Batches are written in the order they are given; a `here` batch must not be given
   * while another is still being written. Anything that goes wrong, here or on the writer,
   * rejects the returned promise.
   */
  async commit(events: readonly LogEvent[], changes: readonly TableChange[], here = false): Promise<WriteTimings> {
    if (!events.length) return { statementsMs: 0, commitMs: 0 };
    const out = this.outputs(); // first, so that nextChangeId is known
    const ops: WriteOp[] = [];
    for (const e of events) {
      ops.push([Stmt.InsertEvent, [e.rv, e.time, e.actor, e.kind, e.namespace, e.name, e.uid, e.type, objectJson(e.object), e.cause, e.requestId, e.impersonatedBy ?? null]]);
    }
    // Object state: the last event of each object in the batch wins.
    const last = new Map<string, LogEvent>();
    for (const e of events) last.set(`${e.kind}\0${e.namespace}\0${e.name}`, e);
    for (const e of last.values()) {
      ops.push(e.type === 'DELETED' ? [Stmt.DeleteObject, [e.kind, e.namespace, e.name]] : [Stmt.UpsertObject, [e.kind, e.namespace, e.name, e.rv]]);
    }
    // Every change goes into history; each key's entry then points at its last change.
    const lastChange = new Map<string, { c: TableChange; id: number }>();
    for (const c of changes) {
      const id = this.nextChangeId++;
      const text = c.op === 'delete' ? null : (c.text ?? JSON.stringify(c.value));
      const prev = c.prev === undefined ? null : (c.prevText ?? JSON.stringify(c.prev));
      ops.push([Stmt.InsertChange, [id, c.rv, c.table, c.scope, c.key, c.op, text, prev, c.prevRv ?? null]]);
      lastChange.set(`${c.table}\0${c.scope}\0${c.key}`, { c, id });
    }
    for (const { c, id } of lastChange.values()) {
      ops.push(c.op === 'delete' ? [Stmt.DeleteEntry, [c.table, c.scope, c.key]] : [Stmt.UpsertEntry, [c.table, c.scope, c.key, c.rv, id]]);
    }
    ops.push([Stmt.SetMeta, ['head_rv', String(events[events.length - 1]!.rv)]]);
    // A failed batch stops the appender for good (appender.ts), so the ids it took are never
    // needed again. Written in place, the transaction is done when this returns.
    return here && out.inPlace ? out.inPlace(ops) : out.writer.write(ops);
  }

  /** Where batches go (the writer thread, or this connection), set up on the first commit. */
  private writeOutputs?: { writer: BatchWriter; inPlace?: (ops: WriteOp[]) => WriteTimings };
  /** The id the next table change gets: one past the highest ever given (AUTOINCREMENT's
   * sequence included, so an id is never reused after compaction). */
  private nextChangeId = 0;

  private outputs(): NonNullable<EventStore['writeOutputs']> {
    if (this.writeOutputs) return this.writeOutputs;
    // Compaction keeps each key's last change at or below the floor and every change above it, so
    // the highest id is never deleted; SQLite's AUTOINCREMENT sequence is read too for logs written
    // when ids came from it.
    const max = this.sql.prepare('select coalesce(max(id), 0) as n from table_changes').get() as { n: number };
    const seq = this.backend === 'sqlite' ? (this.sql.prepare("select coalesce(max(seq), 0) as n from sqlite_sequence where name = 'table_changes'").get() as { n: number }).n : 0;
    this.nextChangeId = Math.max(seq, max.n) + 1;
    const statements = writeStatementSql(this.db);
    // In place only on SQLite, where a transaction on this thread's connection takes no round trip.
    const inPlace = this.backend === 'sqlite' ? batchTransaction(this.sql as BetterSqlite3.Database, statements) : undefined;
    this.writeOutputs = { writer: this.opened.openWriter(statements), inPlace };
    return this.writeOutputs;
  }

  async headRv(): Promise<number> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', 'head_rv').executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  async floorRv(): Promise<number> {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', 'floor_rv').executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  /** Every current object: its row in `objects` and the text of the event it points at. */
  async loadObjects(): Promise<{ kind: string; namespace: string; name: string; rv: number; object: unknown }[]> {
    const rows = await this.db
      .selectFrom('objects as o')
      .innerJoin('events as e', 'e.rv', 'o.rv')
      .select(['o.kind', 'o.namespace', 'o.name', 'o.rv', 'e.object'])
      .orderBy('o.rv')
      .execute();
    return rows.map((r) => ({ kind: r.kind, namespace: r.namespace, name: r.name, rv: r.rv, object: JSON.parse(r.object) }));
  }

  async loadEntries(): Promise<StoredEntry[]> {
    const rows = await this.db
      .selectFrom('table_entries as e')
      .innerJoin('table_changes as c', 'c.id', 'e.change_id')
      .select(['e.table_name', 'e.scope', 'e.key', 'e.rv', 'c.value'])
      .execute();
    return rows.map((r) => ({ table: r.table_name, scope: r.scope, key: r.key, rv: r.rv, text: r.value ?? '' }));
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
        .select(['rv', 'time', 'actor', 'kind', 'namespace', 'name', 'uid', 'type', 'cause', 'request_id', 'impersonated_by'])
        .where('rv', 'in', unique.slice(i, i + CHUNK))
        .execute();
      for (const { impersonated_by, ...r } of rows) out.set(r.rv, { ...r, type: r.type as LogEvent['type'], requestId: r.request_id, ...(impersonated_by ? { impersonatedBy: impersonated_by } : {}) });
    }
    return out;
  }

  async event(rv: number): Promise<LogEvent | undefined> {
    const row = await this.db.selectFrom('events').selectAll().where('rv', '=', rv).executeTakeFirst();
    return row ? rowToEvent(row) : undefined;
  }

  async close(): Promise<void> {
    await this.writeOutputs?.writer.close();
    await this.db.destroy();
    if (this.backend === 'postgres') this.sql.close(); // SQLite's is Kysely's, closed above
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
    ...(r.impersonated_by ? { impersonatedBy: r.impersonated_by } : {}),
  };
}
