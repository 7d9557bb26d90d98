// GET /apis/netledger.io/v1/events?since=R&until=R&sinceTime=T&untilTime=T&kind=K&namespace=NS
//   &name=N&actor=A&limit=N&continue=TOKEN
// The event log, oldest first, as an EventList (or a meta.k8s.io Table for kubectl get). `since`
// is exclusive (events after R, as a watch from R would deliver them), `until` inclusive. The
// first page pins `until` to the committed rv and every continue token carries it, so paging is
// consistent while writes go on.
import { errors } from '../../../domain/errors.js';
import { CONFIG_KIND, KIND_INFO } from '../../../domain/kinds.js';
import { RESOURCES } from '../../../domain/schemas/resources.js';
import { eventsPage, timeAtRv } from '../../../store/audit-queries.js';
import { negotiate } from '../../negotiate.js';
import { parseIncludeObject } from '../../printers/index.js';
import { waitForRv } from '../../wait-rv.js';
import { eventsTable } from './events-table.js';
import { decodeToken, encodeToken, listLimitParam, refuseWatch, requireRetained, requireWalkable, rvParam, str, timeParam } from './query.js';
function apiVersionOf(kind) {
    return kind === CONFIG_KIND ? 'netledger.io/v1' : (KIND_INFO[kind]?.apiVersion ?? 'v1');
}
export function eventItem(e) {
    return {
        resourceVersion: String(e.rv),
        time: e.time,
        actor: e.actor,
        ...(e.impersonatedBy ? { impersonatedBy: e.impersonatedBy } : {}),
        apiVersion: apiVersionOf(e.kind),
        kind: e.kind,
        namespace: e.namespace,
        name: e.name,
        uid: e.uid,
        type: e.type,
        cause: e.cause === null ? null : String(e.cause),
        requestId: e.requestId,
        object: e.object,
    };
}
const KINDS = new Map([[CONFIG_KIND.toLowerCase(), CONFIG_KIND]]);
for (const info of Object.values(KIND_INFO)) {
    KINDS.set(info.kind.toLowerCase(), info.kind);
    KINDS.set(info.resource, info.kind);
}
// kubectl's short names (svc, po, ep, no, ns) name kinds too.
for (const r of RESOURCES)
    if (r.serving === 'generic')
        for (const short of r.shortNames)
            KINDS.set(short, r.kind);
/** `Pod`, `pod`, `pods` and `po` all name the kind Pod, as kubectl accepts them. */
export function kindOf(text) {
    const k = KINDS.get(text.toLowerCase());
    if (!k)
        throw errors.badRequest(`kind: unknown kind "${text}": known kinds are ${[...new Set(KINDS.values())].join(', ')}`);
    return k;
}
/** The one event log: its tokens name it for the same checks as the per-node lists'. */
const EVENTS_OF = 'the event log';
/** Where a page starts: after `since` (410 below the floor) or where the token left off. */
async function position(q, ledger) {
    const cont = str(q, 'continue');
    if (cont) {
        const t = decodeToken('events', EVENTS_OF, cont, { after: 'rv', until: 'rv', floor: 'rv?' }, ledger.committedRv);
        requireWalkable(ledger, t.floor, t.after, 'list the events again');
        return { after: t.after, until: t.until };
    }
    const since = rvParam(q, 'since');
    if (since !== undefined) {
        requireRetained(ledger, since, 'since');
        // Ahead of the log, as `until` and `resourceVersion`: wait for it, then 504.
        await waitForRv(ledger, since);
    }
    const untilParam = rvParam(q, 'until');
    if (untilParam !== undefined)
        await waitForRv(ledger, untilParam);
    return { after: since ?? 0, until: untilParam ?? ledger.committedRv };
}
export async function listEvents(req, reply, ledger) {
    const q = req.query;
    // Discovery lists `list` alone for events: a watch would get a list it cannot read as events.
    refuseWatch(q);
    const table = negotiate(req.headers.accept).table;
    const includeObject = (table && parseIncludeObject(str(q, 'includeObject'))) || 'Metadata';
    const limit = listLimitParam(q);
    const floor = ledger.floorRv;
    const { after, until } = await position(q, ledger);
    const kind = str(q, 'kind');
    const filter = {
        after,
        until,
        kind: kind === undefined ? undefined : kindOf(kind),
        namespace: str(q, 'namespace'),
        name: str(q, 'name'),
        actor: str(q, 'actor'),
        sinceTime: timeParam(q, 'sinceTime'),
        untilTime: timeParam(q, 'untilTime'),
    };
    const events = await eventsPage(ledger.store, filter, limit + 1);
    const page = events.slice(0, limit);
    const list = { kind: 'EventList', apiVersion: 'netledger.io/v1', metadata: { resourceVersion: String(until) }, items: page.map(eventItem) };
    if (events.length > limit)
        list.metadata.continue = encodeToken('events', EVENTS_OF, { after: page[page.length - 1].rv, until, floor });
    await floorHeaders(reply, ledger, floor);
    return table ? eventsTable(list, includeObject, new Date()) : list;
}
/**
 * Where the log's complete history begins, for clients that turn times into rvs (`netledger
 * history --since 1h`): below the floor only each object's last event is left.
 */
async function floorHeaders(reply, ledger, floor) {
    reply.header('x-netledger-retention-floor', String(floor));
    if (floor === 0)
        return;
    const time = await timeAtRv(ledger.store, floor);
    if (time)
        reply.header('x-netledger-retention-floor-time', time);
}
//# sourceMappingURL=events.js.map