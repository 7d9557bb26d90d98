// The live ledger: the folded state, the projection engine, the durable log and the appender,
// opened together. Start-up loads the persisted object state (it does not replay the log) and
// recomputes the tables from it, checking them against the persisted entries.

import { EventEmitter } from 'node:events';
import type { ClusterNetworkConfig } from '../domain/config.js';
import type { Command, Decision } from '../domain/commands.js';
import type { LogEvent } from '../domain/events.js';
import { shareFieldsV1 } from '../domain/fields/managers.js';
import { CONFIG_KIND, STORED_KINDS, type StoredKind } from '../domain/kinds.js';
import type { KubeObject } from '../domain/objects.js';
import { ClusterState } from '../domain/state.js';
import { ProjectionEngine } from '../projections/engine.js';
import { PROJECTIONS } from '../projections/index.js';
import { publishedChange, type PublishedChange } from '../projections/tables.js';
import type { TableName } from '../projections/model.js';
import { lastChangeAt } from './table-history.js';
import { Appender, type AppenderMetrics, type CommittedBatch } from './appender.js';
import { openDatabase } from './database.js';
import { EventStore } from './event-store.js';
import { WatchCache } from './watch-cache.js';

export interface LedgerOptions {
  dataDir: string;
  /** PostgreSQL instead of the SQLite file in dataDir (`--database-url`). */
  databaseUrl?: string;
  metrics?: AppenderMetrics;
  log?: { warn(obj: unknown, msg?: string): void; info(obj: unknown, msg?: string): void };
}

export class Ledger extends EventEmitter {
  readonly state = new ClusterState();
  readonly engine = new ProjectionEngine(PROJECTIONS);
  readonly cache = new WatchCache();
  private appender!: Appender;
  /** rv of the last durable event: everything at or below it is in the database. */
  committedRv = 0;
  /** rv of the last batch the 'fanout' subscribers (watches, node streams) have been given: a
   * bookmark may announce this rv, not committedRv, or it would go out before the events it
   * claims were sent, and a client resuming from it would miss them. */
  fannedOutRv = 0;
  floorRv = 0;

  private log?: LedgerOptions['log'];
  private upkeep?: { stop(): Promise<void> };

  private constructor(readonly store: EventStore) {
    super();
    this.setMaxListeners(0);
  }

  static async open(opts: LedgerOptions): Promise<Ledger> {
    const opened = await openDatabase(opts);
    const ledger = new Ledger(new EventStore(opened));
    ledger.upkeep = opened.startUpkeep();
    ledger.log = opts.log;
    await ledger.load(opts);
    ledger.appender = new Appender(ledger.state, ledger.engine, ledger.store, (b) => ledger.published(b), opts.metrics);
    return ledger;
  }

  private async load(opts: LedgerOptions): Promise<void> {
    const head = await this.store.headRv();
    this.floorRv = await this.store.floorRv();
    for (const row of await this.store.loadObjects()) {
      if (row.kind === CONFIG_KIND) this.state.config = (row.object as { spec: ClusterNetworkConfig }).spec;
      else if ((STORED_KINDS as readonly string[]).includes(row.kind)) {
        shareFieldsV1(row.object as KubeObject);
        this.state.setObject(row.kind as StoredKind, row.namespace, row.name, row.object as KubeObject);
      }
    }
    this.state.rv = head;
    this.committedRv = head;
    this.fannedOutRv = head;
    // A fresh log gets its tables from its first event (the settings); a loaded one rebuilds them.
    if (head > 0) this.engine.build(this.state, 0);
    let mismatches = 0;
    const persisted = await this.store.loadEntries();
    for (const e of persisted) {
      const table = this.engine.tables[e.table as keyof typeof this.engine.tables];
      const live = table?.get(e.scope, e.key);
      if (!live || live.encoded !== e.text) mismatches++;
      else table.setRv(e.scope, e.key, e.rv);
    }
    // The tables were rebuilt at rv 0: each table's last change (the DNS SOA serial) is the log's.
    for (const [name, table] of Object.entries(this.engine.tables)) table.lastChangeRv = await lastChangeAt(this.store, name as TableName, head);
    const liveCount = Object.values(this.engine.tables).reduce((n, t) => n + t.clusterEntries().size, 0);
    if (mismatches) opts.log?.warn({ mismatches, persisted: persisted.length, liveCount }, 'tables recomputed at start-up differ from the persisted ones');
  }

  submit(cmd: Command): Promise<Decision> {
    return this.appender.submit(cmd);
  }

  /** Resolves when the live state holds only durable writes (see Appender.settled): every read
   * of the live state waits for it. */
  settled(): Promise<void> {
    return this.appender.settled();
  }

  private published(batch: CommittedBatch): void {
    this.committedRv = batch.events[batch.events.length - 1]!.rv;
    // Slim copies: the cache holds ~50,000 events' changes, and their texts and previous values
    // were only for the write; kept there, every superseded value would stay alive with them
    // (test/store/watch-cache.test.ts).
    const byRv = new Map<number, PublishedChange[]>();
    for (const c of batch.changes) {
      let list = byRv.get(c.rv);
      if (!list) byRv.set(c.rv, (list = []));
      list.push(publishedChange(c));
    }
    this.cache.add(batch.events, batch.befores, byRv);
    const args = [batch.events, byRv, batch.befores];
    this.notify('batch', args);
    // Watches and node streams write to every client that follows (thousands of sockets at
    // 5,000 nodes): they get the batch once the answers to its writes have gone out, which the
    // appender's resolves queued as microtasks, so a write's latency does not include them. In
    // batch order (setImmediate is first in, first out); from the batch's own events and changes,
    // so a later batch decided meanwhile changes nothing of it. The cache and committedRv above
    // are already the batch's: a watch or stream that starts meanwhile catches up from them, and
    // drops what it then gets again here by rv.
    const rv = this.committedRv;
    if (!this.listenerCount('fanout')) this.fannedOutRv = rv;
    else {
      setImmediate(() => {
        this.fannedOutRv = rv;
        this.notify('fanout', args);
      });
    }
  }

  /** Each subscriber on its own: a failing watcher must neither stop the others nor the writer. */
  private notify(event: 'batch' | 'fanout', args: unknown[]): void {
    for (const listener of this.listeners(event) as ((...a: unknown[]) => void)[]) {
      try {
        listener(...args);
      } catch (err) {
        this.log?.warn({ err }, `a ${event} subscriber failed`);
      }
    }
  }

  /** Events with rv > since (up to `until`), from the cache when it reaches back, else the log. */
  async eventsSince(since: number, until = this.committedRv): Promise<LogEvent[]> {
    const cached = this.cache.since(since);
    if (cached) return cached.map((c) => c.event).filter((e) => e.rv <= until);
    const out: LogEvent[] = [];
    let from = since;
    while (from < until) {
      const page = await this.store.eventsBetween(from, until, 5000);
      if (!page.length) break;
      out.push(...page);
      from = page[page.length - 1]!.rv;
    }
    return out;
  }

  get broken(): unknown {
    return this.appender.broken;
  }

  async close(): Promise<void> {
    await this.appender?.idle();
    await this.upkeep?.stop();
    await this.store.close();
  }
}

export type { LogEvent };
