// metadata.generation, kept as kube-apiserver's registry strategies keep it. Of the kinds served
// here only EndpointSlice has one in v1.32 (pkg/registry/discovery/endpointslice/strategy.go):
// 1 on create, and one more on an update that changes anything but metadata, or the labels.
// EndpointSlice consumers (an external controller's staleness tracker) compare it.
import { deepEqual } from './equal.js';
const WITH_GENERATION = new Set(['EndpointSlice']);
/** Sets `next`'s generation from `old` (undefined: a create); whatever the client sent is not kept. */
export function setGeneration(kind, next, old) {
    if (!WITH_GENERATION.has(kind))
        return;
    if (!old) {
        next.metadata.generation = 1;
        return;
    }
    const { metadata: nextMeta, ...nextRest } = next;
    const { metadata: oldMeta, ...oldRest } = old;
    const changed = !deepEqual(nextRest, oldRest) || !deepEqual(nextMeta.labels ?? {}, oldMeta.labels ?? {});
    next.metadata.generation = (oldMeta.generation ?? 0) + (changed ? 1 : 0);
}
//# sourceMappingURL=generation.js.map