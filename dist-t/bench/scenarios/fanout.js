// `fanout`: one server (child process) with 5,000 Nodes; 1,000 and then 5,000 concurrent node
// streams from this process; for one endpoint change and for a burst of 1,000, the time from the
// write's response until every stream has the DELTA carrying it, and the server's RSS.
import { execFileSync } from 'node:child_process';
import { Pool } from 'undici';
import { call, createObject, parallel, setReady } from '../lib/http.js';
import { node, nodeName, pod, SERVE_FLAGS, service } from '../lib/objects.js';
import { StreamFleet } from '../lib/node-streams.js';
import { startNetledger, tempDir, vmRss } from '../lib/processes.js';
import { gauge } from '../lib/prom.js';
import { Report } from '../lib/report.js';
import { atMost, summarize } from '../lib/stats.js';
const NS = 'fan';
const SERVICES = 10;
const PODS_PER_SERVICE = 10;
const SINGLE_ROUNDS = 5;
const BURST = 1000;
const MiB = 1024 ** 2;
function openFileLimit() {
    try {
        return execFileSync('sh', ['-c', 'echo "$(ulimit -Sn) soft / $(ulimit -Hn) hard"']).toString().trim();
    }
    catch {
        return 'unknown';
    }
}
export async function fanout(opts, shared) {
    const report = new Report('fanout');
    const nodes = opts.quick ? 500 : 5000;
    const first = opts.quick ? 100 : 1000;
    const burst = opts.quick ? 200 : BURST;
    const limit = openFileLimit();
    report.note(`open files limit: ${limit} (each stream is one socket on each side; the bench and the server each need > ${nodes} descriptors)`);
    report.note('streams resume from the current rv (no SNAPSHOT) with all tables; endpoint change = a Pod status PATCH flipping Ready of a pod behind a ClusterIP Service, which changes cluster-scoped iptables entries, so every node gets a DELTA');
    report.note('"after response": from the PATCH response arriving at the bench to the stream line arriving (negative when the DELTA was read first); "after request": from sending the PATCH');
    report.detail('ulimit', limit);
    const dataDir = tempDir('netledger-bench-fanout-');
    shared.cleanup.push(dataDir);
    const server = await startNetledger({ dataDir, flags: SERVE_FLAGS });
    const pool = new Pool(server.url, { connections: 64 });
    const fleet = new StreamFleet(server.url, nodes + 16);
    try {
        opts.log(`fanout: creating ${nodes} nodes and ${SERVICES * PODS_PER_SERVICE} ready endpoints`);
        await parallel(nodes, 64, (i) => createObject(pool, '/api/v1/nodes', node(i)));
        const pods = SERVICES * PODS_PER_SERVICE;
        await parallel(pods, 64, (i) => createObject(pool, `/api/v1/namespaces/${NS}/pods`, pod(`p-${i}`, nodeName((i * 37) % nodes), `s-${i % SERVICES}`)));
        await parallel(pods, 64, (i) => setReady(pool, NS, `p-${i}`, true));
        await parallel(SERVICES, 8, (i) => createObject(pool, `/api/v1/namespaces/${NS}/services`, service(`s-${i}`, `s-${i}`)));
        report.add('server RSS with no streams', vmRss(server.pid) / MiB, 'MiB');
        let flip = 0; // pods flip Ready alternately; each PATCH changes the endpoints of its Service
        const change = async () => {
            const i = flip++;
            const podIndex = i % pods;
            const ready = Math.floor(i / pods) % 2 === 1;
            const sent = performance.now();
            const res = await setReady(pool, NS, `p-${podIndex}`, ready);
            return { rv: Number(res.metadata.resourceVersion), sent, received: performance.now() };
        };
        const measureSingle = async () => {
            const afterResponse = [];
            const afterRequest = [];
            let missing = 0;
            for (let round = 0; round < SINGLE_ROUNDS; round++) {
                // The response's rv is the Pod event; the table changes come with the derived
                // Endpoints/EndpointSlice events right after it in the same batch.
                const head = await currentRv(pool);
                const done = fleet.arm(Infinity, 30_000);
                const w = await change();
                fleet.retarget(w.rv);
                const ok = await done;
                for (const s of fleet.live()) {
                    if (s.reachedAt === undefined)
                        missing++;
                    else {
                        afterResponse.push(s.reachedAt - w.received);
                        afterRequest.push(s.reachedAt - w.sent);
                    }
                }
                if (!ok)
                    opts.log(`fanout: round ${round}: not every stream got rv > ${w.rv} (head before ${head})`);
                await sleep(200);
            }
            return { afterResponse: summarize(afterResponse), afterRequest: summarize(afterRequest), missing };
        };
        const measureBurst = async () => {
            const done = fleet.arm(Infinity, 120_000);
            const started = performance.now();
            let last = { rv: 0, sent: 0, received: 0 };
            await parallel(burst, 64, async () => {
                const w = await change();
                if (w.rv > last.rv)
                    last = w;
                last.received = Math.max(last.received, w.received);
            });
            const lastResponse = performance.now();
            fleet.retarget(last.rv);
            const ok = await done;
            const afterResponse = [];
            const afterRequest = [];
            let missing = 0;
            for (const s of fleet.live()) {
                if (s.reachedAt === undefined)
                    missing++;
                else {
                    afterResponse.push(s.reachedAt - lastResponse);
                    afterRequest.push(s.reachedAt - started);
                }
            }
            if (!ok)
                opts.log(`fanout: burst: not every stream got rv > ${last.rv}`);
            const burstSeconds = (lastResponse - started) / 1000;
            return { afterResponse: summarize(afterResponse), afterRequest: summarize(afterRequest), missing, burstSeconds, writesPerSecond: burst / burstSeconds };
        };
        const stage = async (count) => {
            const head = await currentRv(pool);
            const todo = Array.from({ length: count - fleet.streams.length }, (_, k) => nodeName(fleet.streams.length + k));
            opts.log(`fanout: opening ${todo.length} more streams (total ${count}) from rv ${head}`);
            const t = performance.now();
            await fleet.open(todo, head);
            report.add(`@${count} streams: time to open (${todo.length} new, until headers)`, (performance.now() - t) / 1000, 's');
            const metrics = await (await fetch(server.url + '/metrics')).text();
            report.add(`@${count} streams: open per server gauge`, gauge(metrics, 'netledger_node_streams') ?? NaN, '');
            report.add(`@${count} streams: server RSS idle`, vmRss(server.pid) / MiB, 'MiB');
            const single = await measureSingle();
            const p99Target = count === first ? '<= 100 ms' : '';
            report.add(`@${count} single change: p50 after response`, single.afterResponse.p50, 'ms');
            report.add(`@${count} single change: p99 after response`, single.afterResponse.p99, 'ms', p99Target, p99Target ? atMost(single.afterResponse.p99, 100) : '');
            report.add(`@${count} single change: max after response`, single.afterResponse.max, 'ms');
            report.add(`@${count} single change: p50 / p99 / max after request`, `${fmt(single.afterRequest.p50)} / ${fmt(single.afterRequest.p99)} / ${fmt(single.afterRequest.max)}`, 'ms');
            const b = await measureBurst();
            report.add(`@${count} burst of ${burst}: writes/s`, b.writesPerSecond, '/s');
            report.add(`@${count} burst: p50 / p99 / max after last response`, `${fmt(b.afterResponse.p50)} / ${fmt(b.afterResponse.p99)} / ${fmt(b.afterResponse.max)}`, 'ms');
            report.add(`@${count} burst: p50 / p99 / max after first request`, `${fmt(b.afterRequest.p50)} / ${fmt(b.afterRequest.p99)} / ${fmt(b.afterRequest.max)}`, 'ms');
            report.add(`@${count} server RSS after burst`, vmRss(server.pid) / MiB, 'MiB');
            const errored = fleet.streams.filter((s) => s.error || s.ended);
            report.add(`@${count} streams closed or errored`, errored.length, '', '0', errored.length ? 'MISS' : 'PASS');
            if (single.missing || b.missing)
                report.note(`@${count}: ${single.missing} (single) / ${b.missing} (burst) stream samples never got the rv`);
            if (errored.length)
                report.detail(`errors@${count}`, errored.slice(0, 5).map((s) => ({ node: s.node, error: s.error, ended: s.ended })));
            report.detail(`@${count}`, { single, burst: b, bytesPerStream: summarize(fleet.streams.map((s) => s.bytes)) });
        };
        await stage(first);
        await stage(nodes);
    }
    finally {
        await fleet.close().catch(() => undefined);
        await pool.close().catch(() => undefined);
        await server.stop();
    }
    return report;
}
/** The server's committed rv, as a (small) live list reports it. */
async function currentRv(pool) {
    const r = await call(pool, 'GET', `/api/v1/namespaces/${NS}/services?limit=1`);
    if (r.status !== 200)
        throw new Error(`reading the head rv: ${r.status}`);
    return Number(r.json.metadata.resourceVersion);
}
function fmt(x) {
    return Number.isFinite(x) ? x.toFixed(1) : String(x);
}
function sleep(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
//# sourceMappingURL=fanout.js.map