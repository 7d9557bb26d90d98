// The node agent: the local copy of its node's tables (fed by the node stream), the appliers that
// make the kernel hold them, persistence of the applied state, status reports and metrics.
// Applies are serialised: a stream line, a retry after a failure and the start-up sync never
// run at the same time, so every applier sees the store exactly as of one rv.
import { findUnderlay } from './routes/index.js';
import { createExec } from './apply/exec.js';
import { IptablesApplier } from './apply/iptables.js';
import { RoutesApplier } from './apply/routes.js';
import { ensureForwarding, isDualStack } from './apply/sysctl.js';
import { dnsTableOf } from './dns-zone.js';
import { AgentMetrics } from './metrics.js';
import { openSockets } from './netns/sockets.js';
import { fetchInternalIp, internalIpFromRoutes } from './node-info.js';
import { serveDns, serveMetrics } from './serving.js';
import { StatusReporter } from './status.js';
import { LocalTables } from './store/local-tables.js';
import { loadState, saveState } from './store/state-dir.js';
import { Backoff } from './stream/backoff.js';
import { NodeStreamClient } from './stream/client.js';
/** Routes first (devices before anything points at them), then rules, then names. */
const APPLY_ORDER = ['routes', 'iptables', 'ip6tables', 'dns'];
const PERSIST_DELAY_MS = 50;
export class Agent {
    opts;
    log;
    store;
    metrics;
    exec;
    iptables = new Map();
    routes;
    reporter;
    client;
    errors = new Map();
    retryBackoff = new Backoff(1_000, 30_000);
    retryTimer;
    chain = Promise.resolve();
    persistTimer;
    persisting = Promise.resolve();
    sockets = {};
    dns;
    metricsServer;
    underlayCache;
    syncTimer;
    syncQueued = false;
    lastFullSync = 0;
    nodeIp;
    stopped = false;
    constructor(opts, log) {
        this.opts = opts;
        this.log = log;
        this.store = new LocalTables(opts.tables);
        this.metrics = new AgentMetrics(opts.node);
        this.exec = createExec(opts.netns, opts.dryRun, log);
        if (opts.tables.includes('iptables'))
            this.iptables.set('iptables', new IptablesApplier('ipv4', this.exec, this.metrics, log));
        if (opts.tables.includes('ip6tables'))
            this.iptables.set('ip6tables', new IptablesApplier('ipv6', this.exec, this.metrics, log));
        this.routes = new RoutesApplier(this.exec, () => this.underlay(), log);
        this.reporter = new StatusReporter(opts.server, opts.node, log, () => this.client.resync());
        this.client = new NodeStreamClient({
            server: opts.server,
            node: opts.node,
            tables: opts.tables,
            resumeFrom: () => (this.store.rv > 0 ? this.store.rv : undefined),
            onMessage: (msg, at) => this.serial(() => this.onMessage(msg, at)),
            onConnect: () => this.metrics.streamConnects.inc(),
            log,
        });
    }
    async start() {
        if (this.opts.stateDir) {
            const saved = await loadState(this.opts.stateDir, this.opts.node, this.opts.tables);
            if (saved) {
                this.store = saved;
                this.log.info({ rv: saved.rv, stateDir: this.opts.stateDir }, 'resuming from the state dir');
            }
        }
        this.sockets = await openSockets(this.opts.netns, { dns: this.opts.dnsListen, metrics: this.opts.metricsListen });
        if (this.sockets.metrics)
            this.metricsServer = serveMetrics(this.sockets.metrics, this.metrics);
        await this.ensureDns();
        // kube-proxy syncs everything at start-up: the kernel may have changed while we were away.
        if (this.store.rv > 0)
            await this.serial(() => this.fullSync(new Map()));
        this.client.start();
        // A dry run prints what it would do; repeating the whole routes batch every period would
        // bury the log.
        if (!this.opts.dryRun) {
            this.syncTimer = setInterval(() => {
                // One at a time: while a sync waits (a hung `ip`), ticks do not pile up behind it.
                if (this.syncQueued)
                    return;
                this.syncQueued = true;
                void this.serial(() => this.periodicSync()).finally(() => (this.syncQueued = false));
            }, this.opts.syncPeriodMs);
            this.syncTimer.unref();
        }
    }
    /**
     * Between changes, so that what someone else removed comes back (kube-proxy's periodic and
     * full syncs, flanneld's route checks): every sync period the top-level jumps are ensured
     * (kube-proxy ensures them at full syncs only; checking them costs one process) and the routes
     * table applied again (idempotent replace lines; nothing is deleted); every full-sync period
     * every table is written in full, which rewrites a chain someone flushed and deletes the service
     * chains and the VXLAN devices' entries no table holds.
     */
    async periodicSync() {
        if (this.stopped || this.store.rv === 0)
            return;
        if (Date.now() - this.lastFullSync >= this.opts.fullSyncPeriodMs) {
            this.log.info({}, 'periodic full sync');
            await this.fullSync(new Map());
            return;
        }
        for (const [t, applier] of this.iptables) {
            if (this.errors.has(t))
                continue; // the retry's full sync covers it
            try {
                await applier.ensureJumps();
            }
            catch (err) {
                this.failed(t, err);
            }
        }
        if (this.store.tables.has('routes') && !this.errors.has('routes')) {
            try {
                await this.routes.reapply(this.store.table('routes').entries);
            }
            catch (err) {
                this.failed('routes', err);
            }
        }
    }
    async stop() {
        this.stopped = true;
        clearTimeout(this.retryTimer);
        clearInterval(this.syncTimer);
        await this.client.stop();
        await this.chain;
        await this.persistNow();
        await this.reporter.flush();
        this.reporter.stop();
        await this.dns?.close();
        await this.metricsServer?.close();
    }
    /** Tables whose last apply failed, with the error. */
    get failures() {
        return this.errors;
    }
    serial(fn) {
        const next = this.chain.then(fn, fn);
        this.chain = next.catch(() => { });
        return next;
    }
    async onMessage(msg, receivedAt) {
        switch (msg.type) {
            case 'SNAPSHOT': {
                const { changes } = this.store.applySnapshot(msg);
                const removed = new Map();
                for (const [t, list] of changes)
                    removed.set(t, list.filter((c) => c.op === 'delete'));
                this.log.info({ rv: msg.rv, tables: Object.fromEntries([...this.store.tables].map(([n, t]) => [n, t.entries.size])) }, 'SNAPSHOT');
                await this.fullSync(removed);
                this.afterApply(receivedAt, true);
                return;
            }
            case 'DELTA': {
                const { changes } = this.store.applyDelta(msg);
                for (const t of APPLY_ORDER) {
                    const list = changes.get(t);
                    if (list)
                        await this.applyTable(t, list);
                }
                this.afterApply(receivedAt, changes.size > 0, msg.time);
                return;
            }
            case 'BOOKMARK':
                if (msg.rv > this.store.rv) {
                    this.store.rv = msg.rv;
                    this.afterApply(undefined, false);
                }
                return;
            case 'ERROR':
                return; // the client reconnects (and re-SNAPSHOTs after a 410)
        }
    }
    /** Every managed table in full; `removed` names what the previous tables had and these lack. */
    async fullSync(removed) {
        try {
            await ensureForwarding(this.exec, isDualStack(this.store.tables.get('routes')?.entries), this.log);
        }
        catch (err) {
            this.log.warn({ err: String(err) }, 'could not turn on IP forwarding');
        }
        for (const t of APPLY_ORDER)
            if (this.store.tables.has(t))
                await this.syncTable(t, removed.get(t) ?? []);
        this.lastFullSync = Date.now();
    }
    async syncTable(t, removed) {
        const entries = this.store.table(t).entries;
        try {
            if (t === 'routes')
                await this.routes.fullSync(entries, removed);
            else if (t === 'dns')
                await this.ensureDns();
            else
                await this.iptables.get(t).fullSync(entries);
            this.errors.delete(t);
        }
        catch (err) {
            this.failed(t, err);
        }
    }
    async applyTable(t, changes) {
        if (this.errors.has(t))
            return this.syncTable(t, changes.filter((c) => c.op === 'delete'));
        const entries = this.store.table(t).entries;
        try {
            if (t === 'routes')
                await this.routes.applyChanges(entries, changes);
            else if (t === 'dns')
                await this.ensureDns();
            else
                await this.iptables.get(t).partialSync(entries, changes);
        }
        catch (err) {
            this.failed(t, err);
        }
    }
    failed(t, err) {
        const message = err instanceof Error ? err.message : String(err);
        this.errors.set(t, message);
        this.metrics.applyErrors.inc({ table: t });
        this.log.error({ table: t, err: message }, 'apply failed; will retry with a full sync');
        if (this.retryTimer || this.stopped)
            return;
        this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            void this.serial(async () => {
                for (const table of [...this.errors.keys()])
                    await this.syncTable(table, []);
                if (this.errors.size === 0)
                    this.retryBackoff.reset();
                this.afterApply(undefined, false);
            });
        }, this.retryBackoff.next());
        this.retryTimer.unref();
    }
    /** The DNS responder answers from the sockets' opening on: SERVFAIL until the first sync. */
    async ensureDns() {
        if (this.dns || !this.sockets.dns || !this.opts.dnsListen)
            return;
        this.dns = await serveDns(this.sockets.dns, this.opts.dnsListen, dnsTableOf(() => this.store), this.opts.dnsUpstream);
        this.log.info({ listen: this.dns.address, netns: this.opts.netns ?? null }, 'DNS responder serving');
    }
    async underlay() {
        if (this.opts.iface)
            return this.opts.iface;
        let ip = internalIpFromRoutes(this.store.tables.get('routes')?.entries);
        if (!ip)
            ip = this.nodeIp ??= await fetchInternalIp(this.opts.server, this.opts.node);
        if (!ip)
            throw new Error(`node ${this.opts.node} has no InternalIP: pass --iface`);
        if (this.underlayCache?.ip === ip)
            return this.underlayCache.name;
        const name = await findUnderlay(this.opts.netns, ip);
        if (!name)
            throw new Error(`no interface${this.opts.netns ? ` in netns ${this.opts.netns}` : ''} holds the Node's InternalIP ${ip}: pass --iface`);
        this.underlayCache = { ip, name };
        return name;
    }
    afterApply(receivedAt, changed, eventTime) {
        this.metrics.appliedRv.set(this.store.rv);
        // kube-proxy measures from the change of the Service/endpoints to the rules being in place:
        // the event's time when the server sent it (clocks on one machine or NTP-synced), else receipt.
        if (changed && eventTime)
            this.metrics.programmingDuration.observe(Math.max(0, Date.now() - Date.parse(eventTime)) / 1000);
        else if (changed && receivedAt !== undefined)
            this.metrics.programmingDuration.observe((performance.now() - receivedAt) / 1000);
        if (this.opts.dryRun)
            return;
        this.schedulePersist();
        if (this.store.rv > 0) {
            const error = [...this.errors].map(([t, e]) => `${t}: ${e}`).join('; ');
            this.reporter.report({ appliedResourceVersion: String(this.store.rv), digests: this.store.digests(), ...(error ? { error } : {}) });
        }
    }
    schedulePersist() {
        if (!this.opts.stateDir || this.persistTimer)
            return;
        this.persistTimer = setTimeout(() => {
            this.persistTimer = undefined;
            void this.persistNow();
        }, PERSIST_DELAY_MS);
    }
    persistNow() {
        clearTimeout(this.persistTimer);
        this.persistTimer = undefined;
        if (!this.opts.stateDir || this.opts.dryRun || this.store.rv === 0)
            return this.persisting;
        const dir = this.opts.stateDir;
        this.persisting = this.persisting.then(() => saveState(dir, this.opts.node, this.store).catch((err) => this.log.error({ err: String(err) }, 'could not persist agent state')));
        return this.persisting;
    }
}
//# sourceMappingURL=agent.js.map