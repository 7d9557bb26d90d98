// The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring) as a pure
// function: user-written Endpoints of a selector-less Service copied into EndpointSlices, so
// EndpointSlice consumers (kube-proxy, CoreDNS) see them.
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from '../objects.js';
import { LAST_CHANGE_TRIGGER_TIME_ANNOTATION, sortedRecord } from './endpointsController.js';
import { endpointIdentity, sortSliceEndpoints } from './endpointSliceController.js';
import { portMapKey, sortSlicePorts } from './goHash.js';
import { parseIPSloppy } from './ip.js';
import { repackSubsets } from './repackSubsets.js';
import { endpointSliceName, endpointSlicePrefix } from './sliceNames.js';
export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
/** --mirroring-max-endpoints-per-subset default. */
export const DEFAULT_MAX_ENDPOINTS_PER_SUBSET = 1000;
const LEADER_ELECTION_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/**
 * shouldMirror + the Service checks of syncEndpoints: mirror only Endpoints that are not marked
 * skip-mirror nor a leader-election lock, whose Service exists and has no selector (services with
 * one get their slices from the EndpointSlice controller).
 */
export function shouldMirror(endpoints, service) {
    if (endpoints.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true')
        return false;
    if (endpoints.metadata.annotations?.[LEADER_ELECTION_ANNOTATION] !== undefined)
        return false;
    if (!service)
        return false;
    const sel = service.spec?.selector;
    return !sel || Object.keys(sel).length === 0;
}
/** addressToEndpoint: ready from the list the address was in; serving/terminating unknown. */
function addressToEndpoint(address, ready) {
    const ip = parseIPSloppy(address.ip);
    if (!ip)
        return undefined; // upstream records an InvalidIPAddress event and skips it
    const ep = { addresses: [ip.text], conditions: { ready } };
    if (address.hostname)
        ep.hostname = address.hostname;
    if (address.targetRef)
        ep.targetRef = { ...address.targetRef };
    if (address.nodeName !== undefined)
        ep.nodeName = address.nodeName;
    return { ep, family: ip.family };
}
/**
 * The slices mirrored for `endpoints`: one per (repacked subset, address type) that has any
 * address, at most maxEndpointsPerSubset addresses per subset (the rest are skipped, as upstream).
 */
export function mirroredEndpointSlices(endpoints, service, opts = {}) {
    if (!shouldMirror(endpoints, service))
        return [];
    const maxPerSubset = opts.maxEndpointsPerSubset ?? DEFAULT_MAX_ENDPOINTS_PER_SUBSET;
    const desired = new Map();
    for (const subset of repackSubsets(endpoints.subsets ?? [])) {
        const ports = sortSlicePorts((subset.ports ?? []).map((p) => {
            const sp = { name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port };
            if (p.appProtocol !== undefined)
                sp.appProtocol = p.appProtocol;
            return sp;
        }));
        const pmk = portMapKey(ports);
        const groupFor = (family) => {
            const key = `${family}-${pmk}`;
            let d = desired.get(key);
            if (!d)
                desired.set(key, (d = { key, addressType: family, ports, endpoints: new Map() }));
            return d;
        };
        let added = 0;
        const addAll = (list, ready) => {
            for (const address of list ?? []) {
                if (added >= maxPerSubset)
                    return;
                const converted = addressToEndpoint(address, ready);
                if (!converted)
                    continue;
                groupFor(converted.family).endpoints.set(endpointIdentity(converted.ep), converted.ep);
                added++;
            }
        };
        addAll(subset.addresses, true);
        addAll(subset.notReadyAddresses, false);
    }
    const name = endpoints.metadata.name ?? '';
    const namespace = endpoints.metadata.namespace ?? '';
    const prefix = endpointSlicePrefix(name);
    const labels = sortedRecord({ ...(endpoints.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER_NAME });
    const annotations = {};
    for (const [k, v] of Object.entries(endpoints.metadata.annotations ?? {})) {
        if (k !== LAST_CHANGE_TRIGGER_TIME_ANNOTATION && k !== LAST_APPLIED_ANNOTATION)
            annotations[k] = v;
    }
    const out = [];
    const taken = new Set(opts.reservedNames);
    const indexByType = new Map();
    const ordered = [...desired.values()].filter((d) => d.endpoints.size > 0).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const d of ordered) {
        const index = indexByType.get(d.addressType) ?? 0;
        indexByType.set(d.addressType, index + 1);
        const metadata = {
            name: endpointSliceName(prefix, { controller: MIRRORING_CONTROLLER_NAME, namespace, name, addressType: d.addressType, index }, taken),
            generateName: prefix,
            namespace,
            labels: { ...labels },
        };
        if (Object.keys(annotations).length > 0)
            metadata.annotations = sortedRecord(annotations);
        metadata.ownerReferences = [
            { apiVersion: 'v1', kind: 'Endpoints', name, uid: endpoints.metadata.uid ?? '', controller: true, blockOwnerDeletion: true },
        ];
        out.push({
            kind: 'EndpointSlice',
            apiVersion: 'discovery.k8s.io/v1',
            metadata,
            addressType: d.addressType,
            endpoints: sortSliceEndpoints(d.endpoints.values()),
            ports: d.ports,
        });
    }
    return out;
}
//# sourceMappingURL=mirroring.js.map