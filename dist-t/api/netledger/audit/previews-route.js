// POST /apis/netledger.io/v1/previews  {changes: [{op: "apply"|"delete", object, subresource?,
//   gracePeriodSeconds?}]}
// What each affected node's tables would become, nothing written. `apply` creates the object
// when it does not exist and replaces it (PUT semantics, unconditionally) when it does;
// `subresource: "status"` merges the given status into the live one (a JSON merge patch of
// `status`: the fields given replace theirs, lists whole, the rest stay; a PUT of a partial
// status would also drop the labels and every status field the body leaves out, and so predict
// the pod leaving its services). Changes apply in order, each
// seeing the ones before it. The body checks and domain decisions are those of a real write,
// so a bad object answers the same 400/404/409/422 Status.
import { errors, StatusError } from '../../../domain/errors.js';
import { KIND_INFO } from '../../../domain/kinds.js';
import { checkObjectBody } from '../../body-checks.js';
import { commandContext } from '../../request-context.js';
import { previewCommands } from './preview.js';
const MAX_CHANGES = 1000;
export async function postPreview(req, reply, ledger, actorOf) {
    const body = req.body;
    if (!body || typeof body !== 'object' || !Array.isArray(body.changes))
        throw errors.badRequest('a preview is {"changes": [{"op": "apply"|"delete", "object": {...}}]}');
    if (body.changes.length > MAX_CHANGES)
        throw errors.badRequest(`a preview takes at most ${MAX_CHANGES} changes`);
    // Which change a failure belongs to: its body is checked, then its builder runs just before
    // it is decided.
    let current = 0;
    let outcome;
    try {
        const builders = body.changes.map((c, i) => ((current = i), commandFor(c, i, req, reply, actorOf)));
        const commands = builders.map((build, i) => (state) => ((current = i), build(state)));
        outcome = previewCommands(ledger, commands);
    }
    catch (e) {
        if (e instanceof StatusError && body.changes.length > 1) {
            // The Status of the real write (exactly, for a single change), pointing at the change
            // that would fail.
            const details = (e.status.details ??= {});
            (details.causes ??= []).push({ reason: e.status.reason, message: e.status.message, field: `changes[${current}]` });
        }
        throw e;
    }
    reply.type('application/json');
    return {
        kind: 'Preview',
        apiVersion: 'netledger.io/v1',
        metadata: { resourceVersion: String(outcome.rv) },
        events: outcome.events.map((e) => ({
            resourceVersion: String(e.rv),
            kind: e.kind,
            namespace: e.namespace,
            name: e.name,
            type: e.type,
            actor: e.actor,
            cause: e.cause === null ? null : String(e.cause),
        })),
        summary: outcome.impact,
        nodes: outcome.nodes,
    };
}
/** Checks one change's envelope now; builds its command when its turn comes (after earlier changes). */
function commandFor(raw, i, req, reply, actorOf) {
    const at = `changes[${i}]`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
        throw errors.badRequest(`${at}: expected {"op", "object"}`);
    const c = raw;
    if (c.op !== 'apply' && c.op !== 'delete')
        throw errors.badRequest(`${at}.op: Unsupported value: ${JSON.stringify(c.op)}: supported values: "apply", "delete"`);
    if (c.subresource !== undefined && c.subresource !== 'status')
        throw errors.badRequest(`${at}.subresource: Unsupported value: ${JSON.stringify(c.subresource)}: supported values: "status"`);
    const obj = c.object;
    if (!obj || typeof obj !== 'object' || Array.isArray(obj))
        throw errors.badRequest(`${at}.object: expected a Kubernetes object`);
    const info = KIND_INFO[obj.kind];
    if (!info || typeof obj.kind !== 'string')
        throw errors.badRequest(`${at}.object: unknown kind ${JSON.stringify(obj.kind)}: expected one of ${Object.keys(KIND_INFO).join(', ')}`);
    const namespace = info.namespaced ? (obj.metadata?.namespace ?? 'default') : '';
    const ctx = { ...commandContext(req, actorOf), dryRun: false };
    const name = obj.metadata?.name;
    if (c.op === 'delete') {
        if (!name)
            throw errors.badRequest(`${at}.object.metadata.name: Required value: a delete names its object`);
        const grace = c.gracePeriodSeconds;
        if (grace !== undefined && !Number.isInteger(grace))
            throw errors.badRequest(`${at}.gracePeriodSeconds must be an integer`);
        return () => ({ ...ctx, op: 'delete', kind: info.kind, namespace, name, options: grace === undefined ? {} : { gracePeriodSeconds: grace } });
    }
    const object = checkObjectBody(structuredClone(obj), info, info.namespaced ? namespace : undefined, 'Warn', reply);
    const subresource = c.subresource;
    return (state) => {
        if (name && subresource && state.get(info.kind, namespace, name)) {
            return { ...ctx, op: 'patch', kind: info.kind, namespace, name, patchType: 'merge', patch: { status: structuredClone(object.status ?? {}) }, subresource };
        }
        if (name && (state.get(info.kind, namespace, name) || subresource)) {
            const replacement = structuredClone(object);
            delete replacement.metadata.resourceVersion;
            return { ...ctx, op: 'update', kind: info.kind, namespace, name, object: replacement, subresource };
        }
        return { ...ctx, op: 'create', kind: info.kind, namespace, object: structuredClone(object) };
    };
}
//# sourceMappingURL=previews-route.js.map