// Object validation as kube-apiserver does it: the strategy's Validate / ValidateUpdate for each
// kind netledger stores, returning field errors in upstream's order and wording. Input objects
// are already defaulted (domain/defaults.ts); nothing here mutates its arguments.

import { clone } from '../clone.js';
import type { FieldError } from '../errors.js';
import type { Endpoints, EndpointSlice, KubeEvent, KubeObject, Namespace, Node, Pod, Service } from '../objects.js';
import type { ValidationContext } from './context.js';
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

export type { ValidationContext } from './context.js';
export { prepareServiceForCreate, prepareServiceForUpdate } from './service-prepare.js';

export type ValidatedKind = 'Namespace' | 'Node' | 'Pod' | 'Service' | 'Endpoints' | 'EndpointSlice' | 'Event';

/**
 * A Service's allocation stage runs before its validation upstream (the REST storage's
 * BeginCreate/BeginUpdate hooks): its errors, when there are any, are the only ones returned.
 */
function serviceAllocationStage(svc: Service, old: Service | undefined, ctx: ValidationContext): FieldError[] {
  const early = validateClusterIPsRelatedFields(svc.spec ?? {});
  return early.length ? early : allocationChecks(svc, old, ctx);
}

/** Create-time validation (the strategy's Validate, plus the allocator's range checks). */
export function validateObject(kind: ValidatedKind, obj: KubeObject, ctx: ValidationContext): FieldError[] {
  switch (kind) {
    case 'Namespace':
      return validateNamespace(obj as Namespace);
    case 'Node':
      return validateNode(obj as Node);
    case 'Pod':
      return validatePodCreate(obj as Pod);
    case 'Service': {
      const svc = clone(obj) as Service;
      prepareServiceForCreate(svc);
      const alloc = serviceAllocationStage(svc, undefined, ctx);
      return alloc.length ? alloc : validateService(svc);
    }
    case 'Endpoints':
      return validateEndpoints(obj as Endpoints);
    case 'EndpointSlice':
      return validateEndpointSlice(obj as EndpointSlice);
    case 'Event':
      return validateEvent(obj as KubeEvent);
  }
}

/** Update validation (the strategy's ValidateUpdate): create-time rules plus immutability. */
export function validateUpdate(kind: ValidatedKind, obj: KubeObject, old: KubeObject, ctx: ValidationContext): FieldError[] {
  switch (kind) {
    case 'Namespace':
      return validateNamespaceUpdate(obj as Namespace, old as Namespace);
    case 'Node':
      return [...validateNode(obj as Node), ...validateNodeUpdate(obj as Node, old as Node)];
    case 'Pod':
      return validatePodUpdate(obj as Pod, old as Pod);
    case 'Service': {
      const svc = clone(obj) as Service;
      prepareServiceForUpdate(svc, old as Service);
      const alloc = serviceAllocationStage(svc, old as Service, ctx);
      return alloc.length ? alloc : validateServiceUpdate(svc, old as Service);
    }
    case 'Endpoints':
      return [...validateObjectMetaUpdate(obj.metadata ?? {}, old.metadata ?? {}, FieldPath.of('metadata')), ...validateEndpoints(obj as Endpoints)];
    case 'EndpointSlice':
      return validateEndpointSliceUpdate(obj as EndpointSlice, old as EndpointSlice);
    case 'Event':
      return validateEventUpdate(obj as KubeEvent, old as KubeEvent);
  }
}

/** The status subresource's ValidateUpdate. Kinds without one validate as a plain update. */
export function validateStatusUpdate(kind: ValidatedKind, obj: KubeObject, old: KubeObject, ctx: ValidationContext): FieldError[] {
  switch (kind) {
    case 'Namespace':
      return validateNamespaceStatusUpdate(obj as Namespace, old as Namespace);
    case 'Node':
      return validateNodeUpdate(obj as Node, old as Node);
    case 'Pod':
      return validatePodStatusUpdate(obj as Pod, old as Pod);
    case 'Service':
      return validateServiceStatusUpdate(obj as Service, old as Service);
    default:
      return validateUpdate(kind, obj, old, ctx);
  }
}
