// Every named schema, by its OpenAPI definition name, and the top-level kinds by GVK.
import { META_SCHEMAS } from './meta.js';
import { POD_SCHEMAS } from './pod.js';
import { SERVICE_SCHEMAS } from './service.js';
import { NODE_SCHEMAS } from './node.js';
import { ENDPOINTSLICE_SCHEMAS } from './endpointslice.js';
import { EVENT_SCHEMAS } from './event.js';
function index(schemas) {
    const byId = new Map();
    for (const s of schemas) {
        const id = s.$id;
        if (!id)
            throw new Error('named schema without $id');
        if (byId.has(id) && byId.get(id) !== s)
            throw new Error(`duplicate schema ${id}`);
        byId.set(id, s);
    }
    return byId;
}
/** Definition name (`io.k8s.api.core.v1.Pod`) → schema. */
export const SCHEMAS = index([
    ...META_SCHEMAS,
    ...POD_SCHEMAS,
    ...SERVICE_SCHEMAS,
    ...NODE_SCHEMAS,
    ...ENDPOINTSLICE_SCHEMAS,
    ...EVENT_SCHEMAS,
]);
export function schemaById(id) {
    return SCHEMAS.get(id);
}
/** The GVKs a definition declares (`x-kubernetes-group-version-kind`), empty for nested types. */
export function gvksOf(schema) {
    return schema['x-kubernetes-group-version-kind'] ?? [];
}
/**
 * Kind → definition name, for the kinds a request body can carry. Where a kind is declared for
 * several groups (DeleteOptions), the kind name alone identifies it.
 */
export const KIND_SCHEMAS = (() => {
    const byKind = new Map();
    for (const [id, schema] of SCHEMAS)
        for (const g of gvksOf(schema))
            byKind.set(g.kind, id);
    return byKind;
})();
/** The Go package alias upstream's decode errors print: `v1.ServicePort`, `intstr.IntOrString`. */
export function goTypeName(id) {
    const parts = id.split('.');
    return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
}
/** The bare Go struct name (`ServicePort`). */
export function goStructName(id) {
    return id.slice(id.lastIndexOf('.') + 1);
}
//# sourceMappingURL=registry.js.map