// Many node table streams held open by one process. A stream's progress is the highest rv of a
// complete line it has received; lines are not JSON-parsed (thousands of streams × thousands of
// lines would make the bench the bottleneck): the rv is read from the line head, which the server
// writes as {"type":…,"resourceVersion":"N",…}, and an ERROR line is recognised by its type.
import { Pool } from 'undici';
const RV_FIELD = Buffer.from('"resourceVersion":"');
const ERROR_TYPE = Buffer.from('"type":"ERROR"');
const NL = 0x0a;
export class StreamFleet {
    url;
    streams = [];
    pool;
    target = Infinity;
    waiting = 0;
    onAllReached;
    constructor(url, maxStreams) {
        this.url = url;
        this.pool = new Pool(url, { connections: maxStreams, pipelining: 1, bodyTimeout: 0, headersTimeout: 0, keepAliveTimeout: 600_000 });
    }
    /** Opens a stream for each node from rv `from` (no SNAPSHOT); resolves once all have headers. */
    async open(nodes, from, concurrency = 200) {
        let next = 0;
        const worker = async () => {
            while (next < nodes.length)
                await this.openOne(nodes[next++], from);
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, nodes.length) }, worker));
    }
    async openOne(node, from) {
        const s = { node, rv: 0, lines: 0, bytes: 0, ended: false };
        this.streams.push(s);
        const res = await this.pool.request({ method: 'GET', path: `/apis/netledger.io/v1/nodes/${node}/tables?watch=true&resourceVersion=${from}` });
        if (res.statusCode !== 200) {
            s.error = `HTTP ${res.statusCode}: ${(await res.body.text()).slice(0, 200)}`;
            s.ended = true;
            return;
        }
        // Registered with the server's hub before its headers were sent: live from here on. A
        // resumer that missed nothing gets no line until something changes (or the 25 s BOOKMARK).
        s.rv = from;
        let carry;
        res.body.on('data', (chunk) => {
            s.bytes += chunk.length;
            const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
            const end = buf.lastIndexOf(NL);
            if (end < 0) {
                carry = buf;
                return;
            }
            carry = end + 1 < buf.length ? buf.subarray(end + 1) : undefined;
            // The last complete line carries the highest rv of this chunk (streams are rv-ordered).
            const lineStart = buf.lastIndexOf(NL, end - 1) + 1;
            let lines = 0;
            for (let i = buf.indexOf(NL); i >= 0 && i <= end; i = buf.indexOf(NL, i + 1))
                lines++;
            s.lines += lines;
            if (buf.indexOf(ERROR_TYPE) >= 0 && !s.error)
                s.error = buf.subarray(0, end).toString().split('\n').find((l) => l.includes('"ERROR"'))?.slice(0, 300);
            const at = buf.indexOf(RV_FIELD, lineStart);
            if (at >= 0 && at < end) {
                const start = at + RV_FIELD.length;
                const close = buf.indexOf(0x22, start);
                const rv = Number(buf.toString('latin1', start, close));
                if (rv > s.rv) {
                    s.rv = rv;
                    if (rv > this.target && s.reachedAt === undefined)
                        this.reached(s);
                }
            }
        });
        res.body.on('end', () => (s.ended = true));
        res.body.on('error', (e) => {
            s.ended = true;
            s.error ??= String(e);
        });
    }
    reached(s) {
        s.reachedAt = performance.now();
        if (--this.waiting === 0)
            this.onAllReached?.();
    }
    /**
     * Arms the fleet for a measurement: each live stream records when it first gets a line with
     * rv > `after`. Returns a promise that resolves when all have, or after timeoutMs.
     */
    arm(after, timeoutMs) {
        this.target = after;
        this.waiting = 0;
        for (const s of this.live()) {
            s.reachedAt = undefined;
            if (s.rv > after)
                s.reachedAt = performance.now();
            else
                this.waiting++;
        }
        return new Promise((resolve) => {
            if (this.waiting === 0)
                return resolve(true);
            const timer = setTimeout(() => resolve(false), timeoutMs);
            this.onAllReached = () => {
                clearTimeout(timer);
                resolve(true);
            };
        });
    }
    /** Changes the target of an armed fleet (the burst's last rv is known only at its end). */
    retarget(after) {
        this.target = after;
        this.waiting = 0;
        for (const s of this.live()) {
            if (s.rv > after) {
                s.reachedAt ??= performance.now();
            }
            else {
                s.reachedAt = undefined;
                this.waiting++;
            }
        }
        if (this.waiting === 0)
            this.onAllReached?.();
    }
    live() {
        return this.streams.filter((s) => !s.ended && !s.error);
    }
    async close() {
        await this.pool.destroy();
    }
}
//# sourceMappingURL=node-streams.js.map