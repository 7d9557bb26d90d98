// ValidatePodBinding (pkg/apis/core/validation): a Binding's target is a Node, named.

import type { FieldError } from '../errors.js';
import { FieldPath, notSupported, required } from './path.js';

export interface BindingTarget {
  kind?: string;
  name?: string;
}

export function validatePodBinding(target: BindingTarget): FieldError[] {
  const errs: FieldError[] = [];
  if (target.kind && target.kind !== 'Node') errs.push(notSupported(FieldPath.of('target', 'kind'), target.kind, ['Node', '<empty>']));
  if (!target.name) errs.push(required(FieldPath.of('target', 'name')));
  return errs;
}
