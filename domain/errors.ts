// Field errors and Status errors, shaped as kube-apiserver's apimachinery/pkg/api/errors and
// apimachinery/pkg/util/validation/field: the domain returns them, the API writes them as-is.

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueNotFound'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid';

export interface FieldError {
  type: FieldErrorType;
  /** Path as upstream prints it: `spec.ports[0].port`, `metadata.labels`. */
  field: string;
  /** The detail, without the field: `Required value`, `Invalid value: 70000: must be between 1 and 65535, inclusive`. */
  message: string;
}

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never> | { resourceVersion?: string; continue?: string };
  status: 'Failure' | 'Success';
  message: string;
  reason: string;
  details?: {
    name?: string;
    group?: string;
    kind?: string;
    uid?: string;
    causes?: StatusCause[];
    retryAfterSeconds?: number;
  };
  code: number;
}

/** A request that must fail with this Status. Thrown or returned by decide; never half-applied. */
export class StatusError extends Error {
  constructor(readonly status: StatusBody) {
    super(status.message);
  }
  get code(): number {
    return this.status.code;
  }
}

function failure(code: number, reason: string, message: string, details?: StatusBody['details']): StatusError {
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) body.details = details;
  return new StatusError(body);
}

/** `qualifiedResource` is `pods` for the core group, `endpointslices.discovery.k8s.io` otherwise. */
export function qualified(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export const errors = {
  notFound: (resource: string, group: string, name: string, message = `${qualified(resource, group)} "${name}" not found`) =>
    failure(404, 'NotFound', message, { name, group: group || undefined, kind: resource }),
  alreadyExists: (resource: string, group: string, name: string) =>
    failure(409, 'AlreadyExists', `${qualified(resource, group)} "${name}" already exists`, { name, group: group || undefined, kind: resource }),
  conflict: (resource: string, group: string, name: string, why: string) =>
    failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`, {
      name,
      group: group || undefined,
      kind: resource,
    }),
  invalid: (kind: string, group: string, name: string, causes: FieldError[]) =>
    failure(
      422,
      'Invalid',
      // kube-apiserver names the kind with its group (GroupKind.String()): EndpointSlice.discovery.k8s.io.
      `${group ? `${kind}.${group}` : kind} "${name}" is invalid: ${aggregate(causes)}`,
      {
        name,
        group: group || undefined,
        kind,
        causes: causes.map((c) => ({ reason: c.type, message: c.message, field: c.field })),
      },
    ),
  /**
   * The patch handlers' NewInvalid(schema.GroupKind{}, "", …) for a patch whose result does not
   * decode (a value the type refuses, or strict errors under Strict): no kind, no name (the
   * message starts with ` "" is invalid`), one cause on `patch`.
   */
  patchInvalid: (cause: FieldError) => failure(422, 'Invalid', ` "" is invalid: ${aggregate([cause])}`, { causes: [{ reason: cause.type, message: cause.message, field: cause.field }] }),
  /** NewApplyConflict: server-side apply met fields other managers own (details hold only causes). */
  applyConflict: (message: string, causes: StatusCause[]) => failure(409, 'Conflict', message, { causes }),
  badRequest: (message: string, causes?: StatusCause[]) =>
    failure(400, 'BadRequest', message, causes ? { causes } : undefined),
  methodNotAllowed: () => failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'),
  notAcceptable: (message: string) => failure(406, 'NotAcceptable', message),
  unsupportedMediaType: (message: string) => failure(415, 'UnsupportedMediaType', message),
  tooLarge: (message: string) => failure(413, 'RequestEntityTooLarge', message),
  expired: (message: string) => failure(410, 'Expired', message),
  gone: (message: string) => failure(410, 'Gone', message),
  /** NewTimeoutError: its message starts `Timeout: `. */
  timeout: (message: string, causes?: StatusCause[], retryAfterSeconds?: number) =>
    failure(504, 'Timeout', `Timeout: ${message}`, { causes, retryAfterSeconds }),
  forbidden: (message: string) => failure(403, 'Forbidden', message),
  /** NewForbidden(qualifiedResource, name, err): an admission plugin refusing one object. */
  forbiddenObject: (resource: string, group: string, name: string, why: string) =>
    failure(403, 'Forbidden', `${qualified(resource, group)} "${name}" is forbidden: ${why}`, { name, group: group || undefined, kind: resource }),
  unauthorized: (message: string) => failure(401, 'Unauthorized', message),
  internal: (message: string) => failure(500, 'InternalError', message),
  unavailable: (message: string) => failure(503, 'ServiceUnavailable', message),
};

/** utilerrors.NewAggregate(fieldErrors).Error(): one error alone, several in brackets. */
function aggregate(causes: FieldError[]): string {
  const texts = causes.map((c) => `${c.field}: ${c.message}`);
  if (texts.length === 1) return texts[0]!;
  return `[${texts.join(', ')}]`;
}
