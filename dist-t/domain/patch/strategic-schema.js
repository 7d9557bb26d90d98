// The patch metadata strategic merge patch needs, taken from the `patchStrategy` /
// `patchMergeKey` struct tags of k8s.io/api core/v1 (and metav1.ObjectMeta). Only fields whose
// merge behaviour differs from the default are listed: a struct merges field by field, a map
// merges key by key, and a list without an entry here is atomic (the patch replaces it).
const byName = (fields) => ({ merge: true, mergeKey: 'name', ...(fields ? { fields } : {}) });
const byType = { merge: true, mergeKey: 'type' };
const byIP = { merge: true, mergeKey: 'ip' };
export const OBJECT_META = {
    finalizers: { merge: true },
    ownerReferences: { merge: true, mergeKey: 'uid' },
};
const CONTAINER = {
    ports: { merge: true, mergeKey: 'containerPort', secondaryKey: 'protocol', secondaryDefault: 'TCP' },
    env: byName(),
    volumeMounts: { merge: true, mergeKey: 'mountPath' },
    volumeDevices: { merge: true, mergeKey: 'devicePath' },
};
const POD_SPEC = {
    volumes: { ...byName(), retainKeys: true },
    initContainers: byName(CONTAINER),
    containers: byName(CONTAINER),
    ephemeralContainers: byName(CONTAINER),
    imagePullSecrets: byName(),
    hostAliases: byIP,
    topologySpreadConstraints: { merge: true, mergeKey: 'topologyKey' },
    resourceClaims: { ...byName(), retainKeys: true },
    schedulingGates: byName(),
    // tolerations, readinessGates, and everything in affinity/securityContext/dnsConfig: atomic.
};
const POD_STATUS = {
    conditions: byType,
    podIPs: byIP,
    hostIPs: byIP,
    resourceClaimStatuses: { ...byName(), retainKeys: true },
    // containerStatuses and friends carry no strategy: atomic.
};
const SERVICE_SPEC = {
    ports: { merge: true, mergeKey: 'port', secondaryKey: 'protocol', secondaryDefault: 'TCP' },
};
const NODE_SPEC = {
    podCIDRs: { merge: true },
    // taints: no patch tags upstream, so atomic.
};
const NODE_STATUS = {
    conditions: byType,
    // Upstream warns the key is not unique enough; it is still what the tag says.
    addresses: byType,
};
const meta = { metadata: { fields: OBJECT_META } };
/** Per kind, the schema of the whole object. EndpointSlice and Endpoints lists are atomic. */
export const STRATEGIC_SCHEMAS = {
    Pod: { ...meta, spec: { fields: POD_SPEC }, status: { fields: POD_STATUS } },
    Service: { ...meta, spec: { fields: SERVICE_SPEC }, status: { fields: { conditions: byType } } },
    // Endpoints.subsets has no patch tags: a patch replaces all subsets.
    Endpoints: { ...meta },
    Node: { ...meta, spec: { fields: NODE_SPEC }, status: { fields: NODE_STATUS } },
    Namespace: { ...meta, status: { fields: { conditions: byType } } },
    // discovery/v1 declares no strategic tags: endpoints and ports are atomic.
    EndpointSlice: { ...meta },
    // An event recorder's repeat is a strategic merge patch of count, lastTimestamp and message.
    Event: { ...meta },
};
export function strategicSchemaFor(kind) {
    return Object.hasOwn(STRATEGIC_SCHEMAS, kind) ? STRATEGIC_SCHEMAS[kind] : undefined;
}
//# sourceMappingURL=strategic-schema.js.map