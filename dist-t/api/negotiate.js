// Content negotiation for reads: a meta.k8s.io Table when the Accept header asks for one
// (kubectl get), the objects' metadata alone when it asks for PartialObjectMetadata (client-go's
// metadata client: the garbage collector, quota, controller-runtime's metadata-only watches),
// plain JSON otherwise. Alternatives are taken in the order given; protobuf ones are skipped for
// the JSON alternative the same client lists after them.
import { errors } from '../domain/errors.js';
const PARTIAL_VERSIONS = new Set(['v1', 'v1beta1']);
export function negotiate(accept) {
    if (!accept)
        return { table: false };
    const types = accept.split(',').map((t) => t.trim());
    for (const t of types) {
        const params = t.split(';').map((p) => p.trim());
        const media = params[0];
        const as = params.find((p) => p.startsWith('as='))?.slice(3);
        const g = params.find((p) => p.startsWith('g='))?.slice(2);
        const v = params.find((p) => p.startsWith('v='))?.slice(2);
        const json = media === 'application/json' || media === '*/*';
        if (as === 'Table' && g === 'meta.k8s.io' && json)
            return { table: true };
        if ((as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') && g === 'meta.k8s.io' && json && v !== undefined && PARTIAL_VERSIONS.has(v)) {
            return { table: false, partial: { list: as === 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${v}` } };
        }
        if (!as && (media === 'application/json' || media === '*/*' || media === 'application/*' || media?.startsWith('application/vnd.kubernetes.protobuf') || media === 'application/yaml')) {
            if (media?.startsWith('application/vnd.kubernetes.protobuf'))
                continue; // we answer the JSON alternative
            return { table: false };
        }
    }
    if (types.some((t) => t.startsWith('application/vnd.kubernetes.protobuf')))
        return { table: false };
    throw errors.notAcceptable(`only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io, application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io, application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io`);
}
export function includeObjectParam(v) {
    if (v === undefined || v === '')
        return 'Metadata';
    if (v === 'None' || v === 'Metadata' || v === 'Object')
        return v;
    throw errors.badRequest(`unrecognized includeObject value: "${String(v)}"`);
}
//# sourceMappingURL=negotiate.js.map