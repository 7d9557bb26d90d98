// The write path's statements: their SQL comes from Kysely (one source of truth for the table
// shapes), compiled once with placeholder values and prepared once on better-sqlite3, then run
// row by row inside the batch transaction. Compiling per batch cost more than the inserts.

import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.js';

export interface WriteStatements {
  insertEvent: BetterSqlite3.Statement;
  upsertObject: BetterSqlite3.Statement;
  deleteObject: BetterSqlite3.Statement;
  upsertEntry: BetterSqlite3.Statement;
  deleteEntry: BetterSqlite3.Statement;
  insertChange: BetterSqlite3.Statement;
  setMeta: BetterSqlite3.Statement;
}

export function prepareWriteStatements(db: Kysely<Database>, sqlite: BetterSqlite3.Database): WriteStatements {
  const prepare = (q: { compile(): { sql: string } }) => sqlite.prepare(q.compile().sql);
  return {
    insertEvent: prepare(
      db.insertInto('events').values({ rv: 0, time: '', actor: '', kind: '', namespace: '', name: '', uid: '', type: '', object: '', cause: null, request_id: null }),
    ),
    upsertObject: prepare(
      db
        .insertInto('objects')
        .values({ kind: '', namespace: '', name: '', rv: 0 })
        .onConflict((oc) => oc.columns(['kind', 'namespace', 'name']).doUpdateSet((eb) => ({ rv: eb.ref('excluded.rv') }))),
    ),
    deleteObject: prepare(db.deleteFrom('objects').where('kind', '=', '').where('namespace', '=', '').where('name', '=', '')),
    upsertEntry: prepare(
      db
        .insertInto('table_entries')
        .values({ table_name: '', scope: '', key: '', rv: 0, change_id: 0 })
        .onConflict((oc) => oc.columns(['table_name', 'scope', 'key']).doUpdateSet((eb) => ({ rv: eb.ref('excluded.rv'), change_id: eb.ref('excluded.change_id') }))),
    ),
    deleteEntry: prepare(db.deleteFrom('table_entries').where('table_name', '=', '').where('scope', '=', '').where('key', '=', '')),
    insertChange: prepare(db.insertInto('table_changes').values({ rv: 0, table_name: '', scope: '', key: '', op: '', value: null, prev: null })),
    setMeta: prepare(
      db
        .insertInto('meta')
        .values({ key: '', value: '' })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
    ),
  };
}
