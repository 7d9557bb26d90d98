// core/v1 Events expire, as kube-apiserver's --event-ttl has etcd do it: every write gives the
// event a lease of the TTL (default 1h), and an event not written again within it is deleted.
// Here the deletion is an event of its own in the log, by `system:event-ttl`, conditional on the
// resourceVersion it was scheduled for, so a write that raced the timer keeps the event.
import { randomUUID } from 'node:crypto';
export const EVENT_TTL_ACTOR = 'system:event-ttl';
/** setTimeout's longest delay (~24.8 days); a longer one would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;
export class EventExpiry {
    ledger;
    ttlMs;
    log;
    /** Per event, its timer and the resourceVersion the lease was taken for. */
    timers = new Map();
    constructor(ledger, ttlMs, log) {
        this.ledger = ledger;
        this.ttlMs = ttlMs;
        this.log = log;
    }
    /** Schedules every event of the loaded state from the time of its last write. */
    async start() {
        if (this.ttlMs <= 0)
            return;
        const events = this.ledger.state.list('Event');
        const written = await this.ledger.store.eventsByRv(events.map((e) => Number(e.metadata.resourceVersion)));
        for (const ev of events) {
            const at = written.get(Number(ev.metadata.resourceVersion))?.time;
            this.schedule(ev, at ? Date.parse(at) : Date.now());
        }
    }
    /** A write the API accepted: an event's lease starts again from now. */
    watch(obj) {
        if (obj.kind !== 'Event' || obj.apiVersion !== 'v1' || this.ttlMs <= 0)
            return;
        // Not a dry run's answer: the event as it is stored now. A deleted one needs no timer.
        const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
        const stored = this.ledger.state.get('Event', obj.metadata.namespace ?? '', obj.metadata.name ?? '');
        if (!stored)
            this.cancel(key);
        // A write that changed nothing answers the stored rv, and etcd's lease is not renewed by it.
        else if (stored.metadata.resourceVersion === obj.metadata.resourceVersion && this.timers.get(key)?.rv !== obj.metadata.resourceVersion)
            this.schedule(stored, Date.now());
    }
    cancel(key) {
        clearTimeout(this.timers.get(key)?.timer);
        this.timers.delete(key);
    }
    schedule(ev, writtenAt) {
        const { namespace, name, uid, resourceVersion } = ev.metadata;
        if (!namespace || !name || !uid || !resourceVersion)
            return;
        const key = `${namespace}/${name}`;
        this.cancel(key);
        const expiresAt = writtenAt + this.ttlMs;
        const timer = setTimeout(() => {
            this.timers.delete(key);
            if (Date.now() < expiresAt)
                return this.schedule(ev, writtenAt); // a TTL past setTimeout's range
            this.ledger
                .submit({
                op: 'delete',
                kind: 'Event',
                namespace,
                name,
                options: { preconditions: { uid, resourceVersion } },
                time: new Date().toISOString(),
                actor: EVENT_TTL_ACTOR,
                requestId: null,
                newUid: randomUUID(),
            })
                .catch((err) => {
                // Gone already, or written again since (that write scheduled its own expiry).
                if (err.status?.code === 404 || err.status?.code === 409)
                    return;
                this.log.warn({ err, event: key }, 'expiring an event failed');
            });
        }, Math.min(MAX_DELAY_MS, Math.max(0, expiresAt - Date.now())));
        timer.unref();
        this.timers.set(key, { timer, rv: resourceVersion });
    }
    stop() {
        for (const t of this.timers.values())
            clearTimeout(t.timer);
        this.timers.clear();
    }
}
//# sourceMappingURL=event-expiry.js.map