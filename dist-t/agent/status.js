// PUT /apis/netledger.io/v1/nodes/{node}/status after each apply: the applied rv, the digest of
// every managed table, and the error of the last failed apply. One request in flight; reports
// made meanwhile collapse into the newest. A failed PUT (server away) is retried on a timer.
const RETRY_MS = 2_000;
export class StatusReporter {
    server;
    node;
    log;
    onServerBehind;
    latest;
    inFlight;
    timer;
    stopped = false;
    retryPending = false;
    /** The last report the server accepted. */
    accepted;
    constructor(server, node, log, 
    /** The server is behind the applied rv (it lost history): the agent must start over. */
    onServerBehind = () => { }) {
        this.server = server;
        this.node = node;
        this.log = log;
        this.onServerBehind = onServerBehind;
    }
    report(r) {
        this.latest = r;
        this.kick();
    }
    kick() {
        if (this.inFlight || this.stopped || !this.latest || this.retryPending)
            return;
        const r = this.latest;
        this.latest = undefined;
        this.inFlight = this.put(r).then(() => {
            this.accepted = r;
        }, (err) => {
            this.log.warn({ err: String(err), rv: r.appliedResourceVersion }, 'status report failed; retrying');
            this.latest ??= r;
            this.retryPending = true;
            this.timer = setTimeout(() => {
                this.retryPending = false;
                this.kick();
            }, RETRY_MS);
            this.timer.unref();
        }).finally(() => {
            this.inFlight = undefined;
            this.kick();
        });
    }
    async put(r) {
        const res = await fetch(`${this.server}/apis/netledger.io/v1/nodes/${encodeURIComponent(this.node)}/status`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(r),
            signal: AbortSignal.timeout(10_000),
        });
        const text = await res.text();
        if (res.status === 400 && /ahead of the server/.test(text)) {
            // The server lost history we applied (restored from an older backup): nothing to retry.
            this.log.error({ rv: r.appliedResourceVersion, body: text.slice(0, 200) }, 'server is behind the applied rv; resyncing');
            this.onServerBehind();
            return;
        }
        if (!res.ok)
            throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
    }
    /** Waits for the report in flight (shutdown). */
    async flush() {
        await this.inFlight;
        if (this.latest && !this.retryPending) {
            this.kick();
            await this.inFlight;
        }
    }
    stop() {
        this.stopped = true;
        clearTimeout(this.timer);
    }
}
//# sourceMappingURL=status.js.map