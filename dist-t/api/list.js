// LIST with kube-apiserver's resourceVersion semantics (api-concepts "Semantics for get and
// list"), selectors and limit/continue paging. The continue token pins the list's rv: later pages
// are served from the snapshot at that rv, so a paged list is consistent.
import { errors } from '../domain/errors.js';
import { queryInt64 } from './query-params.js';
import { filterFromQuery, matches } from './filter.js';
import { resourceVersionParam, waitForRv } from './wait-rv.js';
function encodeContinue(t) {
    return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.start })).toString('base64url');
}
function decodeContinue(text) {
    try {
        const t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
        if (typeof t.rv !== 'number' || typeof t.start !== 'string')
            throw new Error('bad');
        return { rv: t.rv, start: t.start };
    }
    catch {
        throw errors.badRequest(`invalid continue token: ${text}`);
    }
}
const INCONSISTENT_CONTINUE = 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, ' +
    'or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an ' +
    'inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';
function sortKey(o) {
    return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}
export async function listObjects(ledger, info, namespace, q) {
    const filter = filterFromQuery(info.kind, namespace, q);
    const rvParam = typeof q.resourceVersion === 'string' && q.resourceVersion !== '' ? q.resourceVersion : undefined;
    const match = typeof q.resourceVersionMatch === 'string' && q.resourceVersionMatch !== '' ? q.resourceVersionMatch : undefined;
    const asked = queryInt64('limit', q.limit) ?? 0;
    queryInt64('timeoutSeconds', q.timeoutSeconds); // a list ignores it, but it must decode
    // The storage pages only when limit > 0: a negative one lists everything, as upstream.
    const limit = Math.max(0, asked);
    const cont = typeof q.continue === 'string' && q.continue !== '' ? decodeContinue(q.continue) : undefined;
    checkListOptions(q, rvParam, match, cont !== undefined);
    if (cont && rvParam && rvParam !== '0')
        throw errors.badRequest('specifying resource version is not allowed when using continue');
    let atRv; // undefined = the live state
    if (cont && cont.rv !== -1)
        atRv = cont.rv;
    else if (rvParam && rvParam !== '0') {
        const n = resourceVersionParam(rvParam);
        await waitForRv(ledger, n);
        // An exact rv, or a paged list from an rv, is a snapshot; otherwise "not older than" = now.
        if (match === 'Exact' || (limit > 0 && !match))
            atRv = n;
    }
    if (atRv !== undefined && atRv < ledger.floorRv) {
        if (!cont)
            throw errors.expired('The resourceVersion for the provided list is too old.');
        // handleCompactedErrorForPaging: the client may go on from where it was, at the latest state.
        const expired = errors.expired(INCONSISTENT_CONTINUE);
        expired.status.metadata = { continue: encodeContinue({ rv: -1, start: cont.start }) };
        throw expired;
    }
    const listRv = atRv ?? ledger.committedRv;
    const all = atRv !== undefined && atRv !== ledger.committedRv ? await snapshotAt(ledger, info, atRv) : ledger.state.list(info.kind, namespace || undefined);
    let items = all.filter((o) => matches(filter, o)).sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
    if (cont)
        items = items.filter((o) => sortKey(o) > cont.start);
    const metadata = { resourceVersion: String(listRv) };
    if (limit > 0 && items.length > limit) {
        const remaining = items.length - limit;
        items = items.slice(0, limit);
        metadata.continue = encodeContinue({ rv: listRv, start: sortKey(items[items.length - 1]) });
        if (!filter.label && !filter.field)
            metadata.remainingItemCount = remaining;
    }
    return { kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata, items };
}
/** The objects of a kind as they were at rv: the live ones, rewound by the events after rv. */
export async function snapshotAt(ledger, info, rv) {
    const byKey = new Map();
    for (const o of ledger.state.list(info.kind))
        byKey.set(sortKey(o), o);
    const later = (await ledger.eventsSince(rv)).filter((e) => e.kind === info.kind);
    const touched = new Set(later.map((e) => `${e.namespace}/${e.name}`));
    for (const key of touched) {
        const slash = key.indexOf('/');
        const prior = await ledger.store.lastEventAtOrBefore(info.kind, key.slice(0, slash), key.slice(slash + 1), rv);
        if (!prior || prior.type === 'DELETED')
            byKey.delete(key);
        else
            byKey.set(key, prior.object);
    }
    return [...byKey.values()];
}
/** apimachinery's ValidateListOptions (not a watch): every problem at once, 422 on ListOptions. */
function checkListOptions(q, rv, match, hasContinue) {
    const causes = [];
    const forbidden = (field, why) => causes.push({ type: 'FieldValueForbidden', field, message: `Forbidden: ${why}` });
    if (match) {
        if (!rv)
            forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided');
        if (hasContinue)
            forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided');
        if (match !== 'Exact' && match !== 'NotOlderThan') {
            causes.push({ type: 'FieldValueNotSupported', field: 'resourceVersionMatch', message: `Unsupported value: ${JSON.stringify(match)}: supported values: "Exact", "NotOlderThan", ""` });
        }
        if (match === 'Exact' && rv === '0')
            forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
    }
    if (q.sendInitialEvents !== undefined)
        forbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list');
    if (causes.length)
        throw errors.invalid('ListOptions', 'meta.k8s.io', '', causes);
}
//# sourceMappingURL=list.js.map