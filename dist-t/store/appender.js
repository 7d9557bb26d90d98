// The single writer with group commit. Requests queue; the appender takes a batch of them,
// decides and folds each command in order against the live state, writes the whole batch in one
// transaction (one fsync, on the batch writer's thread), and only then resolves each request and
// publishes its events. A rejected command contributes nothing to the batch. While a batch is
// being written the next one is decided, so the live state can be up to PIPELINE batches ahead
// of the disk; readers wait for settled().
import { StatusError } from '../domain/errors.js';
import { executeAndProject } from './project.js';
import { forgetObjectJson } from './object-json.js';
const MAX_BATCH = 512;
/** The smallest batch worth splitting off a longer queue (see drain). */
const MIN_SPLIT = 16;
const SETTLED = Promise.resolve();
const DURABLE = Promise.resolve(true);
/** Batches decided ahead of the disk: one being written, one waiting for the writer, one being
 * decided. Under bench writes (64 clients, 2026-12-04, same hour, interleaved) three gave
 * 3,649–4,261 creates/s (median ~3,960) against 3,397–3,974 (median ~3,640) with two, p99 alike. */
const PIPELINE = 3;
/** Up to this many commands, a batch with nothing before or after it is written in place. */
const WRITE_IN_PLACE_MAX = 4;
export class Appender {
    state;
    engine;
    store;
    publish;
    metrics;
    queue = [];
    draining = false;
    failed;
    constructor(state, engine, store, publish, metrics = {}) {
        this.state = state;
        this.engine = engine;
        this.store = store;
        this.publish = publish;
        this.metrics = metrics;
    }
    submit(cmd) {
        if (this.failed)
            return Promise.reject(this.failed);
        // Dry runs never come here: deciding on the live state would move its allocator cursors
        // (the API runs them on a scratch copy, api/netledger/audit/preview.ts).
        if (cmd.dryRun)
            return Promise.reject(new Error('dry runs are previewed, not submitted'));
        return new Promise((resolve, reject) => {
            this.queue.push({ cmd, resolve, reject });
            // Let requests that arrived in this tick join the first batch.
            this.kick();
        });
    }
    /**
     * Resolves when the live state holds nothing that is not yet durable: at once when no batch is
     * between its decide and its commit, else once those batches are committed and published,
     * before another one is decided (a waiting reader holds the next batch back). Readers of the
     * live state wait for it (api/server.ts), so no one sees a write that a crash could still take
     * back.
     */
    settled() {
        if (!this.inFlight.length)
            return SETTLED;
        return new Promise((resolve) => this.settledWaiters.push(resolve));
    }
    /** Batches decided and not yet acknowledged, oldest first; each resolves to whether it is
     * durable. */
    inFlight = [];
    settledWaiters = [];
    async drain() {
        while (!this.failed && this.queue.length) {
            // Decide the next batch while earlier ones are written (up to PIPELINE deep), unless a
            // reader is waiting for a durable state: then the writes in flight land first. Either way
            // an acknowledgement starts the drain again (landed()).
            if (this.inFlight.length >= PIPELINE || (this.inFlight.length > 0 && this.settledWaiters.length > 0))
                break;
            // Take half of what waits (at least MIN_SPLIT): the rest is decided while this half is
            // written, instead of every request waiting for one long decide and one long commit.
            const take = Math.min(MAX_BATCH, Math.max(MIN_SPLIT, Math.ceil(this.queue.length / 2)));
            this.decideAndWrite(this.queue.splice(0, take));
            // Let requests that arrived meanwhile join the next batch.
            await new Promise((resolve) => setImmediate(resolve));
        }
        this.draining = false;
        this.checkIdle();
    }
    kick() {
        if (this.draining || this.failed || !this.queue.length)
            return;
        this.draining = true;
        setImmediate(() => void this.drain());
    }
    /** A batch is durable: answer its requests, publish it, and release readers once nothing is
     * in flight (before the next batch is decided: that waits for setImmediate). */
    landed() {
        this.inFlight.shift();
        if (!this.inFlight.length)
            release(this.settledWaiters);
        this.kick();
        this.checkIdle();
    }
    checkIdle() {
        if (!this.draining && !this.inFlight.length)
            release(this.idleWaiters);
    }
    /** Decides and folds a batch into the live state, then hands it to the store; its requests are
     * answered and its events published when the write is acknowledged. */
    decideAndWrite(batch) {
        const started = process.hrtime.bigint();
        const events = [];
        const befores = [];
        const changes = [];
        const outcomes = [];
        for (const q of batch) {
            try {
                const done = executeAndProject(this.state, this.engine, q.cmd, (ev, before) => {
                    events.push(ev);
                    befores.push(before);
                });
                for (const c of done.changes)
                    changes.push(c);
                outcomes.push({ q, decision: done.decision });
            }
            catch (e) {
                if (!(e instanceof StatusError)) {
                    // A bug in decide or a projection leaves the live state unknowable: stop writing.
                    this.fail(e, batch);
                    return;
                }
                outcomes.push({ q, error: e });
            }
        }
        // A lone small batch is written in place: with nothing to overlap, the trip to the writer
        // thread would only add to its latency.
        const here = this.inFlight.length === 0 && this.queue.length === 0 && batch.length <= WRITE_IN_PLACE_MAX;
        // A batch without events (every command rejected, or a no-op) writes nothing, but its
        // answers were decided on the state the batches before it left: they wait for those, and
        // are not given at all if the last of them was lost.
        const durable = events.length
            ? this.store.commit(events, changes, here).then((t) => this.metrics.onWrite?.(t))
            : (this.inFlight[this.inFlight.length - 1] ?? DURABLE).then((ok) => {
                if (!ok)
                    throw this.failed;
            });
        const written = durable.then(() => {
            this.metrics.onBatch?.(batch.length, events.length, Number(process.hrtime.bigint() - started) / 1e9);
            for (const o of outcomes) {
                if (o.decision)
                    o.q.resolve(o.decision);
                else
                    o.q.reject(o.error);
            }
            if (events.length)
                this.publish({ events, befores, changes });
            // The answers go out in the microtasks the resolves queued: their texts are done after.
            if (events.length)
                setImmediate(() => forgetObjectJson(events.map((e) => e.object)));
            this.landed();
            return true;
        }, 
        // The state already holds the batch but the disk does not: nothing more may be acknowledged.
        (e) => {
            this.fail(e, batch);
            return false;
        });
        this.inFlight.push(written);
    }
    idleWaiters = [];
    /** Resolves when nothing is queued or being written (for a clean close). */
    idle() {
        if (!this.draining && !this.inFlight.length)
            return SETTLED;
        return new Promise((resolve) => this.idleWaiters.push(resolve));
    }
    fail(e, batch) {
        // A later batch in flight fails after the first (the writer refuses it): keep the first cause.
        if (this.failed === undefined)
            this.failed = e;
        for (const q of [...batch, ...this.queue])
            q.reject(this.failed);
        this.inFlight = [];
        this.queue = [];
        this.draining = false;
        // The live state is ahead of the disk for good: waiting readers are let go (the API answers
        // them 503, api/server.ts), and nothing more is written or acknowledged.
        release(this.settledWaiters);
        release(this.idleWaiters);
    }
    get broken() {
        return this.failed;
    }
}
/** Calls and forgets every waiter in the list. */
function release(waiters) {
    for (const w of waiters.splice(0))
        w();
}
//# sourceMappingURL=appender.js.map