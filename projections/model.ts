// The table model shared by every projection (docs/ARCHITECTURE.md, "Core concepts").
//
// A projection is split the way kube-proxy splits change tracking from rule writing: it names
// the *units* an object change can affect (a service, a node, the fixed base rules) and computes
// one unit's contributions from a read-only view of the cluster. The engine (engine.ts) keeps
// every unit's last contributions, diffs a recomputed unit against them and turns the difference
// into changes. So an event costs O(units it touches), never O(cluster), and a from-scratch build
// is simply "compute every unit": the property tests compare the two.

import type { ClusterNetworkConfig } from '../domain/config.js';
import type { EndpointSlice, KubeObject, Namespace, Node, Pod, Service } from '../domain/objects.js';

export type TableName = 'iptables' | 'ip6tables' | 'routes' | 'dns';
export const TABLE_NAMES: readonly TableName[] = ['iptables', 'ip6tables', 'routes', 'dns'];

/** Scope of a contribution: CLUSTER (on every node) or a node's name (that node only). */
export const CLUSTER = '';

/**
 * One unit's claim on one key of one table.
 *
 * A node's table is the cluster-scoped entries overlaid by that node's own entries: a node-scoped
 * value replaces the cluster value of the same key on that node, and a node-scoped `null` is a
 * tombstone (the key is absent on that node although it is present cluster-wide). `null` is only
 * meaningful with node scope.
 *
 * Values must be plain JSON (strings, numbers, booleans, arrays, objects) and deterministic:
 * digests and replay compare their JSON text byte for byte, so build arrays in a defined order
 * and objects with their keys in a fixed order.
 */
export interface Contribution {
  table: TableName;
  scope: string;
  key: string;
  value: unknown;
}

/** Read-only view of the cluster that projections compute from. Keys of the maps are `ns/name`
 * for namespaced kinds and `name` for Nodes and Namespaces. */
export interface ClusterView {
  readonly config: ClusterNetworkConfig;
  readonly nodes: ReadonlyMap<string, Node>;
  readonly namespaces: ReadonlyMap<string, Namespace>;
  readonly services: ReadonlyMap<string, Service>;
  readonly pods: ReadonlyMap<string, Pod>;
  readonly endpointSlices: ReadonlyMap<string, EndpointSlice>;
  /** EndpointSlices labelled kubernetes.io/service-name=<name> in <namespace>, ordered by name. */
  slicesForService(namespace: string, name: string): readonly EndpointSlice[];
  /** Pods scheduled to a node, ordered by ns/name. */
  podsOnNode(nodeName: string): readonly Pod[];
}

/** An object as it was before and after one event (absent before = created, after = deleted). */
export interface ObjectChange {
  kind: string; // 'Node' | 'Pod' | 'Service' | 'Endpoints' | 'EndpointSlice' | 'Namespace' | 'ClusterNetworkConfig'
  namespace: string; // '' for cluster-scoped kinds
  name: string;
  before?: KubeObject;
  after?: KubeObject;
}

/**
 * Cluster-wide facts a projection's units read besides the view, derived from the whole state
 * and too costly to recount on every event: iptables' large-cluster mode (the endpoints of every
 * service port, > 1000). Like the cluster network config they are shared by every unit; unlike
 * it they are no object of their own, so the engine keeps them, one per projection and engine:
 * it folds each change in before recomputing, and recomputes the units `observe` names (those
 * whose facts changed, e.g. every service with endpoints when the mode flips).
 */
export interface DerivedInputs {
  /** Folds one change (the view is the one after it) at O(change); returns the units whose
   * inputs it changed, beyond the projection's unitsAffected. */
  observe(change: ObjectChange, view: ClusterView): Iterable<string>;
  /** An independent copy, for a preview to fold its own changes into. */
  fork(): DerivedInputs;
}

export interface Projection {
  readonly name: string;
  readonly tables: readonly TableName[];
  /**
   * Units whose contributions may differ after this change. Called with the view *after* the
   * change; `change.before` tells what the object was. Over-reporting is safe (the engine diffs),
   * under-reporting is a bug the property test catches. A ClusterNetworkConfig change may return
   * allUnits(view).
   */
  unitsAffected(change: ObjectChange, view: ClusterView): Iterable<string>;
  /** Every unit that has contributions in this view; used for a from-scratch build. */
  allUnits(view: ClusterView): Iterable<string>;
  /**
   * The complete contributions of one unit (an empty list when the unit no longer exists). A
   * projection with deriveInputs gets its inputs from the engine; without them (a test) it must
   * derive what it needs from the view itself.
   */
  compute(unit: string, view: ClusterView, inputs?: DerivedInputs): Contribution[];
  /** The projection's DerivedInputs for `view` from scratch (start-up, replay, verify); null =
   * the empty cluster. Only projections whose units read cluster-wide facts have them. */
  deriveInputs?(view: ClusterView | null): DerivedInputs;
  /**
   * Combine the values several units give the same (table, scope, key), passed ordered by unit id.
   * Without it two units claiming one key is an error.
   */
  merge?(table: TableName, key: string, values: unknown[]): unknown;
}

/** Stable text of a value: JSON with the value's own key order (projections keep it fixed). */
export function encodeValue(value: unknown): string {
  return JSON.stringify(value);
}
