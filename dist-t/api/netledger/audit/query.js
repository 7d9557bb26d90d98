// Query parameters shared by the audit endpoints: rvs, times, limits, opaque continue tokens,
// and the retention floor (410 Gone below it, with the floor in the message).
import { errors } from '../../../domain/errors.js';
import { parseBool } from '../../request-context.js';
export const DEFAULT_LIMIT = 500;
export const MAX_LIMIT = 10_000;
export function str(q, name) {
    const v = q[name];
    if (v === undefined || v === '')
        return undefined;
    if (typeof v !== 'string')
        throw errors.badRequest(`${name}: expected a single value`);
    return v;
}
/** For a resource whose discovery lists no watch verb: `?watch=true` is 405, as kube-apiserver
 * answers a verb a resource does not serve. A list in its place made client-node's informer
 * throw on the first "event" (an uncaught TypeError that ended the client's process). */
export function refuseWatch(q) {
    const watch = str(q, 'watch');
    if (watch !== undefined && parseBool(watch) === true)
        throw errors.methodNotAllowed();
}
export function rvParam(q, name) {
    const v = str(q, name);
    if (v === undefined)
        return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isSafeInteger(n))
        throw errors.badRequest(`${name}: invalid resource version: ${v}`);
    return n;
}
export function timeParam(q, name) {
    const v = str(q, name);
    if (v === undefined)
        return undefined;
    const t = Date.parse(v);
    if (Number.isNaN(t))
        throw errors.badRequest(`${name}: invalid time: ${v} (expected RFC 3339, e.g. 2024-05-01T10:00:00Z)`);
    return new Date(t).toISOString();
}
export function limitParam(q) {
    const v = str(q, 'limit');
    if (v === undefined)
        return DEFAULT_LIMIT;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < 1)
        throw errors.badRequest(`limit: invalid value: ${v}`);
    return Math.min(n, MAX_LIMIT);
}
/**
 * `limit` of the log lists (events, history): 0 is the same as leaving it out (the default page;
 * `continue` brings the rest), not a 400. Table and diff pages keep limitParam, where leaving
 * `limit` out asks for the whole thing.
 */
export function listLimitParam(q) {
    return str(q, 'limit') === '0' ? DEFAULT_LIMIT : limitParam(q);
}
/** Answers 410 Gone when an explicit `name=rv` parameter lies below what the log still holds. */
export function requireRetained(ledger, rv, name) {
    if (rv < ledger.floorRv) {
        throw errors.gone(`${name}=${rv} is below the retention floor ${ledger.floorRv}: compaction removed the history before it; the oldest ${name} accepted is ${ledger.floorRv}`);
    }
}
/**
 * Whether a continue token issued under floor `issuedFloor` may still walk rvs above `after`:
 * compaction deletes only rows at or below the new floor, so the token stays good while the floor
 * has not moved since it was issued, or has moved no higher than `after`. Tokens without a floor
 * (issued before tokens carried one) are taken as issued under floor 0.
 */
export function requireWalkable(ledger, issuedFloor, after, restart) {
    const floor = ledger.floorRv;
    if (floor > (issuedFloor ?? 0) && after < floor) {
        throw errors.expired(`compaction moved the retention floor from ${issuedFloor ?? 0} to ${floor} since this continue token was issued, removing rows it would read; ${restart}`);
    }
}
/**
 * Continue tokens: base64url JSON with a kind tag and `of`, the list they page (its node, table
 * and whatever else fixes the walk), so a token of one list is refused by another, as
 * kube-apiserver refuses a continue key from outside the list's prefix.
 */
export function encodeToken(kind, of, body) {
    return Buffer.from(JSON.stringify({ k: kind, of, ...body })).toString('base64url');
}
/** Decodes and checks a token: its kind, the list it pages, and each field's type and range;
 * anything else is 400, and nothing is read with a field that fails. */
export function decodeToken(kind, of, text, fields, head) {
    let t;
    try {
        t = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
        if (t === null || typeof t !== 'object' || t.k !== kind)
            throw new Error();
    }
    catch {
        throw errors.badRequest(`invalid continue token: ${text}`);
    }
    // Tokens issued before they named their list are taken as they are (retention keeps them valid).
    if (t.of !== undefined && t.of !== of)
        throw errors.badRequest(`invalid continue token: it continues ${String(t.of)}, not ${of}`);
    for (const [field, spec] of Object.entries(fields)) {
        const v = t[field];
        if (v === undefined && spec.endsWith('?'))
            continue;
        const type = spec.replace('?', '');
        const ok = type === 'key' ? typeof v === 'string' : typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && (type !== 'rv' || v <= head);
        if (!ok)
            throw errors.badRequest(`invalid continue token: ${field} ${JSON.stringify(v)} is not ${type === 'key' ? 'a key' : type === 'rv' ? `a resourceVersion up to ${head}` : 'a row id'}`);
    }
    return t;
}
//# sourceMappingURL=query.js.map