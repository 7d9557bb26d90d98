// GET /openapi/v2: the single Swagger 2.0 document kube-apiserver serves next to /openapi/v3.
// kubectl needs it for client-side validation whenever /openapi/v3 has no PATCH operation
// declaring `fieldValidation` for an object's GVK — always the case for `kind: List` (what
// `kubectl get -o yaml` writes): it then validates each item against the `definitions` whose
// `x-kubernetes-group-version-kind` names the item's GVK. Built by translating the per-group-
// version OpenAPI 3.0 documents (themselves generated from the TypeBox schemas), so both
// versions always describe the same fields.
import { documentedGroupVersions, openApiDocument } from './document.js';
import { COMPONENT_REF } from './components.js';
const DEFINITION_REF = '#/definitions/';
const PRESERVE_UNKNOWN = 'x-kubernetes-preserve-unknown-fields';
function ref(v3) {
    if (!v3.startsWith(COMPONENT_REF))
        throw new Error(`OpenAPI v2: unexpected $ref ${v3}`);
    return DEFINITION_REF + v3.slice(COMPONENT_REF.length);
}
/** An OpenAPI 3.0 schema (as components.ts writes them) → its Swagger 2.0 form. */
export function swaggerSchema(s) {
    // 3.0 wraps a described `$ref` in allOf (it ignores `$ref` siblings); 2.0 as upstream writes
    // it keeps the description next to the `$ref`.
    if (Array.isArray(s.allOf) && s.allOf.length === 1 && s.allOf[0].$ref) {
        const { allOf, ...rest } = s;
        return { $ref: ref(allOf[0].$ref), ...rest };
    }
    const out = {};
    for (const [key, value] of Object.entries(s)) {
        if (key === '$ref')
            out.$ref = ref(value);
        else if (key === 'oneOf') {
            // Swagger 2.0 has no oneOf and kubectl's parser allows one `type` only: upstream's v2
            // describes IntOrString as {type: string, format: int-or-string} and Quantity as a string
            // (kubectl's validator accepts any scalar where a string is expected).
            out.type = 'string';
        }
        else if (key === 'items' || key === 'additionalProperties') {
            out[key] = typeof value === 'object' ? swaggerSchema(value) : value;
        }
        else if (key === 'properties') {
            const props = {};
            for (const [name, p] of Object.entries(value))
                props[name] = swaggerSchema(p);
            out.properties = props;
        }
        else
            out[key] = value;
    }
    // Structs netledger leaves open (securityContext, affinity, volume sources…) list only some
    // of upstream's fields. kubectl's v2 validator knows nothing of preserve-unknown-fields and
    // rejects any field a `properties` list lacks, so they become free-form objects here — as the
    // server accepts them under fieldValidation=Strict.
    if (out[PRESERVE_UNKNOWN] === true) {
        delete out.properties;
        delete out.required;
    }
    return out;
}
function parameter(p) {
    const { schema, ...rest } = p;
    return { ...rest, ...schema };
}
/** The media types of a 3.0 `content` map; the schema of its first entry. */
function content(c) {
    const types = Object.keys(c ?? {});
    const first = types.length ? c[types[0]].schema : undefined;
    return { types, schema: first ? swaggerSchema(first) : undefined };
}
/** One 3.0 operation → 2.0: requestBody becomes the `body` parameter, `content` → consumes/produces. */
function operation(op) {
    const out = {};
    const produces = new Set();
    const responses = {};
    for (const [code, r] of Object.entries(op.responses)) {
        const c = content(r.content);
        c.types.forEach((t) => produces.add(t));
        responses[code] = c.schema ? { description: r.description, schema: c.schema } : { description: r.description };
    }
    const body = op.requestBody ? content(op.requestBody.content) : undefined;
    const parameters = [];
    if (body)
        parameters.push({ in: 'body', name: 'body', required: op.requestBody.required === true, schema: body.schema });
    for (const p of op.parameters ?? [])
        parameters.push(parameter(p));
    for (const [key, value] of Object.entries(op)) {
        if (key === 'parameters' || key === 'requestBody')
            continue;
        if (key === 'responses') {
            if (body)
                out.consumes = body.types;
            out.produces = [...produces];
            if (parameters.length)
                out.parameters = parameters;
            out.responses = responses;
        }
        else
            out[key] = value;
    }
    return out;
}
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
function pathItem(item) {
    const out = {};
    for (const [key, value] of Object.entries(item)) {
        if (METHODS.includes(key))
            out[key] = operation(value);
        else if (key === 'parameters')
            out.parameters = value.map(parameter);
        else
            out[key] = value;
    }
    return out;
}
/**
 * The Swagger 2.0 document of every documented group version: one `paths` and one
 * `definitions` (named io.k8s.api.core.v1.Pod …, as upstream), both sorted by name.
 */
export function swaggerDocument() {
    const paths = {};
    const definitions = {};
    for (const gv of documentedGroupVersions()) {
        const doc = openApiDocument(gv.path);
        for (const [p, item] of Object.entries(doc.paths))
            paths[p] = pathItem(item);
        for (const [id, s] of Object.entries(doc.components.schemas))
            definitions[id] = swaggerSchema(s);
    }
    const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    return {
        swagger: '2.0',
        info: { title: 'Kubernetes', version: 'v1.32.4' },
        paths: sorted(paths),
        definitions: sorted(definitions),
    };
}
//# sourceMappingURL=swagger.js.map