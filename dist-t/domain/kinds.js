// The kinds netledger stores, and how each is addressed. The API layer's resource registry
// (domain/schemas/resources.ts) maps URLs to these.
export const STORED_KINDS = ['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'Event'];
/** The pseudo-kind of the cluster network settings event. */
export const CONFIG_KIND = 'ClusterNetworkConfig';
export const CLUSTER_SCOPED = new Set(['Namespace', 'Node', CONFIG_KIND]);
export const KIND_INFO = {
    Namespace: { kind: 'Namespace', resource: 'namespaces', group: '', apiVersion: 'v1', namespaced: false, createOnUpdate: false, unconditionalUpdate: true, statusSubresource: true },
    Node: { kind: 'Node', resource: 'nodes', group: '', apiVersion: 'v1', namespaced: false, createOnUpdate: false, unconditionalUpdate: true, statusSubresource: true },
    Pod: { kind: 'Pod', resource: 'pods', group: '', apiVersion: 'v1', namespaced: true, createOnUpdate: false, unconditionalUpdate: true, statusSubresource: true, returnsDeletedObject: true },
    Service: { kind: 'Service', resource: 'services', group: '', apiVersion: 'v1', namespaced: true, createOnUpdate: true, unconditionalUpdate: true, statusSubresource: true, returnsDeletedObject: true },
    Endpoints: { kind: 'Endpoints', resource: 'endpoints', group: '', apiVersion: 'v1', namespaced: true, createOnUpdate: true, unconditionalUpdate: true, statusSubresource: false },
    EndpointSlice: { kind: 'EndpointSlice', resource: 'endpointslices', group: 'discovery.k8s.io', apiVersion: 'discovery.k8s.io/v1', namespaced: true, createOnUpdate: true, unconditionalUpdate: true, statusSubresource: false },
    Event: { kind: 'Event', resource: 'events', group: '', apiVersion: 'v1', namespaced: true, createOnUpdate: true, unconditionalUpdate: true, statusSubresource: false },
};
export function objectKey(namespace, name) {
    return namespace ? `${namespace}/${name}` : name;
}
//# sourceMappingURL=kinds.js.map