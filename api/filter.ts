// What a list or watch asks for: namespace, label selector, field selector.

import { errors } from '../domain/errors.js';
import type { KubeObject } from '../domain/objects.js';
import {
  fieldSelectorFor,
  matchesFields,
  matchesLabels,
  parseLabelSelector,
  SelectorParseError,
  type FieldSelector,
  type LabelSelector,
} from '../domain/selectors/index.js';

export interface ObjectFilter {
  namespace: string | undefined;
  label?: LabelSelector;
  field?: FieldSelector;
  kind: string;
}

export function filterFromQuery(kind: string, namespace: string | undefined, query: Record<string, unknown>): ObjectFilter {
  const filter: ObjectFilter = { kind, namespace };
  try {
    if (typeof query.labelSelector === 'string' && query.labelSelector !== '') filter.label = parseLabelSelector(query.labelSelector);
    if (typeof query.fieldSelector === 'string' && query.fieldSelector !== '') filter.field = fieldSelectorFor(kind, query.fieldSelector);
  } catch (e) {
    if (e instanceof SelectorParseError) throw errors.badRequest(e.message);
    throw e;
  }
  return filter;
}

export function matches(filter: ObjectFilter, obj: KubeObject): boolean {
  if (filter.namespace && (obj.metadata.namespace ?? '') !== filter.namespace) return false;
  if (filter.label && !matchesLabels(filter.label, obj.metadata.labels)) return false;
  if (filter.field && !matchesFields(filter.field, filter.kind, obj)) return false;
  return true;
}
