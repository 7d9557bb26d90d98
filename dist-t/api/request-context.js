// What every write carries into the domain: who, when, which request, a fresh uid.
import { randomUUID } from 'node:crypto';
import { errors } from '../domain/errors.js';
import { fieldManagerErrors, PRINTABLE } from '../domain/fields/manager-name.js';
import { FieldPath } from '../domain/validation/path.js';
import { impersonatedByOf } from './auth.js';
export function commandContext(req, actorOf) {
    const q = req.query;
    if (typeof q.fieldManager === 'string')
        checkFieldManager(q.fieldManager, OPTIONS_KIND[req.method] ?? 'CreateOptions');
    const impersonatedBy = impersonatedByOf(req);
    return {
        time: new Date().toISOString(),
        actor: actorOf(req),
        ...(impersonatedBy !== undefined ? { impersonatedBy } : {}),
        requestId: String(req.id),
        newUid: randomUUID(),
        dryRun: isDryRun(req),
        fieldManager: typeof q.fieldManager === 'string' && q.fieldManager !== '' ? q.fieldManager : managerFromUserAgent(req.headers['user-agent']),
    };
}
/** ValidateFieldManager on `?fieldManager` (422 on the options kind). */
function checkFieldManager(manager, optionsKind) {
    const problems = fieldManagerErrors(manager, FieldPath.of('fieldManager'));
    if (problems.length)
        throw errors.invalid(optionsKind, 'meta.k8s.io', '', problems);
}
/** managerOrUserAgent: without `?fieldManager`, the writer is named by its user agent's first
 * word (`kubectl/v1.32.4 (linux/amd64) …` → `kubectl`), printable characters, at most 128. */
export function managerFromUserAgent(userAgent) {
    const first = (userAgent ?? '').split('/')[0];
    return [...first].filter((ch) => PRINTABLE.test(ch)).join('').slice(0, 128);
}
/** The options object each write verb decodes its query into (upstream names them in errors). */
const OPTIONS_KIND = { POST: 'CreateOptions', PUT: 'UpdateOptions', PATCH: 'PatchOptions', DELETE: 'DeleteOptions' };
/**
 * Whether the write is a dry run: `?dryRun=All`, or for a DELETE also `dryRun: ["All"]` in its
 * DeleteOptions body, which is where kubectl puts it (`kubectl delete --dry-run=server`). As in
 * kube-apiserver, a field of the body overrides the query parameter.
 */
export function isDryRun(req) {
    const body = req.method === 'DELETE' ? req.body : undefined;
    const fromBody = body && typeof body === 'object' && !Array.isArray(body) && body.dryRun !== undefined && body.dryRun !== null;
    return dryRunValue(fromBody ? body.dryRun : req.query.dryRun, OPTIONS_KIND[req.method] ?? 'CreateOptions');
}
/** A `dryRun` value of the options kind named (422 for anything but "All"); an empty list is
 * no dry run (DeleteOptions{dryRun: []}). */
export function dryRunValue(value, optionsKind) {
    if (value === undefined || value === null)
        return false;
    const values = Array.isArray(value) ? value : [value];
    const bad = values.find((d) => d !== 'All');
    if (bad !== undefined) {
        throw errors.invalid(optionsKind, 'meta.k8s.io', '', [
            { type: 'FieldValueNotSupported', field: 'dryRun', message: `Unsupported value: ${JSON.stringify(bad)}: supported values: "All"` },
        ]);
    }
    return values.length > 0;
}
/** Go's strconv.ParseBool, as kube-apiserver reads boolean query parameters; undefined for
 * anything else. */
export function parseBool(text) {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text))
        return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text))
        return false;
    return undefined;
}
//# sourceMappingURL=request-context.js.map