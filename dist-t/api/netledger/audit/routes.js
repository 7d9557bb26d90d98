// The audit half of netledger.io/v1 (API.md "Audit", and the diff/history/blame reads of
// "Node tables"): read-only over the log, except previews, which write nothing either.
import { getBlame } from './blame.js';
import { getDiff } from './diff.js';
import { listEvents } from './events.js';
import { getHistory } from './history.js';
import { postPreview } from './previews-route.js';
export function registerAuditRoutes(app, base, deps) {
    const { ledger, actorOf } = deps;
    app.get(`${base}/events`, (req, reply) => listEvents(req, reply, ledger));
    app.get(`${base}/nodes/:node/tables/:table/history`, (req) => getHistory(req, ledger));
    app.get(`${base}/nodes/:node/tables/:table/diff`, (req, reply) => getDiff(req, reply, ledger));
    app.get(`${base}/nodes/:node/tables/:table/blame`, (req) => getBlame(req, ledger));
    app.post(`${base}/previews`, (req, reply) => postPreview(req, reply, ledger, actorOf));
}
//# sourceMappingURL=routes.js.map