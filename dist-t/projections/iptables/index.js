// The iptables projection: what kube-proxy's iptables mode (v1.28+ rule text) would feed
// iptables-restore on a full sync, for every node, as keyed tables `iptables` (IPv4) and
// `ip6tables` (IPv6).
//
// KEY GRAMMAR (the node agent relies on it to know which chain a key belongs to)
//
//   key       := chainKey | fragKey | "meta/node"
//   chainKey  := table "/" chain                       whole chain, e.g. nat/KUBE-SVC-XPGD46QRK7WJZT7O
//   fragKey   := table "/" chain "/" ns "/" name       one Service's rules in a shared chain,
//                                                      e.g. nat/KUBE-SERVICES/ns1/svc1
//              | table "/" chain "/~" tag               a fixed fragment; only
//                                                      nat/KUBE-SERVICES/~nodeports (the tail-call)
//   table     := "filter" | "nat"
//
//   A chain's rules = its chainKey value (if any) followed by its fragments, service fragments in
//   `ns/name` byte order (= upstream's stable sort by comment service name), `~` fragments last.
//   A chain exists on a node iff at least one of its keys does; base declares the fixed chains
//   with empty chainKey values so they always exist. chainOfKey(key) names the chain.
//   Shared chains: filter KUBE-SERVICES, KUBE-EXTERNAL-SERVICES, KUBE-NODEPORTS,
//   KUBE-PROXY-FIREWALL; nat KUBE-SERVICES, KUBE-NODEPORTS. Whole chains: filter KUBE-FORWARD,
//   KUBE-FIREWALL (IPv4, only with localhost NodePorts, i.e. when --nodeport-addresses contains
//   an IPv4 loopback address: base.ts); nat KUBE-POSTROUTING, KUBE-MARK-MASQ and every
//   KUBE-SVC-/SVL-/EXT-/FW-/SEP- chain (one key per chain, owned by one Service).
//
// VALUES
//
//   chainKey / fragKey: string[] — complete restore lines `-A CHAIN …` in emission order. Two
//   node-dependent forms are resolved by the renderer from the node's meta entry, so that service
//   entries stay cluster-wide:
//     - `{ifLocal}` / `{ifNotLocal}` inside a rule (only with localDetector node-cidr): replaced
//       by `-s <podCIDR>` / `! -s <podCIDR>`; the rule is dropped when the node has no pod CIDR
//       of the family (kube-proxy's no-op detector omits those rules).
//     - a `{nodeIPIn:<cidr>,…} ` prefix (KUBE-FW allow-from-node rules): the rule exists only
//       when the node's IP lies in one of the CIDRs.
//     - a `{zoneIn:…} ` / `{zoneNotIn:…} ` prefix (topology.ts): zone-hinted endpoints. KUBE-SVC
//       holds one variant of its endpoint rules per hinted zone and one for every other node;
//       a KUBE-SEP only some zones use is marked with them, and is absent where none is kept.
//   meta/node: { nodeIP: string, ifLocal: string|null, ifNotLocal: string|null, zone?: string }
//   (NodeMeta), node-scoped, one per node per table; not a chain.
//
// UNITS
//
//   base           the fixed chains and rules; the nodeports tail-call when NodePorts are not
//                  restricted to --nodeport-addresses.
//   node:<name>    meta/node, and the tail-call rules when --nodeport-addresses applies; with
//                  `primary` alone, a node without a primary IPv4 address gets KUBE-FIREWALL.
//   svc:<ns>/<n>   every chain and fragment owed to one Service: cluster-scoped entries are the
//                  form for a node hosting none of its endpoints; for internal/external traffic
//                  policy Local, each node hosting endpoints gets node-scoped overrides of the
//                  keys that differ there (null = absent on that node). So an endpoint change
//                  costs O(nodes hosting that Service's endpoints), never O(nodes).
//
// LARGE-CLUSTER MODE
//
//   Above 1000 endpoints over all service ports of a family, endpoint rules lose their comments
//   (large-cluster.ts). The count is the engine's derived input for this projection; a change
//   carrying it across the threshold recomputes every service unit with endpoints of that
//   family, once (cluster-scoped entries, plus the node overrides those services already have).
import { ZONE_LABEL } from '../../domain/objects.js';
import { CLUSTER, encodeValue } from '../model.js';
import { baseRules, localhostNodePorts, nodeRules, ONLY_WITH_LOCALHOST_NODEPORTS, serviceDetector } from './base.js';
import { EndpointTotals, largeClusterOfView, servicesOfChange } from './large-cluster.js';
import { hasNodeLocalPolicy, serviceRules } from './service-rules.js';
export { chainOfKey, isMetaKey, NODE_META_KEY } from './keys.js';
export { metaOf, partialRestoreInput, renderIptablesRestore, resolveRule, topLevelJumps } from './render.js';
export { endpointChainName, portProtoHash, probability, servicePortChains, servicePortName } from './names.js';
const FAMILY_TABLES = [
    ['ipv4', 'iptables'],
    ['ipv6', 'ip6tables'],
];
export const BASE_UNIT = 'base';
export const nodeUnit = (name) => `node:${name}`;
export const serviceUnit = (namespace, name) => `svc:${namespace}/${name}`;
/** The unit of a Service keyed `ns/name`. */
const unitOfService = (key) => `svc:${key}`;
function computeBase(config) {
    const out = [];
    for (const [family, table] of FAMILY_TABLES) {
        for (const [key, value] of baseRules(config, family))
            out.push({ table, scope: CLUSTER, key, value });
    }
    return out;
}
function computeNode(name, view) {
    const node = view.nodes.get(name);
    if (!node)
        return [];
    const out = [];
    for (const [family, table] of FAMILY_TABLES) {
        for (const [key, value] of nodeRules(view.config, family, node))
            out.push({ table, scope: name, key, value });
    }
    return out;
}
/** Nodes named by any endpoint of the Service: the only nodes whose local endpoints differ. */
function endpointNodes(slices) {
    const names = new Set();
    for (const s of slices)
        for (const ep of s.endpoints ?? [])
            if (ep.nodeName)
                names.add(ep.nodeName);
    return [...names].sort();
}
function computeService(namespace, name, view, totals) {
    const svc = view.services.get(`${namespace}/${name}`);
    if (!svc)
        return [];
    const slices = view.slicesForService(namespace, name);
    const out = [];
    for (const [family, table] of FAMILY_TABLES) {
        const localhost = localhostNodePorts(view.config, family);
        const ctx = {
            family,
            detector: serviceDetector(view.config, family),
            nfacct: view.config.iptablesNfacct,
            localhostNodePorts: localhost === 'node' ? ONLY_WITH_LOCALHOST_NODEPORTS : localhost,
            largeCluster: totals ? totals.largeCluster(family) : largeClusterOfView(view, family),
        };
        const cluster = serviceRules(svc, slices, { ...ctx, nodeName: null });
        for (const [key, value] of cluster)
            out.push({ table, scope: CLUSTER, key, value });
        if (!hasNodeLocalPolicy(svc, family))
            continue;
        for (const nodeName of endpointNodes(slices)) {
            const local = serviceRules(svc, slices, { ...ctx, nodeName });
            for (const [key, value] of local) {
                const base = cluster.get(key);
                if (!base || encodeValue(base) !== encodeValue(value))
                    out.push({ table, scope: nodeName, key, value });
            }
            for (const key of cluster.keys())
                if (!local.has(key))
                    out.push({ table, scope: nodeName, key, value: null });
        }
    }
    return out;
}
function nodeFactsChanged(before, after) {
    const facts = (n) => n ? encodeValue([n.status?.addresses ?? [], n.spec?.podCIDRs ?? [], n.spec?.podCIDR ?? '', n.metadata.labels?.[ZONE_LABEL] ?? '']) : '';
    return facts(before) !== facts(after);
}
export const iptablesProjection = {
    name: 'iptables',
    tables: ['iptables', 'ip6tables'],
    /** The endpoint count behind large-cluster mode (large-cluster.ts). */
    deriveInputs(view) {
        return new EndpointTotals(view, unitOfService);
    },
    unitsAffected(change, view) {
        switch (change.kind) {
            case 'Service':
            case 'EndpointSlice':
                return servicesOfChange(change).map(unitOfService);
            case 'Node':
                // Status heartbeats change nothing we read; only addresses, pod CIDRs and the zone matter.
                return nodeFactsChanged(change.before, change.after) ? [nodeUnit(change.name)] : [];
            case 'ClusterNetworkConfig':
                return iptablesProjection.allUnits(view);
            default:
                return [];
        }
    },
    *allUnits(view) {
        yield BASE_UNIT;
        for (const name of view.nodes.keys())
            yield nodeUnit(name);
        for (const svc of view.services.values())
            yield serviceUnit(svc.metadata.namespace ?? 'default', svc.metadata.name ?? '');
    },
    compute(unit, view, inputs) {
        if (unit === BASE_UNIT)
            return computeBase(view.config);
        if (unit.startsWith('node:'))
            return computeNode(unit.slice('node:'.length), view);
        if (unit.startsWith('svc:')) {
            const ref = unit.slice('svc:'.length);
            const slash = ref.indexOf('/');
            return computeService(ref.slice(0, slash), ref.slice(slash + 1), view, inputs);
        }
        return [];
    },
};
//# sourceMappingURL=index.js.map