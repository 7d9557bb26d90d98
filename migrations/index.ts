// Migrations are numbered, forward-only, and compiled in (no file-system discovery), so the
// built server carries exactly the migrations it was tested with.

import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m001 from './001_initial.js';
import * as m002 from './002_history_by_scope.js';
import * as m003 from './003_objects_point_at_events.js';
import * as m004 from './004_entries_point_at_changes.js';
import * as m005 from './005_events_impersonated_by.js';
import * as m006 from './006_changes_prev_rv.js';
import * as m007 from './007_events_by_impersonator.js';
import * as pg001 from './postgres/001_schema.js';

const MIGRATIONS: Record<string, Migration> = {
  '001_initial': m001,
  '002_history_by_scope': m002,
  '003_objects_point_at_events': m003,
  '004_entries_point_at_changes': m004,
  '005_events_impersonated_by': m005,
  '006_changes_prev_rv': m006,
  '007_events_by_impersonator': m007,
};

/** PostgreSQL starts at the schema SQLite's migrations end with; later ones are added to both. */
const POSTGRES_MIGRATIONS: Record<string, Migration> = {
  '001_schema': pg001,
};

class CompiledMigrations implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

export async function migrateToLatest(db: Kysely<any>, backend: 'sqlite' | 'postgres' = 'sqlite'): Promise<void> {
  const migrator = new Migrator({ db, provider: new CompiledMigrations(backend === 'postgres' ? POSTGRES_MIGRATIONS : MIGRATIONS) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
