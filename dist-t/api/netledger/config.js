// GET /apis/netledger.io/v1/clusternetworkconfigs[/cluster]: the cluster network settings the
// server runs with (its flags), as the object the log records when they change. Every event list
// names its objects' kinds, and kubectl resolves each kind through discovery: this one must be a
// resource too (`kubectl get events -o yaml` refused the settings event otherwise).
import { errors } from '../../domain/errors.js';
import { CONFIG_KIND } from '../../domain/kinds.js';
import { refuseWatch } from './audit/query.js';
const NAME = 'cluster';
/** The settings object at its last change: the object and resourceVersion of that event. */
async function current(ledger) {
    const last = await ledger.store.lastEventAtOrBefore(CONFIG_KIND, '', NAME, ledger.committedRv);
    if (!last)
        throw errors.notFound('clusternetworkconfigs', 'netledger.io', NAME);
    return { ...last.object, metadata: { ...last.object.metadata, resourceVersion: String(last.rv) } };
}
export function registerConfigRoutes(app, base, ledger) {
    // Discovery lists get and list only: a watch is 405, never a list the client reads as events.
    app.get(`${base}/clusternetworkconfigs`, async (req) => {
        refuseWatch(req.query);
        return {
            kind: `${CONFIG_KIND}List`,
            apiVersion: 'netledger.io/v1',
            metadata: { resourceVersion: String(ledger.committedRv) },
            items: [await current(ledger)],
        };
    });
    app.get(`${base}/clusternetworkconfigs/:name`, async (req) => {
        refuseWatch(req.query);
        if (req.params.name !== NAME)
            throw errors.notFound('clusternetworkconfigs', 'netledger.io', req.params.name);
        return current(ledger);
    });
    // They change through the server's flags only (recorded at start-up), never through the API.
    for (const url of [`${base}/clusternetworkconfigs`, `${base}/clusternetworkconfigs/:name`]) {
        app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url, handler: async () => {
                throw errors.methodNotAllowed();
            } });
    }
}
//# sourceMappingURL=config.js.map