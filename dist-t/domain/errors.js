// Field errors and Status errors, shaped as kube-apiserver's apimachinery/pkg/api/errors and
// apimachinery/pkg/util/validation/field: the domain returns them, the API writes them as-is.
/** A request that must fail with this Status. Thrown or returned by decide; never half-applied. */
export class StatusError extends Error {
    status;
    constructor(status) {
        super(status.message);
        this.status = status;
    }
    get code() {
        return this.status.code;
    }
}
function failure(code, reason, message, details) {
    const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
    if (details)
        body.details = details;
    return new StatusError(body);
}
/** `qualifiedResource` is `pods` for the core group, `endpointslices.discovery.k8s.io` otherwise. */
export function qualified(resource, group) {
    return group ? `${resource}.${group}` : resource;
}
export const errors = {
    notFound: (resource, group, name, message = `${qualified(resource, group)} "${name}" not found`) => failure(404, 'NotFound', message, { name, group: group || undefined, kind: resource }),
    alreadyExists: (resource, group, name) => failure(409, 'AlreadyExists', `${qualified(resource, group)} "${name}" already exists`, { name, group: group || undefined, kind: resource }),
    conflict: (resource, group, name, why) => failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`, {
        name,
        group: group || undefined,
        kind: resource,
    }),
    invalid: (kind, group, name, causes) => failure(422, 'Invalid', 
    // kube-apiserver names the kind with its group (GroupKind.String()): EndpointSlice.discovery.k8s.io.
    `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${aggregate(causes)}`, {
        name,
        group: group || undefined,
        kind,
        causes: causes.map((c) => ({ reason: c.type, message: c.message, field: c.field })),
    }),
    /**
     * The patch handlers' NewInvalid(schema.GroupKind{}, "", …) for a patch that decodes with strict
     * errors: no kind, no name (the message starts with ` "" is invalid`), one cause on `patch`.
     */
    patchInvalid: (cause) => failure(422, 'Invalid', ` "" is invalid: ${aggregate([cause])}`, { causes: [{ reason: cause.type, message: cause.message, field: cause.field }] }),
    /** NewApplyConflict: server-side apply met fields other managers own (details hold only causes). */
    applyConflict: (message, causes) => failure(409, 'Conflict', message, { causes }),
    badRequest: (message, causes) => failure(400, 'BadRequest', message, causes ? { causes } : undefined),
    methodNotAllowed: () => failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
    notAcceptable: (message) => failure(406, 'NotAcceptable', message),
    unsupportedMediaType: (message) => failure(415, 'UnsupportedMediaType', message),
    tooLarge: (message) => failure(413, 'RequestEntityTooLarge', message),
    expired: (message) => failure(410, 'Expired', message),
    gone: (message) => failure(410, 'Gone', message),
    /** NewTimeoutError: its message starts `Timeout: `. */
    timeout: (message, causes, retryAfterSeconds) => failure(504, 'Timeout', `Timeout: ${message}`, { causes, retryAfterSeconds }),
    forbidden: (message) => failure(403, 'Forbidden', message),
    /** NewForbidden(qualifiedResource, name, err): an admission plugin refusing one object. */
    forbiddenObject: (resource, group, name, why) => failure(403, 'Forbidden', `${qualified(resource, group)} "${name}" is forbidden: ${why}`, { name, group: group || undefined, kind: resource }),
    unauthorized: (message) => failure(401, 'Unauthorized', message),
    internal: (message) => failure(500, 'InternalError', message),
    unavailable: (message) => failure(503, 'ServiceUnavailable', message),
};
/** utilerrors.NewAggregate(fieldErrors).Error(): one error alone, several in brackets. */
function aggregate(causes) {
    const texts = causes.map((c) => `${c.field}: ${c.message}`);
    if (texts.length === 1)
        return texts[0];
    return `[${texts.join(', ')}]`;
}
//# sourceMappingURL=errors.js.map