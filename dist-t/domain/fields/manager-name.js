// ValidateFieldManager: a field manager's name is at most 128 bytes of printable characters,
// whether it comes as `?fieldManager=` or in a managedFields entry of a request's object.
import { invalid, tooLong } from '../validation/path.js';
/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const MAX_BYTES = 128;
export function fieldManagerErrors(manager, path) {
    const problems = [];
    if (Buffer.byteLength(manager) > MAX_BYTES)
        problems.push(tooLong(path, MAX_BYTES));
    let at = 0;
    for (const ch of manager) {
        if (!PRINTABLE.test(ch)) {
            const code = `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
            problems.push(invalid(path, manager, `invalid character ${code} (at position ${at})`));
        }
        at += Buffer.byteLength(ch);
    }
    return problems;
}
//# sourceMappingURL=manager-name.js.map