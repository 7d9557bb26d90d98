// Query parameters as apimachinery's parameter codec converts them into ListOptions,
// PatchOptions and the like (runtime.Convert_Slice_string_To_bool, strconv.ParseInt).
import { errors } from '../domain/errors.js';
/** A boolean parameter: absent, "false" (any case) or "0" is false; anything else (even "") is true. */
export function queryBool(value) {
    if (value === undefined)
        return false;
    const text = String(Array.isArray(value) ? value[0] : value).toLowerCase();
    return text !== 'false' && text !== '0';
}
const INT64_MAX = 2n ** 63n - 1n;
/** An integer parameter (int64), undefined when absent or empty; anything else is 400. Values
 * past 2^53 are kept as the nearest double (they only ever mean "very large"). */
export function queryInt64(name, value) {
    if (value === undefined || value === '')
        return undefined;
    const text = String(Array.isArray(value) ? value[0] : value);
    const ok = /^[-+]?\d+$/.test(text);
    if (!ok || BigInt(text) > INT64_MAX || BigInt(text) < -INT64_MAX - 1n) {
        throw errors.badRequest(`${name}: invalid value ${JSON.stringify(text)}: strconv.ParseInt: parsing ${JSON.stringify(text)}: ${ok ? 'value out of range' : 'invalid syntax'}`);
    }
    return Number(text);
}
//# sourceMappingURL=query-params.js.map