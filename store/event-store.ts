// The durable side of the log: one transaction per batch (events, object state, table entries
// and their history, head rv), and the reads that history, watches and start-up need.
//
// The write runs statements compiled by Kysely (write-statements.ts) synchronously on
// better-sqlite3 inside one BEGIN IMMEDIATE … COMMIT: the batch is atomic and fsynced
// (synchronous=FULL) before we return.

import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { LogEvent } from '../domain/events.js';
import type { Database } from './schema.js';
import type { TableChange } from '../projections/tables.js';
import type { OpenedDatabase } from './database.js';
import { prepareWriteStatements, type WriteStatements } from './write-statements.js';

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
  /** The raw handle: the write path and compaction run synchronous transactions on it. */
  readonly sqlite: BetterSqlite3.Database;

  constructor(opened: OpenedDatabase) {
    this.db = opened.db;
    this.sqlite = opened.sqlite;
  }

  /** Writes one batch atomically and durably (one transaction, one fsync). */
  commit(events: readonly LogEvent[], changes: readonly TableChange[]): void {
    if (!events.length) return;
    const st = (this.statements ??= prepareWriteStatements(this.db, this.sqlite));
    // Object state: the last event of each object in the batch wins.
    const last = new Map<string, LogEvent>();
    for (const e of events) last.set(`${e.kind}\0${e.namespace}\0${e.name}`, e);
    const head = events[events.length - 1]!.rv;
    this.sqlite
      .transaction(() => {
        for (const e of events) {
          st.insertEvent.run(e.rv, e.time, e.actor, e.kind, e.namespace, e.name, e.uid, e.type, JSON.stringify(e.object), e.cause, e.requestId);
        }
        for (const e of last.values()) {
          if (e.type === 'DELETED') st.deleteObject.run(e.kind, e.namespace, e.name);
          else st.upsertObject.run(e.kind, e.namespace, e.name, e.rv);
        }
        // Every change goes into history; each key's entry then points at its last change.
        const lastChange = new Map<string, { c: TableChange; id: number }>();
        for (const c of changes) {
          const text = c.op === 'delete' ? null : (c.text ?? JSON.stringify(c.value));
          const prev = c.prev === undefined ? null : (c.prevText ?? JSON.stringify(c.prev));
          const id = Number(st.insertChange.run(c.rv, c.table, c.scope, c.key, c.op, text, prev).lastInsertRowid);
          lastChange.set(`${c.table}\0${c.scope}\0${c.key}`, { c, id });
        }
        for (const { c, id } of lastChange.values()) {
          if (c.op === 'delete') st.deleteEntry.run(c.table, c.scope, c.key);
          else st.upsertEntry.run(c.table, c.scope, c.key, c.rv, id);
        }
        st.setMeta.run('head_rv', String(head));
      })
      .immediate();
  }

  private statements?: WriteStatements;

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
