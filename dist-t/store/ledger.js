// The live ledger: the folded state, the projection engine, the durable log and the appender,
// opened together. Start-up loads the persisted object state (it does not replay the log) and
// recomputes the tables from it, checking them against the persisted entries.
import { EventEmitter } from 'node:events';
import { shareFieldsV1 } from '../domain/fields/managers.js';
import { CONFIG_KIND, STORED_KINDS } from '../domain/kinds.js';
import { ClusterState } from '../domain/state.js';
import { ProjectionEngine } from '../projections/engine.js';
import { PROJECTIONS } from '../projections/index.js';
import { publishedChange } from '../projections/tables.js';
import { lastChangeAt } from './table-history.js';
import { Appender } from './appender.js';
import { openSqlite } from './database.js';
import { EventStore } from './event-store.js';
import { WatchCache } from './watch-cache.js';
import { Checkpointer } from './checkpointer.js';
export class Ledger extends EventEmitter {
    store;
    state = new ClusterState();
    engine = new ProjectionEngine(PROJECTIONS);
    cache = new WatchCache();
    appender;
    /** rv of the last durable event: everything at or below it is in the database. */
    committedRv = 0;
    floorRv = 0;
    log;
    checkpointer;
    constructor(store) {
        super();
        this.store = store;
        this.setMaxListeners(0);
    }
    static async open(opts) {
        const opened = await openSqlite(opts.dataDir);
        const ledger = new Ledger(new EventStore(opened));
        ledger.checkpointer = new Checkpointer(opened.path);
        ledger.log = opts.log;
        await ledger.load(opts);
        ledger.appender = new Appender(ledger.state, ledger.engine, ledger.store, (b) => ledger.published(b), opts.metrics);
        return ledger;
    }
    async load(opts) {
        const head = await this.store.headRv();
        this.floorRv = await this.store.floorRv();
        for (const row of await this.store.loadObjects()) {
            if (row.kind === CONFIG_KIND)
                this.state.config = row.object.spec;
            else if (STORED_KINDS.includes(row.kind)) {
                shareFieldsV1(row.object);
                this.state.setObject(row.kind, row.namespace, row.name, row.object);
            }
        }
        this.state.rv = head;
        this.committedRv = head;
        // A fresh log gets its tables from its first event (the settings); a loaded one rebuilds them.
        if (head > 0)
            this.engine.build(this.state, 0);
        let mismatches = 0;
        const persisted = await this.store.loadEntries();
        for (const e of persisted) {
            const table = this.engine.tables[e.table];
            const live = table?.get(e.scope, e.key);
            if (!live || live.encoded !== e.text)
                mismatches++;
            else
                table.setRv(e.scope, e.key, e.rv);
        }
        // The tables were rebuilt at rv 0: each table's last change (the DNS SOA serial) is the log's.
        for (const [name, table] of Object.entries(this.engine.tables))
            table.lastChangeRv = await lastChangeAt(this.store, name, head);
        const liveCount = Object.values(this.engine.tables).reduce((n, t) => n + t.clusterEntries().size, 0);
        if (mismatches)
            opts.log?.warn({ mismatches, persisted: persisted.length, liveCount }, 'tables recomputed at start-up differ from the persisted ones');
    }
    submit(cmd) {
        return this.appender.submit(cmd);
    }
    /** Resolves when the live state holds only durable writes (see Appender.settled): every read
     * of the live state waits for it. */
    settled() {
        return this.appender.settled();
    }
    published(batch) {
        this.committedRv = batch.events[batch.events.length - 1].rv;
        // Slim copies: the cache holds ~50,000 events' changes, and their texts and previous values
        // were only for the write; kept there, every superseded value would stay alive with them
        // (test/store/watch-cache.test.ts).
        const byRv = new Map();
        for (const c of batch.changes) {
            let list = byRv.get(c.rv);
            if (!list)
                byRv.set(c.rv, (list = []));
            list.push(publishedChange(c));
        }
        this.cache.add(batch.events, batch.befores, byRv);
        // Each subscriber on its own: a failing watcher must neither stop the others nor the writer.
        for (const listener of this.listeners('batch')) {
            try {
                listener(batch.events, byRv, batch.befores);
            }
            catch (err) {
                this.log?.warn({ err }, 'a batch subscriber failed');
            }
        }
    }
    /** Events with rv > since (up to `until`), from the cache when it reaches back, else the log. */
    async eventsSince(since, until = this.committedRv) {
        const cached = this.cache.since(since);
        if (cached)
            return cached.map((c) => c.event).filter((e) => e.rv <= until);
        const out = [];
        let from = since;
        while (from < until) {
            const page = await this.store.eventsBetween(from, until, 5000);
            if (!page.length)
                break;
            out.push(...page);
            from = page[page.length - 1].rv;
        }
        return out;
    }
    get broken() {
        return this.appender.broken;
    }
    async close() {
        await this.appender?.idle();
        await this.checkpointer?.stop();
        await this.store.close();
    }
}
//# sourceMappingURL=ledger.js.map