// Topology-aware routing (zone hints) without node-scoped copies. Which endpoints a node's
// KUBE-SVC chain picks, and which KUBE-SEP chains it has, depend on the node's zone
// (topologyModeFromHints). Instead of an override per node (every node in a hinted zone, on every
// endpoint change), a Service's cluster-wide entries hold one variant of those rules per hinted
// zone and one for every other node, each rule marked with the zones it is for; the renderer keeps
// the variant of the node's zone (its `zone` in meta/node), as it resolves `{ifLocal}`.
//
//   {zoneIn:a,b} RULE      only on nodes in zone a or b
//   {zoneNotIn:a,b} RULE   only on nodes in neither (or with no zone label)
//
// Zone names are URI-encoded in the marker, so no label value can break it. A service chain
// whose every rule is zone-marked and none is kept does not exist on the node (a KUBE-SEP of an
// endpoint that node's zone does not use, as kube-proxy writes no chain for it).
const ZONE_MARKER = /^\{zone(In|NotIn):([^}]*)\} /;
function marker(kind, zones) {
    return `{zone${kind}:${zones.map(encodeURIComponent).join(',')}} `;
}
export const zoneInMarker = (zones) => marker('In', zones);
export const zoneNotInMarker = (zones) => marker('NotIn', zones);
export function hasZoneMarker(line) {
    return ZONE_MARKER.test(line);
}
/** The rule without its zone marker when it is for a node in `zone` (null: no zone label), null
 * when it is not; unmarked rules as they are. */
export function resolveZoneMarker(line, zone) {
    const m = ZONE_MARKER.exec(line);
    if (!m)
        return line;
    const zones = m[2].split(',').map(decodeURIComponent);
    const inList = zone !== null && zones.includes(zone);
    return inList === (m[1] === 'In') ? line.slice(m[0].length) : null;
}
//# sourceMappingURL=topology.js.map