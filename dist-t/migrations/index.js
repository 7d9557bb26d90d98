// Migrations are numbered, forward-only, and compiled in (no file-system discovery), so the
// built server carries exactly the migrations it was tested with.
import { Migrator } from 'kysely';
import * as m001 from './001_initial.js';
import * as m002 from './002_history_by_scope.js';
import * as m003 from './003_objects_point_at_events.js';
import * as m004 from './004_entries_point_at_changes.js';
import * as m005 from './005_events_impersonated_by.js';
import * as m006 from './006_changes_prev_rv.js';
import * as m007 from './007_events_by_impersonator.js';
const MIGRATIONS = {
    '001_initial': m001,
    '002_history_by_scope': m002,
    '003_objects_point_at_events': m003,
    '004_entries_point_at_changes': m004,
    '005_events_impersonated_by': m005,
    '006_changes_prev_rv': m006,
    '007_events_by_impersonator': m007,
};
class CompiledMigrations {
    async getMigrations() {
        return MIGRATIONS;
    }
}
export async function migrateToLatest(db) {
    const migrator = new Migrator({ db, provider: new CompiledMigrations() });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === 'Error');
    if (error || failed)
        throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
}
//# sourceMappingURL=index.js.map