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
