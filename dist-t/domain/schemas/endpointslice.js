// discovery.k8s.io/v1 EndpointSlice.
import { standardListMeta, typeMeta, ObjectMeta } from './meta.js';
import { ObjectReference } from './service.js';
import { atomic, bool, enumStr, gvk, int32, list, mapOf, ref, str, strList, struct } from './build.js';
import { Type } from '@sinclair/typebox';
export const DISCOVERY = 'io.k8s.api.discovery.v1';
export const EndpointConditions = struct(`${DISCOVERY}.EndpointConditions`, 'EndpointConditions represents the current condition of an endpoint.', {
    ready: bool('ready indicates that this endpoint is prepared to receive traffic, according to whatever system is managing the endpoint. A nil value indicates an unknown state. In most cases consumers should interpret this unknown state as ready.'),
    serving: bool('serving is identical to ready except that it is set regardless of the terminating state of endpoints. This condition should be set to true for a ready endpoint that is terminating. If nil, consumers should defer to the ready condition.'),
    terminating: bool('terminating indicates that this endpoint is terminating. A nil value indicates an unknown state. Consumers should interpret this unknown state to mean that the endpoint is not terminating.'),
});
export const ForZone = struct(`${DISCOVERY}.ForZone`, 'ForZone provides information about which zones should consume this endpoint.', { name: str('name represents the name of the zone.') }, { required: ['name'] });
export const ForNode = struct(`${DISCOVERY}.ForNode`, 'ForNode provides information about which nodes should consume this endpoint.', { name: str('name represents the name of the node.') }, { required: ['name'] });
export const EndpointHints = struct(`${DISCOVERY}.EndpointHints`, 'EndpointHints provides hints describing how an endpoint should be consumed.', {
    forNodes: list(ref(ForNode), 'forNodes indicates the node(s) this endpoint should be consumed by when using topology aware routing.', atomic),
    forZones: list(ref(ForZone), 'forZones indicates the zone(s) this endpoint should be consumed by to enable topology aware routing.', atomic),
});
export const Endpoint = struct(`${DISCOVERY}.Endpoint`, 'Endpoint represents a single logical "backend" implementing a service.', {
    addresses: strList('addresses of this endpoint. The contents of this field are interpreted according to the corresponding EndpointSlice addressType field. This must contain at least one address but no more than 100.', { 'x-kubernetes-list-type': 'set' }),
    conditions: ref(EndpointConditions, 'conditions contains information about the current status of the endpoint.'),
    deprecatedTopology: mapOf(Type.String({ default: '' }), 'deprecatedTopology contains topology information part of the v1beta1 API. This field is deprecated.'),
    hints: ref(EndpointHints, 'hints contains information associated with how an endpoint should be consumed.'),
    hostname: str('hostname of this endpoint. This field may be used by consumers of endpoints to distinguish endpoints from each other (e.g. in DNS names). Must be lowercase and pass DNS Label (RFC 1123) validation.'),
    nodeName: str('nodeName represents the name of the Node hosting this endpoint. This can be used to determine endpoints local to a Node.'),
    targetRef: ref(ObjectReference, 'targetRef is a reference to a Kubernetes object that represents this endpoint.'),
    zone: str('zone is the name of the Zone this endpoint exists in.'),
}, { required: ['addresses'] });
export const EndpointPort = struct(`${DISCOVERY}.EndpointPort`, 'EndpointPort represents a Port used by an EndpointSlice', {
    appProtocol: str('The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand.'),
    name: str('name represents the name of this port. All ports in an EndpointSlice must have a unique name. If the EndpointSlice is derived from a Kubernetes service, this corresponds to the Service.ports[].name.'),
    port: int32('port represents the port number of the endpoint. If this is not specified, ports are not restricted and must be interpreted in the context of the specific consumer.'),
    protocol: enumStr('protocol represents the IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.', ['SCTP', 'TCP', 'UDP']),
});
export const EndpointSlice = struct(`${DISCOVERY}.EndpointSlice`, 'EndpointSlice represents a subset of the endpoints that implement a service. For a given service there may be multiple EndpointSlice objects, selected by labels, which must be joined to produce the full set of endpoints.', {
    addressType: enumStr('addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.', ['FQDN', 'IPv4', 'IPv6']),
    apiVersion: typeMeta.apiVersion,
    endpoints: list(ref(Endpoint), 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.', atomic),
    kind: typeMeta.kind,
    metadata: ref(ObjectMeta, "Standard object's metadata."),
    ports: list(ref(EndpointPort), 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports.', atomic),
}, { required: ['addressType', 'endpoints'], gvk: gvk('discovery.k8s.io', 'v1', 'EndpointSlice') });
export const EndpointSliceList = struct(`${DISCOVERY}.EndpointSliceList`, 'EndpointSliceList represents a list of endpoint slices', { ...typeMeta, items: list(ref(EndpointSlice), 'items is the list of endpoint slices'), metadata: standardListMeta() }, { required: ['items'], gvk: gvk('discovery.k8s.io', 'v1', 'EndpointSliceList') });
export const ENDPOINTSLICE_SCHEMAS = [EndpointConditions, ForZone, ForNode, EndpointHints, Endpoint, EndpointPort, EndpointSlice, EndpointSliceList];
//# sourceMappingURL=endpointslice.js.map