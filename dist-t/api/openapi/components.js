// TypeBox resource schemas → OpenAPI 3.0 `components.schemas`, shaped like kube-apiserver's
// /openapi/v3 documents: definitions named io.k8s.…, `$ref`s between them (wrapped in `allOf`
// when the field carries its own description, since 3.0 ignores siblings of `$ref`), properties
// in alphabetical order, and the x-kubernetes-* extensions kept.
import { GO_TYPE } from '../../domain/schemas/build.js';
import { SCHEMAS } from '../../domain/schemas/registry.js';
export const COMPONENT_REF = '#/components/schemas/';
/** Keys copied as they are (TypeBox's own markers are symbols and never enumerated). */
const PLAIN_KEYS = new Set(['type', 'format', 'description', 'default', 'enum', 'required']);
function convert(schema, refs) {
    const id = typeof schema.$ref === 'string' ? schema.$ref : undefined;
    if (id) {
        refs.add(id);
        const target = { $ref: COMPONENT_REF + id };
        return typeof schema.description === 'string' ? { allOf: [target], description: schema.description } : target;
    }
    return body(schema, refs);
}
/** The definition itself (no `$ref` indirection at the top). */
function body(schema, refs) {
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
        if (key === '$id' || key === GO_TYPE)
            continue;
        if (PLAIN_KEYS.has(key) || key.startsWith('x-kubernetes-')) {
            out[key] = value;
        }
        else if (key === 'anyOf') {
            // TypeBox unions (IntOrString, Quantity) are upstream's `oneOf` of primitive types.
            out.oneOf = value.map((v) => convert(v, refs));
        }
        else if (key === 'items') {
            out.items = convert(value, refs);
        }
        else if (key === 'additionalProperties' && value && typeof value === 'object') {
            out.additionalProperties = convert(value, refs);
        }
        else if (key === 'properties') {
            const props = value;
            const names = Object.keys(props).sort();
            if (names.length === 0)
                continue;
            const converted = {};
            for (const name of names)
                converted[name] = convert(props[name], refs);
            out.properties = converted;
        }
    }
    return out;
}
/**
 * The definitions reachable from `roots`, converted, keyed and sorted by name — a
 * self-contained `components.schemas` (every `$ref` resolves inside it).
 */
export function componentSchemas(roots) {
    const done = new Map();
    const pending = [...roots];
    while (pending.length > 0) {
        const id = pending.pop();
        if (done.has(id))
            continue;
        const schema = SCHEMAS.get(id);
        if (!schema)
            throw new Error(`OpenAPI: no schema ${id}`);
        const refs = new Set();
        done.set(id, body(schema, refs));
        for (const r of refs)
            if (!done.has(r))
                pending.push(r);
    }
    const sorted = {};
    for (const id of [...done.keys()].sort())
        sorted[id] = done.get(id);
    return sorted;
}
//# sourceMappingURL=components.js.map