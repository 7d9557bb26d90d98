// What a list or watch asks for: namespace, label selector, field selector.

import { errors } from '../domain/errors.js';
import type { KubeObject } from '../domain/objects.js';
import { CLUSTER_SCOPED, type StoredKind } from '../domain/kinds.js';
import type { ClusterState } from '../domain/state.js';
import {
  fieldSelectorFor,
  matchesFields,
  matchesLabels,
  parseLabelSelector,
  requiredFieldValue,
  SelectorParseError,
  type FieldSelector,
  type LabelSelector,
} from '../domain/selectors/index.js';

export interface ObjectFilter {
  namespace: string | undefined;
  label?: LabelSelector;
  field?: FieldSelector;
  kind: StoredKind;
}

export function filterFromQuery(kind: StoredKind, namespace: string | undefined, query: Record<string, unknown>): ObjectFilter {
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

/**
 * The live objects that may match a filter, for `matches` to finish. Selectors that pin one object
 * or one node read the state's indexes instead of every object of the kind: `metadata.name` with
 * its namespace (kubectl wait, delete and get -w of one object list and watch that way), and a
 * Pod selector requiring one `spec.nodeName` (a kubelet's or a node agent's list and watch). At
 * 100,000 pods, scanning all of them for one node's took ~0.6 s. Unscheduled pods
 * (`spec.nodeName=`) are not indexed: that selector scans.
 */
export function liveCandidates(state: ClusterState, filter: ObjectFilter): readonly KubeObject[] {
  return pinnedCandidates(state, filter) ?? state.list(filter.kind, filter.namespace || undefined);
}

/** liveCandidates when the selectors pin one object or one node's pods; undefined when they do
 * not (every object of the kind, or of the namespace, may match). */
export function pinnedCandidates(state: ClusterState, filter: ObjectFilter): readonly KubeObject[] | undefined {
  const name = filter.field && requiredFieldValue(filter.field, 'metadata.name');
  if (name) {
    const namespace = CLUSTER_SCOPED.has(filter.kind) ? '' : (filter.namespace || requiredFieldValue(filter.field!, 'metadata.namespace'));
    if (namespace !== undefined) {
      const obj = state.get(filter.kind, namespace, name);
      return obj ? [obj] : [];
    }
  }
  const node = filter.kind === 'Pod' && filter.field ? requiredFieldValue(filter.field, 'spec.nodeName') : undefined;
  return node ? state.podsOnNode(node) : undefined;
}
