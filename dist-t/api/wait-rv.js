// A read at an rv the server has not reached yet waits briefly for it, then answers 504 as
// kube-apiserver's watch cache does ("Too large resource version").
import { errors } from '../domain/errors.js';
export async function waitForRv(ledger, rv, timeoutMs = 3000) {
    if (rv <= ledger.committedRv)
        return;
    await reached(ledger, rv, timeoutMs);
    // The batch holding rv is durable, but a later one may already be decided on top of it:
    // the caller reads the live state, so wait until that one is durable too.
    await ledger.settled();
}
function reached(ledger, rv, timeoutMs) {
    return new Promise((resolve, reject) => {
        const onBatch = () => {
            if (ledger.committedRv >= rv) {
                clearTimeout(timer);
                ledger.off('batch', onBatch);
                resolve();
            }
        };
        const timer = setTimeout(() => {
            ledger.off('batch', onBatch);
            reject(errors.timeout(`Too large resource version: ${rv}, current: ${ledger.committedRv}`, [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], 1));
        }, timeoutMs);
        ledger.on('batch', onBatch);
    });
}
/**
 * A `resourceVersion` query parameter as the rv it names: undefined when it is absent, '' or '0'
 * (any rv will do); 400 when it is not a non-negative integer.
 */
export function resourceVersionParam(value) {
    if (value === undefined || value === '' || value === '0')
        return undefined;
    const n = Number(value);
    if (typeof value !== 'string' || !Number.isSafeInteger(n) || n < 0)
        throw errors.badRequest(`invalid resource version: ${String(value)}`);
    return n;
}
//# sourceMappingURL=wait-rv.js.map