// In-process instrumentation of an open Ledger, without touching store/ code: times each durable
// commit (by wrapping this instance's EventStore.commit), counts the table changes and events of
// each published batch, and reads table_changes row counts straight from SQLite.
import { sql } from 'kysely';
export class LedgerProbe {
    ledger;
    /** Milliseconds of each EventStore.commit (its SQLite transaction and fsync, and the round
     * trip to the writer thread when it is written there). */
    commits = [];
    /** Of each commit, its COMMIT statement: the WAL append and the fsync (the wait for the disk). */
    walCommits = [];
    /** Table changes and events per published batch. */
    batches = [];
    constructor(ledger) {
        this.ledger = ledger;
        const store = ledger.store;
        const commit = store.commit.bind(store);
        store.commit = async (events, changes, here) => {
            const t = process.hrtime.bigint();
            try {
                const timings = await commit(events, changes, here);
                this.walCommits.push(timings.commitMs);
                return timings;
            }
            finally {
                this.commits.push(Number(process.hrtime.bigint() - t) / 1e6);
            }
        };
        ledger.on('batch', (events, byRv) => {
            let changes = 0;
            for (const list of byRv.values())
                changes += list.length;
            this.batches.push({ events: events.length, changes });
        });
    }
    reset() {
        this.commits = [];
        this.walCommits = [];
        this.batches = [];
    }
    async tableChangeRows() {
        const row = await sql `select count(*) as n from table_changes`.execute(this.ledger.store.db);
        return Number(row.rows[0].n);
    }
    async rowCounts() {
        const out = {};
        for (const t of ['events', 'objects', 'table_entries', 'table_changes']) {
            const row = await sql `select count(*) as n from ${sql.table(t)}`.execute(this.ledger.store.db);
            out[t] = Number(row.rows[0].n);
        }
        return out;
    }
}
/** Entries per table: cluster-scoped, and node overrides summed over nodes. */
export function tableSizes(ledger) {
    const out = {};
    for (const [name, set] of Object.entries(ledger.engine.tables)) {
        let overrides = 0;
        for (const node of set.nodesWithOverrides())
            overrides += set.nodeOverrides(node)?.size ?? 0;
        out[name] = { cluster: set.clusterEntries().size, nodeOverrides: overrides };
    }
    return out;
}
//# sourceMappingURL=ledger-probe.js.map