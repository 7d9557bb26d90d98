// Recent events in memory, so watches resuming from a recent rv need no database read; older rvs
// come from the log. Bounded: the oldest fall off.
export class WatchCache {
    capacity;
    entries = [];
    constructor(capacity = 50_000) {
        this.capacity = capacity;
    }
    add(events, befores, changesByRv) {
        events.forEach((event, i) => this.entries.push({ event, before: befores[i], changes: changesByRv.get(event.rv) ?? [] }));
        const excess = this.entries.length - this.capacity;
        if (excess > this.capacity / 10)
            this.entries = this.entries.slice(excess);
    }
    /** Oldest rv held, or undefined when empty. */
    get oldest() {
        return this.entries[0]?.event.rv;
    }
    /** The cached event at exactly rv, if held. */
    at(rv) {
        const oldest = this.oldest;
        if (oldest === undefined || rv < oldest)
            return undefined;
        const hit = this.entries[rv - oldest];
        return hit?.event.rv === rv ? hit : undefined;
    }
    /** Events with rv > since, when the cache reaches back that far; undefined otherwise. */
    since(since) {
        const oldest = this.oldest;
        if (oldest === undefined || since + 1 < oldest)
            return undefined;
        return this.entries.slice(since + 1 - oldest);
    }
}
//# sourceMappingURL=watch-cache.js.map