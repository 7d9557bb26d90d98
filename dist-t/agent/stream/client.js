// The agent's side of the node stream: one long GET, newline-delimited JSON, lines handed to the
// caller one at a time (the next waits until the previous is applied, and the socket is paused
// while lines pile up, so a slow apply back-pressures the server instead of buffering here).
// Reconnects with exponential backoff, resuming from the caller's last applied rv; after a 410
// (or a 504 for an rv the server never reached) it drops the rv so the server starts over with a
// SNAPSHOT.
import http from 'node:http';
import https from 'node:https';
import { Backoff } from './backoff.js';
import { LineSplitter, parseStreamLine } from './messages.js';
const MAX_QUEUED_LINES = 64;
export function streamPath(node, tables, rv) {
    const q = new URLSearchParams({ watch: 'true' });
    if (rv !== undefined)
        q.set('resourceVersion', String(rv));
    q.set('tables', tables.join(','));
    return `/apis/netledger.io/v1/nodes/${encodeURIComponent(node)}/tables?${q}`;
}
export class NodeStreamClient {
    opts;
    stopped = false;
    snapshotNext = false;
    current;
    wake;
    loop;
    backoff;
    /** Connections made so far (tests and logs). */
    connects = 0;
    constructor(opts) {
        this.opts = opts;
        this.backoff = opts.backoff ?? new Backoff();
    }
    start() {
        this.loop ??= this.run();
    }
    /** Drops the current connection and starts over with a SNAPSHOT (the server lost our rv). */
    resync() {
        this.snapshotNext = true;
        this.current?.destroy();
        this.wake?.();
    }
    async stop() {
        this.stopped = true;
        this.current?.destroy();
        this.wake?.();
        await this.loop;
    }
    async run() {
        while (!this.stopped) {
            const rv = this.snapshotNext ? undefined : this.opts.resumeFrom();
            this.snapshotNext = false;
            let delivered = false;
            try {
                delivered = await this.connectOnce(rv);
            }
            catch (err) {
                this.opts.log.warn({ err: String(err), server: this.opts.server }, 'node stream broke');
            }
            if (this.stopped)
                break;
            if (delivered)
                this.backoff.reset();
            const delay = this.backoff.next();
            this.opts.log.info({ delayMs: delay, resumeFrom: this.snapshotNext ? null : this.opts.resumeFrom() ?? null }, 'node stream reconnecting');
            await new Promise((resolve) => {
                const t = setTimeout(resolve, delay);
                this.wake = () => {
                    clearTimeout(t);
                    resolve();
                };
            });
            this.wake = undefined;
        }
    }
    /** One connection; resolves when it ended and every line it brought was applied. True when a line came. */
    connectOnce(rv) {
        const url = new URL(streamPath(this.opts.node, this.opts.tables, rv), this.opts.server);
        const lib = url.protocol === 'https:' ? https : http;
        this.connects++;
        this.opts.onConnect?.();
        this.opts.log.info({ url: url.toString() }, 'node stream connecting');
        return new Promise((resolve, reject) => {
            let delivered = false;
            let ended = false;
            let failed;
            const queue = [];
            let busy = false;
            const splitter = new LineSplitter();
            const finish = () => {
                if (!ended || busy || queue.length)
                    return;
                if (failed !== undefined && !delivered)
                    reject(failed);
                else {
                    if (failed !== undefined)
                        this.opts.log.warn({ err: String(failed) }, 'node stream ended');
                    resolve(delivered);
                }
            };
            const req = lib.get(url, { headers: { accept: 'application/x-ndjson' } }, (res) => {
                if (res.statusCode !== 200) {
                    let body = '';
                    res.setEncoding('utf8').on('data', (d) => (body += d));
                    res.on('end', () => {
                        // 410: the server no longer has our rv. 504 ResourceVersionTooLarge: it never had it
                        // (another server, or one restored from an older backup); as client-go's reflector
                        // relists then, start over with a SNAPSHOT.
                        if (res.statusCode === 410 || (res.statusCode === 504 && body.includes('ResourceVersionTooLarge')))
                            this.snapshotNext = true;
                        failed = new Error(`GET ${url.pathname}: HTTP ${res.statusCode} ${body.slice(0, 200)}`);
                        ended = true;
                        finish();
                    });
                    return;
                }
                const pump = async () => {
                    if (busy)
                        return;
                    busy = true;
                    while (queue.length && failed === undefined) {
                        const { line, at } = queue.shift();
                        try {
                            const msg = parseStreamLine(line);
                            if (msg.type === 'ERROR') {
                                if (msg.status.code === 410)
                                    this.snapshotNext = true;
                                this.opts.log.warn({ status: msg.status }, 'node stream ERROR');
                            }
                            await this.opts.onMessage(msg, at);
                            delivered = true;
                        }
                        catch (err) {
                            failed = err;
                            queue.length = 0;
                            req.destroy();
                        }
                        if (queue.length < MAX_QUEUED_LINES / 2 && res.isPaused())
                            res.resume();
                    }
                    busy = false;
                    finish();
                };
                res.on('data', (chunk) => {
                    idle.refresh();
                    const at = performance.now();
                    for (const line of splitter.push(chunk))
                        queue.push({ line, at });
                    if (queue.length >= MAX_QUEUED_LINES)
                        res.pause();
                    void pump();
                });
                res.on('end', () => {
                    ended = true;
                    finish();
                });
                res.on('error', (err) => {
                    failed ??= err;
                    ended = true;
                    finish();
                });
            });
            this.current = req;
            const idle = setTimeout(() => {
                failed ??= new Error(`node stream silent for ${this.opts.idleTimeoutMs ?? 65_000} ms`);
                req.destroy();
            }, this.opts.idleTimeoutMs ?? 65_000);
            idle.unref();
            req.on('error', (err) => {
                failed ??= err;
                ended = true;
                finish();
            });
            req.on('close', () => {
                clearTimeout(idle);
                ended = true;
                finish();
            });
        });
    }
}
//# sourceMappingURL=client.js.map