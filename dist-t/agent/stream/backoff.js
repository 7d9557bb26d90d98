// Reconnect delays: exponential from 0.5 s to 30 s, with ±20 % jitter so a fleet of agents does
// not reconnect in lockstep after a server restart. Reset once a connection delivers a line.
export class Backoff {
    initialMs;
    maxMs;
    jitter;
    attempt = 0;
    constructor(initialMs = 500, maxMs = 30_000, jitter = Math.random) {
        this.initialMs = initialMs;
        this.maxMs = maxMs;
        this.jitter = jitter;
    }
    /** The delay before the next attempt; each call doubles the next one up to the cap. */
    next() {
        const base = Math.min(this.maxMs, this.initialMs * 2 ** this.attempt);
        this.attempt++;
        return Math.round(base * (0.8 + 0.4 * this.jitter()));
    }
    reset() {
        this.attempt = 0;
    }
}
//# sourceMappingURL=backoff.js.map