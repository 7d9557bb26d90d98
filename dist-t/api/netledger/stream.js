// GET /apis/netledger.io/v1/nodes/{node}/tables?watch=true[&resourceVersion=R][&tables=…]
// An agent's stream (API.md "Node stream"): SNAPSHOT when it has no rv or one below the floor,
// else the DELTAs after its rv; then live DELTAs, BOOKMARKs in silence, ERROR then close when it
// falls behind.
import { errors } from '../../domain/errors.js';
import { queryBool } from '../query-params.js';
import { TABLE_NAMES } from '../../projections/model.js';
import { nodeDeltasSince } from '../../store/node-deltas.js';
import { requireNode } from './tables.js';
import { resourceVersionParam, waitForRv } from '../wait-rv.js';
export function parseTables(text) {
    if (text === undefined || text === '')
        return [...TABLE_NAMES];
    const names = String(text)
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    // A query parameter, not a path: an unknown name is a bad request naming the tables there are.
    for (const n of names) {
        if (!TABLE_NAMES.includes(n))
            throw errors.badRequest(`tables: Unsupported value: ${JSON.stringify(n)}: supported values: ${TABLE_NAMES.map((t) => `"${t}"`).join(', ')}`);
    }
    return [...new Set(names)].sort();
}
export async function serveNodeStream(req, reply, ledger, hub) {
    const { node } = req.params;
    const q = req.query;
    if (!queryBool(q.watch))
        throw errors.badRequest('node tables are read one at a time (…/tables/{table}) or streamed with ?watch=true');
    requireNode(ledger, node);
    const tables = parseTables(q.tables);
    // Absent, '' or '0' (any state, as a Kubernetes watch from 0): a SNAPSHOT first.
    const from = resourceVersionParam(q.resourceVersion);
    // An rv the log has not reached (an agent's state from another server, or a restored backup):
    // wait briefly, then 504 ResourceVersionTooLarge as a read would. Streaming from it would skip
    // every rv up to it.
    if (from !== undefined) {
        await waitForRv(ledger, from);
        // The node may have gone while we waited: its deletion is then behind the stream's start.
        requireNode(ledger, node);
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders?.();
    res.socket?.setNoDelay(true);
    const head = ledger.committedRv;
    const stream = { node, tables, res, rv: head, live: false, pending: [], lastWrite: Date.now(), closed: false };
    hub.add(stream);
    if (from === undefined || from < ledger.floorRv) {
        // Synchronous with the publish loop: the snapshot is exactly the tables at `head`.
        const snapshot = {};
        for (const t of tables) {
            const set = ledger.engine.tables[t];
            // lastChange: the rv of the table's last change (the DNS SOA serial), not the snapshot's.
            snapshot[t] = { digest: set.digest(node), lastChange: String(set.lastChangeRv), entries: [...set.nodeTable(node)].map(([key, e]) => ({ key, value: e.value })) };
        }
        hub.writeSnapshot(stream, JSON.stringify({ type: 'SNAPSHOT', resourceVersion: String(head), tables: snapshot }) + '\n');
        hub.goLive(stream);
        return;
    }
    try {
        stream.rv = from;
        const upTo = Math.max(head, from);
        const missed = await nodeDeltasSince(ledger, node, tables, from, upTo);
        for (const d of missed) {
            // A long catch-up goes at the reader's pace; a reader that stops reading is dropped.
            if (!(await hub.drained(stream))) {
                hub.remove(stream);
                res.destroy();
                return;
            }
            hub.deliver(stream, d.rv, d.changes, d.time);
        }
        const lastDelivered = missed.length ? missed[missed.length - 1].rv : from;
        stream.rv = Math.max(stream.rv, upTo);
        // When the last rvs did not concern this node, say where the catch-up ended.
        if (lastDelivered < stream.rv)
            hub.write(stream, JSON.stringify({ type: 'BOOKMARK', resourceVersion: String(stream.rv) }) + '\n');
        hub.goLive(stream);
    }
    catch (e) {
        req.log.error({ err: e }, 'node stream catch-up failed');
        hub.write(stream, JSON.stringify({ type: 'ERROR', status: errors.internal(String(e)).status }) + '\n');
        hub.remove(stream);
        res.end();
    }
}
//# sourceMappingURL=stream.js.map