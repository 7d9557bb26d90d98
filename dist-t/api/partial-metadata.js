// PartialObjectMetadata: an object's metadata alone, as kube-apiserver answers the metadata client
// (handlers/response.go asPartialObjectMetadata[List]). A list asked for as the one kind, or an
// object as the other, is 406, in upstream's words (Go type names included).
import { errors } from '../domain/errors.js';
export function partialObject(obj, as) {
    return { kind: 'PartialObjectMetadata', apiVersion: as.apiVersion, metadata: obj.metadata };
}
export function partialList(list, kind, as) {
    if (!as.list)
        throw errors.notAcceptable(`you requested PartialObjectMetadata, but the requested object is a list (*v1.${kind}List)`);
    const { resourceVersion, continue: next, remainingItemCount } = list.metadata;
    return {
        kind: 'PartialObjectMetadataList',
        apiVersion: as.apiVersion,
        metadata: { resourceVersion, continue: next, remainingItemCount },
        items: list.items.map((o) => partialObject(o, as)),
    };
}
/** For a get or a watch: each object is answered on its own, never as a list. */
export function requireObjectForm(as, kind) {
    if (as.list)
        throw errors.notAcceptable(`you requested PartialObjectMetadataList, but the requested object is not a list (*v1.${kind})`);
}
//# sourceMappingURL=partial-metadata.js.map