// The netledger.io/v1 group: node tables (read, time travel), node streams and status, and the
// audit reads (events, history, diff, blame) and previews, and the cluster network settings.
import { errors } from '../../domain/errors.js';
import { registerAuditRoutes } from './audit/routes.js';
import { registerConfigRoutes } from './config.js';
import { getNodeStatus, putNodeStatus } from './status.js';
import { serveNodeStream } from './stream.js';
import { StreamHub } from './stream-hub.js';
import { getNodeTable } from './tables.js';
export async function netledgerRoutes(app, deps) {
    const { ledger, metrics } = deps;
    const base = '/apis/netledger.io/v1';
    const hub = new StreamHub(ledger, metrics.nodeStreams, deps.streamBufferBytes);
    // Every path below answers its other methods with 405 MethodNotAllowed, as kube-apiserver does
    // for a resource that lacks the verb (a 404 would say the path does not exist).
    const served = new Map();
    app.addHook('onRoute', (route) => {
        const set = served.get(route.url) ?? new Set();
        for (const m of [route.method].flat())
            set.add(m);
        served.set(route.url, set);
    });
    app.addHook('onClose', async () => hub.close());
    app.get(`${base}/nodes/:node/tables`, (req, reply) => serveNodeStream(req, reply, ledger, hub));
    app.get(`${base}/nodes/:node/tables/:table`, (req, reply) => getNodeTable(req, reply, ledger));
    app.put(`${base}/nodes/:node/status`, (req, reply) => putNodeStatus(req, reply, ledger, metrics));
    app.get(`${base}/nodes/:node/status`, (req, reply) => getNodeStatus(req, reply, ledger));
    registerAuditRoutes(app, base, deps);
    registerConfigRoutes(app, base, ledger);
    for (const [url, methods] of [...served]) {
        const others = HTTP_METHODS.filter((m) => !methods.has(m));
        if (!others.length)
            continue;
        app.route({
            method: others,
            url,
            handler: async () => {
                throw errors.methodNotAllowed();
            },
        });
    }
}
const HTTP_METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT'];
//# sourceMappingURL=index.js.map