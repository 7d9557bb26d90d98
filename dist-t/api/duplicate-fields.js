// Duplicate keys in a JSON body. JSON.parse keeps the last value silently; kube-apiserver's
// strict decoder (sigs.k8s.io/json UnmarshalStrict) reports each repeat as `duplicate field
// "metadata.name"`: a 400 under fieldValidation=Strict, a Warning under Warn. The body is known
// to be valid JSON (JSON.parse took it), so this scan only tracks objects, arrays and keys. It is
// linear in the body: a container's path is spelled out only when a repeat inside it is reported,
// and at most `limit` repeats are.
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
/** The path of the value the innermost frame is at (its key or index), from the root. */
function pathOf(stack, depth) {
    let out = '';
    for (let i = 0; i < depth; i++) {
        const f = stack[i];
        out = f.keys ? (out ? `${out}.${f.key}` : f.key) : `${out}[${f.index}]`;
    }
    return out;
}
/** The paths of the repeated keys, in the order the repeats appear (`spec.containers[0].image`),
 * at most `limit` of them. */
export function duplicateFields(text, limit = 100) {
    const out = [];
    const stack = [];
    for (let i = 0; i < text.length && out.length < limit; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
            const start = i;
            let escaped = false;
            for (i++; i < text.length; i++) {
                const d = text.charCodeAt(i);
                if (d === BACKSLASH) {
                    escaped = true;
                    i++;
                }
                else if (d === QUOTE)
                    break;
            }
            const top = stack[stack.length - 1];
            if (top?.keys && top.expectKey) {
                const key = escaped ? JSON.parse(text.slice(start, i + 1)) : text.slice(start + 1, i);
                top.key = key;
                top.expectKey = false;
                if (top.keys.has(key))
                    out.push(pathOf(stack, stack.length));
                else
                    top.keys.add(key);
            }
        }
        else if (c === OPEN_OBJECT) {
            stack.push({ keys: new Set(), key: '', expectKey: true, index: 0 });
        }
        else if (c === OPEN_ARRAY) {
            stack.push({ key: '', expectKey: false, index: 0 });
        }
        else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
            stack.pop();
        }
        else if (c === COMMA) {
            const top = stack[stack.length - 1];
            if (top?.keys)
                top.expectKey = true;
            else if (top)
                top.index++;
        }
    }
    return out;
}
//# sourceMappingURL=duplicate-fields.js.map