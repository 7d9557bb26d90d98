// The PostgreSQL schema: the tables and indexes SQLite's migrations (001–007) end with, created at
// once. Every text column compares as bytes (COLLATE "C"), as SQLite's do: keys are paged and
// merged in that order here and in the live tables (JavaScript's `<`), and a locale collation
// would order `a-b` and `a.b` differently.

import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE events (
      rv integer PRIMARY KEY,
      time text COLLATE "C" NOT NULL,
      actor text COLLATE "C" NOT NULL,
      kind text COLLATE "C" NOT NULL,
      namespace text COLLATE "C" NOT NULL,
      name text COLLATE "C" NOT NULL,
      uid text COLLATE "C" NOT NULL,
      type text COLLATE "C" NOT NULL,
      object text NOT NULL,
      cause integer,
      request_id text COLLATE "C",
      impersonated_by text COLLATE "C"
    )`.execute(db);
  await sql`CREATE INDEX events_by_object ON events (kind, namespace, name, rv)`.execute(db);
  await sql`CREATE INDEX events_by_actor ON events (actor, rv)`.execute(db);
  await sql`CREATE INDEX events_by_impersonator ON events (impersonated_by, rv) WHERE impersonated_by IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE objects (
      kind text COLLATE "C" NOT NULL,
      namespace text COLLATE "C" NOT NULL,
      name text COLLATE "C" NOT NULL,
      rv integer NOT NULL,
      CONSTRAINT objects_pk PRIMARY KEY (kind, namespace, name)
    )`.execute(db);

  await sql`
    CREATE TABLE table_entries (
      table_name text COLLATE "C" NOT NULL,
      scope text COLLATE "C" NOT NULL,
      key text COLLATE "C" NOT NULL,
      rv integer NOT NULL,
      change_id integer NOT NULL,
      CONSTRAINT table_entries_pk PRIMARY KEY (table_name, scope, key)
    )`.execute(db);

  // Ids are given by the writer (an entry written in the same batch points at its change).
  await sql`
    CREATE TABLE table_changes (
      id integer PRIMARY KEY,
      rv integer NOT NULL,
      table_name text COLLATE "C" NOT NULL,
      scope text COLLATE "C" NOT NULL,
      key text COLLATE "C" NOT NULL,
      op text COLLATE "C" NOT NULL,
      value text,
      prev text,
      prev_rv integer
    )`.execute(db);
  await sql`CREATE INDEX table_changes_by_key ON table_changes (table_name, key, rv)`.execute(db);
  await sql`CREATE INDEX table_changes_by_rv ON table_changes (rv)`.execute(db);
  await sql`CREATE INDEX table_changes_by_scope ON table_changes (table_name, scope, id)`.execute(db);

  await sql`CREATE TABLE meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL)`.execute(db);
  await sql`CREATE TABLE node_status (node text COLLATE "C" PRIMARY KEY, report text NOT NULL, updated text NOT NULL)`.execute(db);
}
