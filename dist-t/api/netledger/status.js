// PUT/GET /apis/netledger.io/v1/nodes/{node}/status: what an agent says it applied, compared
// with the server's own digests at the same rv — drift is visible here and in metrics.
import { errors } from '../../domain/errors.js';
import { nodeTable, requireNode, tableName } from './tables.js';
export function parseReport(body) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        throw errors.badRequest('the node status report must be a JSON object');
    const b = body;
    const rv = b.appliedResourceVersion;
    if (rv === undefined || rv === null || rv === '') {
        throw errors.invalid('NodeStatus', 'netledger.io', '', [{ type: 'FieldValueRequired', field: 'appliedResourceVersion', message: 'Required value' }]);
    }
    if (typeof rv !== 'string' || !/^\d+$/.test(rv)) {
        throw errors.invalid('NodeStatus', 'netledger.io', '', [
            { type: 'FieldValueInvalid', field: 'appliedResourceVersion', message: `Invalid value: ${JSON.stringify(rv)}: must be a decimal resourceVersion string` },
        ]);
    }
    const digests = (b.digests ?? {});
    if (typeof digests !== 'object' || Array.isArray(digests))
        throw errors.badRequest('digests must be an object of table name to digest');
    const out = { appliedResourceVersion: rv, digests: {} };
    for (const [t, d] of Object.entries(digests)) {
        const name = tableName(t);
        if (typeof d !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(d)) {
            throw errors.invalid('NodeStatus', 'netledger.io', '', [{ type: 'FieldValueInvalid', field: `digests.${t}`, message: `Invalid value: ${JSON.stringify(d)}: must be sha256:<64 hex digits>` }]);
        }
        out.digests[name] = d;
    }
    if (b.error !== undefined) {
        if (typeof b.error !== 'string')
            throw errors.badRequest('error must be a string');
        out.error = b.error;
    }
    return out;
}
export async function putNodeStatus(req, reply, ledger, metrics) {
    const { node } = req.params;
    requireNode(ledger, node);
    const report = { ...parseReport(req.body), time: new Date().toISOString() };
    if (Number(report.appliedResourceVersion) > ledger.committedRv) {
        throw errors.badRequest(`appliedResourceVersion ${report.appliedResourceVersion} is ahead of the server (${ledger.committedRv})`);
    }
    await ledger.store.db
        .insertInto('node_status')
        .values({ node, report: JSON.stringify(report), updated: report.time })
        .onConflict((oc) => oc.column('node').doUpdateSet({ report: JSON.stringify(report), updated: report.time }))
        .execute();
    const view = await statusView(ledger, node, report);
    for (const [t, ok] of Object.entries(view.status.tables))
        metrics.nodeDrift.set({ node, table: t }, ok.inSync ? 1 : 0);
    reply.type('application/json');
    return view;
}
export async function getNodeStatus(req, reply, ledger) {
    const { node } = req.params;
    requireNode(ledger, node);
    const row = await ledger.store.db.selectFrom('node_status').selectAll().where('node', '=', node).executeTakeFirst();
    if (!row)
        throw errors.notFound('nodes/status', 'netledger.io', node);
    reply.type('application/json');
    return statusView(ledger, node, JSON.parse(row.report));
}
/** The report beside the server's digests at the same rv. */
export async function statusView(ledger, node, report) {
    const rv = Number(report.appliedResourceVersion);
    const tables = {};
    let inSync = !report.error;
    for (const [t, digest] of Object.entries(report.digests)) {
        const server = rv >= ledger.floorRv ? (await nodeTable(ledger, node, t, rv)).digest : null;
        const same = server === digest;
        if (!same)
            inSync = false;
        tables[t] = { agentDigest: digest, serverDigest: server, inSync: same };
    }
    return {
        kind: 'NodeStatus',
        apiVersion: 'netledger.io/v1',
        metadata: { name: node, resourceVersion: String(ledger.committedRv) },
        report,
        status: {
            appliedResourceVersion: report.appliedResourceVersion,
            serverResourceVersion: String(ledger.committedRv),
            behind: ledger.committedRv - rv,
            tables,
            inSync,
        },
    };
}
//# sourceMappingURL=status.js.map