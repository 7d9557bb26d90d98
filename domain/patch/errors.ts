// A patch that cannot be applied. It is a StatusError so the API writes it as kube-apiserver
// does: 400 for a malformed patch document, 422 for a well-formed patch that does not apply
// to the object (kube-apiserver's NewGenericServerResponse(422) for JSON patch failures), 415
// for strategic merge patch on a kind without a strategic schema.

import { StatusError, type StatusBody } from '../errors.js';

const REASONS: Record<number, string> = { 400: 'BadRequest', 415: 'UnsupportedMediaType', 422: 'Invalid' };

export class PatchError extends StatusError {
  override readonly name = 'PatchError';
  constructor(message: string, code: 400 | 415 | 422 = 400) {
    const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: REASONS[code]!, code };
    super(body);
  }
}

/**
 * A JSON patch that does not apply to the object (a failed `test`, a missing path):
 * kube-apiserver answers NewGenericServerResponse(422), whose message is always "the server
 * rejected our request due to an error in our request" (clients match it). What failed is kept
 * as the one cause, which upstream drops.
 */
export function jsonPatchDoesNotApply(what: string): PatchError {
  const e = new PatchError('the server rejected our request due to an error in our request', 422);
  e.status.details = { causes: [{ message: what }] };
  return e;
}
