// Names the event behind an entry or change: the `cause` every table read and history line
// carries (which object, which kind of change, who, when).
export function causeOf(ev, rv) {
    if (!ev)
        return rv > 0 ? { resourceVersion: String(rv), kind: '', namespace: '', name: '', type: '', actor: '', time: '' } : null;
    const cause = { resourceVersion: String(ev.rv), kind: ev.kind, namespace: ev.namespace, name: ev.name, type: ev.type, actor: ev.actor, time: ev.time };
    if (ev.impersonatedBy)
        cause.impersonatedBy = ev.impersonatedBy;
    return cause;
}
/** Event headers by rv, many at once: the watch cache first, the log for the rest. */
export async function eventsFor(ledger, rvs) {
    const out = new Map();
    const missing = [];
    for (const rv of new Set(rvs)) {
        if (rv <= 0)
            continue;
        const hit = ledger.cache.at(rv);
        if (hit)
            out.set(rv, hit.event);
        else
            missing.push(rv);
    }
    for (const [rv, ev] of await ledger.store.eventsByRv(missing))
        out.set(rv, ev);
    return out;
}
/** Encoded causes kept across reads, per ledger: an event never changes, and a whole-table read
 * names ~10k of them (a log lookup each otherwise). Bounded; the oldest inserted goes first. */
const CAUSE_TEXTS_MAX = 100_000;
const causeTextCache = new WeakMap();
/** The cause of each rv as JSON text (see causesFor), from the cache where it can. */
export async function causeTexts(ledger, rvs) {
    let cache = causeTextCache.get(ledger);
    if (!cache)
        causeTextCache.set(ledger, (cache = new Map()));
    const out = new Map();
    const missing = [];
    for (const rv of new Set(rvs)) {
        const hit = cache.get(rv);
        if (hit !== undefined)
            out.set(rv, hit);
        else
            missing.push(rv);
    }
    if (missing.length === 0)
        return out;
    const events = await eventsFor(ledger, missing);
    for (const rv of missing) {
        const ev = events.get(rv);
        const text = JSON.stringify(causeOf(ev, rv));
        out.set(rv, text);
        if (!ev)
            continue; // a bare rv (event compacted away or rv 0) is not worth keeping
        cache.set(rv, text);
        if (cache.size > CAUSE_TEXTS_MAX)
            cache.delete(cache.keys().next().value);
    }
    return out;
}
/** The cause of each rv (null for rv 0, a bare rv when the event is gone). */
export async function causesFor(ledger, rvs) {
    const wanted = [...new Set(rvs)];
    const events = await eventsFor(ledger, wanted);
    return new Map(wanted.map((rv) => [rv, causeOf(events.get(rv), rv)]));
}
//# sourceMappingURL=causes.js.map