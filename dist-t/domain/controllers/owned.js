// What the endpoints controllers own for a Service: its Endpoints and the EndpointSlices the
// slice or mirroring controller manages for it. A Service's deletion takes them with it
// (reactor.ts), and namespace deletion relies on that (decide.ts).
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from '../objects.js';
export const SLICE_MANAGERS = new Set(['endpointslice-controller.k8s.io', 'endpointslicemirroring-controller.k8s.io']);
/** Whether the slice or mirroring controller manages this slice, and for which Service. */
export function managingService(slice) {
    const labels = slice?.metadata.labels;
    if (!labels || !SLICE_MANAGERS.has(labels[MANAGED_BY_LABEL] ?? ''))
        return undefined;
    return labels[SERVICE_NAME_LABEL] || undefined;
}
export function managedSlices(state, namespace, service) {
    return state.slicesForService(namespace, service).filter((s) => managingService(s) !== undefined);
}
//# sourceMappingURL=owned.js.map