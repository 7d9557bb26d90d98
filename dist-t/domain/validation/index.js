// Object validation as kube-apiserver does it: the strategy's Validate / ValidateUpdate for each
// kind netledger stores, returning field errors in upstream's order and wording. Input objects
// are already defaulted (domain/defaults.ts); nothing here mutates its arguments.
import { clone } from '../clone.js';
import { validateEndpoints } from './endpoints.js';
import { validateEndpointSlice, validateEndpointSliceUpdate } from './endpointslice.js';
import { validateEvent, validateEventUpdate } from './event.js';
import { validateObjectMetaUpdate } from './meta.js';
import { validateNamespace, validateNamespaceStatusUpdate, validateNamespaceUpdate } from './namespace.js';
import { validateNode, validateNodeUpdate } from './node.js';
import { FieldPath } from './path.js';
import { validatePodCreate } from './pod.js';
import { validatePodStatusUpdate, validatePodUpdate } from './pod-update.js';
import { validateService, validateServiceStatusUpdate, validateServiceUpdate } from './service.js';
import { allocationChecks, validateClusterIPsRelatedFields } from './service-ips.js';
import { prepareServiceForCreate, prepareServiceForUpdate } from './service-prepare.js';
export { prepareServiceForCreate, prepareServiceForUpdate } from './service-prepare.js';
/**
 * A Service's allocation stage runs before its validation upstream (the REST storage's
 * BeginCreate/BeginUpdate hooks): its errors, when there are any, are the only ones returned.
 */
function serviceAllocationStage(svc, old, ctx) {
    const early = validateClusterIPsRelatedFields(svc.spec ?? {});
    return early.length ? early : allocationChecks(svc, old, ctx);
}
/** Create-time validation (the strategy's Validate, plus the allocator's range checks). */
export function validateObject(kind, obj, ctx) {
    switch (kind) {
        case 'Namespace':
            return validateNamespace(obj);
        case 'Node':
            return validateNode(obj);
        case 'Pod':
            return validatePodCreate(obj);
        case 'Service': {
            const svc = clone(obj);
            prepareServiceForCreate(svc);
            const alloc = serviceAllocationStage(svc, undefined, ctx);
            return alloc.length ? alloc : validateService(svc);
        }
        case 'Endpoints':
            return validateEndpoints(obj);
        case 'EndpointSlice':
            return validateEndpointSlice(obj);
        case 'Event':
            return validateEvent(obj);
    }
}
/** Update validation (the strategy's ValidateUpdate): create-time rules plus immutability. */
export function validateUpdate(kind, obj, old, ctx) {
    switch (kind) {
        case 'Namespace':
            return validateNamespaceUpdate(obj, old);
        case 'Node':
            return [...validateNode(obj), ...validateNodeUpdate(obj, old)];
        case 'Pod':
            return validatePodUpdate(obj, old);
        case 'Service': {
            const svc = clone(obj);
            prepareServiceForUpdate(svc, old);
            const alloc = serviceAllocationStage(svc, old, ctx);
            return alloc.length ? alloc : validateServiceUpdate(svc, old);
        }
        case 'Endpoints':
            return [...validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {}, FieldPath.of('metadata')), ...validateEndpoints(obj)];
        case 'EndpointSlice':
            return validateEndpointSliceUpdate(obj, old);
        case 'Event':
            return validateEventUpdate(obj, old);
    }
}
/** The status subresource's ValidateUpdate. Kinds without one validate as a plain update. */
export function validateStatusUpdate(kind, obj, old, ctx) {
    switch (kind) {
        case 'Namespace':
            return validateNamespaceStatusUpdate(obj, old);
        case 'Node':
            return validateNodeUpdate(obj, old);
        case 'Pod':
            return validatePodStatusUpdate(obj, old);
        case 'Service':
            return validateServiceStatusUpdate(obj, old);
        default:
            return validateUpdate(kind, obj, old, ctx);
    }
}
//# sourceMappingURL=index.js.map