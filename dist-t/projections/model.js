// The table model shared by every projection (docs/ARCHITECTURE.md, "Core concepts").
//
// A projection is split the way kube-proxy splits change tracking from rule writing: it names
// the *units* an object change can affect (a service, a node, the fixed base rules) and computes
// one unit's contributions from a read-only view of the cluster. The engine (engine.ts) keeps
// every unit's last contributions, diffs a recomputed unit against them and turns the difference
// into changes. So an event costs O(units it touches), never O(cluster), and a from-scratch build
// is simply "compute every unit": the property tests compare the two.
export const TABLE_NAMES = ['iptables', 'ip6tables', 'routes', 'dns'];
/** Scope of a contribution: CLUSTER (on every node) or a node's name (that node only). */
export const CLUSTER = '';
/** Stable text of a value: JSON with the value's own key order (projections keep it fixed). */
export function encodeValue(value) {
    return JSON.stringify(value);
}
//# sourceMappingURL=model.js.map