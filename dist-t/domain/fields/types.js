// The shape server-side apply walks objects by: structured-merge-diff's schema atoms, read from
// the same TypeBox schemas (and upstream OpenAPI extensions) the type checker and OpenAPI use.
// A list is atomic unless `x-kubernetes-list-type` says `set` or `map` (SMD's default for
// OpenAPI lists); maps and structs are granular unless `x-kubernetes-map-type: atomic`. Fields
// the schemas do not declare are "deduced" as upstream does for unknown content: maps granular,
// lists atomic.
import { KIND_SCHEMAS, SCHEMAS } from '../schemas/registry.js';
export const SCALAR = { kind: 'scalar' };
/** Content no schema describes: granular maps of deduced content, atomic lists. */
export const DEDUCED = { kind: 'map', atomic: false, field: () => DEDUCED };
const DEDUCED_LIST = { kind: 'list', listType: 'atomic', keys: [], elem: DEDUCED };
/** Named types whose JSON is a scalar whatever their schema says. */
const SCALAR_IDS = new Set([
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    'io.k8s.apimachinery.pkg.api.resource.Quantity',
    'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
    'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
]);
/** Raw JSON of any shape, owned whole. */
const ATOMIC_IDS = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', 'io.k8s.apimachinery.pkg.runtime.RawExtension']);
const byId = new Map();
const bySchema = new WeakMap();
/** The type of a stored kind's whole object. */
export function typeOfKind(kind) {
    const id = KIND_SCHEMAS.get(kind);
    return id ? named(id) : DEDUCED;
}
function named(id) {
    let t = byId.get(id);
    if (t)
        return t;
    if (SCALAR_IDS.has(id))
        t = SCALAR;
    else if (ATOMIC_IDS.has(id))
        t = { kind: 'map', atomic: true, field: () => DEDUCED };
    else {
        const schema = SCHEMAS.get(id);
        t = schema ? fromSchema(schema) : DEDUCED;
    }
    byId.set(id, t);
    return t;
}
function resolve(schema) {
    if (typeof schema.$ref === 'string')
        return named(schema.$ref);
    let t = bySchema.get(schema);
    if (!t)
        bySchema.set(schema, (t = fromSchema(schema)));
    return t;
}
function fromSchema(schema) {
    switch (schema.type) {
        case 'array': {
            const listType = schema['x-kubernetes-list-type'];
            const items = schema.items;
            const elem = items ? resolve(items) : DEDUCED;
            if (listType === 'set')
                return { kind: 'list', listType: 'set', keys: [], elem };
            if (listType === 'map')
                return { kind: 'list', listType: 'map', keys: schema['x-kubernetes-list-map-keys'] ?? [], elem };
            return { kind: 'list', listType: 'atomic', keys: [], elem };
        }
        case 'object': {
            const atomic = schema['x-kubernetes-map-type'] === 'atomic';
            const values = schema.additionalProperties;
            if (values && typeof values === 'object') {
                const elem = resolve(values);
                return { kind: 'map', atomic, field: () => elem };
            }
            const props = (schema.properties ?? {});
            const fields = new Map();
            return {
                kind: 'map',
                atomic,
                declares: (name) => Object.hasOwn(props, name),
                field(name) {
                    let f = fields.get(name);
                    if (f)
                        return f;
                    f = Object.hasOwn(props, name) ? resolve(props[name]) : DEDUCED;
                    fields.set(name, f);
                    return f;
                },
            };
        }
        default:
            return SCALAR;
    }
}
/** The type a value takes where its schema type does not fit it (deduced content). */
export function deduce(t, value) {
    if (t !== DEDUCED)
        return t;
    if (Array.isArray(value))
        return DEDUCED_LIST;
    if (value !== null && typeof value === 'object')
        return DEDUCED;
    return SCALAR;
}
/** Key-field defaults SMD takes from the schema when an item omits a key (`protocol`: TCP). */
export const KEY_DEFAULTS = { protocol: 'TCP' };
//# sourceMappingURL=types.js.map