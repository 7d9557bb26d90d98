// A patch that cannot be applied. It is a StatusError so the API writes it as kube-apiserver
// does: 400 for a malformed patch document, 422 for a well-formed patch that does not apply
// to the object (kube-apiserver's NewGenericServerResponse(422) for JSON patch failures), 415
// for strategic merge patch on a kind without a strategic schema.
import { StatusError } from '../errors.js';
const REASONS = { 400: 'BadRequest', 415: 'UnsupportedMediaType', 422: 'Invalid' };
export class PatchError extends StatusError {
    name = 'PatchError';
    constructor(message, code = 400) {
        const body = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: REASONS[code], code };
        super(body);
    }
}
/**
 * A JSON patch that does not apply to the object (a failed `test`, a missing path):
 * kube-apiserver answers NewGenericServerResponse(422), whose message is always "the server
 * rejected our request due to an error in our request" (clients match it). What failed is kept
 * as the one cause, which upstream drops.
 */
export function jsonPatchDoesNotApply(what) {
    const e = new PatchError('the server rejected our request due to an error in our request', 422);
    e.status.details = { causes: [{ message: what }] };
    return e;
}
//# sourceMappingURL=errors.js.map