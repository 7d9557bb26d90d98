// core/v1 Service and Endpoints (+ ObjectReference, shared with discovery/v1).
import { API_CONVENTIONS, Condition, IntOrString, standardListMeta, standardObjectMeta, typeMeta } from './meta.js';
import { CORE } from './container.js';
import { atomic, atomicMap, bool, enumStr, gvk, int32, list, mergeList, ref, str, strList, strMap, struct } from './build.js';
const SERVICES = 'https://kubernetes.io/docs/concepts/services-networking/service/';
const APP_PROTOCOL = 'The application protocol for this port. This is used as a hint for implementations to offer richer behavior for protocols that they understand. This field follows standard Kubernetes label syntax.';
export const ServicePort = struct(`${CORE}.ServicePort`, "ServicePort contains information on service's port.", {
    appProtocol: str(APP_PROTOCOL),
    name: str("The name of this port within the service. This must be a DNS_LABEL. All ports within a ServiceSpec must have unique names. When considering the endpoints for a Service, this must match the 'name' field in the EndpointPort. Optional if only one ServicePort is defined on this service."),
    nodePort: int32(`The port on each node on which this service is exposed when type is NodePort or LoadBalancer.  Usually assigned by the system. More info: ${SERVICES}#type-nodeport`),
    port: int32('The port that will be exposed by this service.'),
    protocol: enumStr('The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.', ['SCTP', 'TCP', 'UDP']),
    targetPort: ref(IntOrString, `Number or name of the port to access on the pods targeted by the service. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME. If this is a string, it will be looked up as a named port in the target Pod's container ports. If this is not specified, the value of the 'port' field is used (an identity map). More info: ${SERVICES}#defining-a-service`),
}, { required: ['port'] });
export const ClientIPConfig = struct(`${CORE}.ClientIPConfig`, 'ClientIPConfig represents the configurations of Client IP based session affinity.', { timeoutSeconds: int32('timeoutSeconds specifies the seconds of ClientIP type session sticky time. The value must be >0 && <=86400(for 1 day) if ServiceAffinity == "ClientIP". Default value is 10800(for 3 hours).') });
export const SessionAffinityConfig = struct(`${CORE}.SessionAffinityConfig`, 'SessionAffinityConfig represents the configurations of session affinity.', { clientIP: ref(ClientIPConfig, 'clientIP contains the configurations of Client IP based session affinity.') });
export const ServiceSpec = struct(`${CORE}.ServiceSpec`, 'ServiceSpec describes the attributes that a user creates on a service.', {
    allocateLoadBalancerNodePorts: bool('allocateLoadBalancerNodePorts defines if NodePorts will be automatically allocated for services with type LoadBalancer.  Default is "true".'),
    clusterIP: str(`clusterIP is the IP address of the service and is usually assigned randomly. Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP). More info: ${SERVICES}#virtual-ips-and-service-proxies`),
    clusterIPs: strList('ClusterIPs is a list of IP addresses assigned to this service, and are usually assigned randomly. If this field is not specified, it will be initialized from the clusterIP field.', atomic),
    externalIPs: strList('externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.', atomic),
    externalName: str('externalName is the external reference that discovery mechanisms will return as an alias for this service (e.g. a DNS CNAME record). No proxying will be involved.  Must be a lowercase RFC-1123 hostname (https://tools.ietf.org/html/rfc1123) and requires `type` to be "ExternalName".'),
    externalTrafficPolicy: enumStr('externalTrafficPolicy describes how nodes distribute service traffic they receive on one of the Service\'s "externally-facing" addresses (NodePorts, ExternalIPs, and LoadBalancer IPs).', ['Cluster', 'Local']),
    healthCheckNodePort: int32('healthCheckNodePort specifies the healthcheck nodePort for the service. This only applies when type is set to LoadBalancer and externalTrafficPolicy is set to Local.'),
    internalTrafficPolicy: enumStr('InternalTrafficPolicy describes how nodes distribute service traffic they receive on the ClusterIP.', ['Cluster', 'Local']),
    ipFamilies: strList('IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service. Valid values are "IPv4" and "IPv6".', atomic),
    ipFamilyPolicy: enumStr('IPFamilyPolicy represents the dual-stack-ness requested or required by this Service. If there is no value provided, then this field will be set to SingleStack.', ['PreferDualStack', 'RequireDualStack', 'SingleStack']),
    loadBalancerClass: str('loadBalancerClass is the class of the load balancer implementation this Service belongs to.'),
    loadBalancerIP: str('Only applies to Service Type: LoadBalancer. Deprecated: This field was under-specified and its meaning varies across implementations.'),
    loadBalancerSourceRanges: strList('If specified and supported by the platform, this will restrict traffic through the cloud-provider load-balancer will be restricted to the specified client IPs.', atomic),
    ports: list(ref(ServicePort), `The list of ports that are exposed by this service. More info: ${SERVICES}#virtual-ips-and-service-proxies`, {
        'x-kubernetes-list-map-keys': ['port', 'protocol'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'port',
        'x-kubernetes-patch-strategy': 'merge',
    }),
    publishNotReadyAddresses: bool('publishNotReadyAddresses indicates that any agent which deals with endpoints for this Service should disregard any indications of ready/not-ready.'),
    selector: strMap(`Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. More info: ${SERVICES}`, atomicMap),
    sessionAffinity: enumStr(`Supports "ClientIP" and "None". Used to maintain session affinity. Enable client IP based session affinity. Must be ClientIP or None. Defaults to None. More info: ${SERVICES}#virtual-ips-and-service-proxies`, ['ClientIP', 'None']),
    sessionAffinityConfig: ref(SessionAffinityConfig, 'sessionAffinityConfig contains the configurations of session affinity.'),
    trafficDistribution: str('TrafficDistribution offers a way to express preferences for how traffic is distributed to Service endpoints.'),
    type: enumStr(`type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. More info: ${SERVICES}#publishing-services-service-types`, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']),
});
export const PortStatus = struct(`${CORE}.PortStatus`, 'PortStatus represents the error condition of a service port', {
    error: str('Error is to record the problem with the service port'),
    port: int32('Port is the port number of the service port of which status is recorded here'),
    protocol: enumStr('Protocol is the protocol of the service port of which status is recorded here The supported values are: "TCP", "UDP", "SCTP"', ['SCTP', 'TCP', 'UDP']),
}, { required: ['port', 'protocol'] });
export const LoadBalancerIngress = struct(`${CORE}.LoadBalancerIngress`, 'LoadBalancerIngress represents the status of a load-balancer ingress point: traffic intended for the service should be sent to an ingress point.', {
    hostname: str('Hostname is set for load-balancer ingress points that are DNS based (typically AWS load-balancers)'),
    ip: str('IP is set for load-balancer ingress points that are IP based (typically GCE or OpenStack load-balancers)'),
    ipMode: str('IPMode specifies how the load-balancer IP behaves, and may only be specified when the ip field is specified.'),
    ports: list(ref(PortStatus), 'Ports is a list of records of service ports If used, every port defined in the service should have an entry in it', atomic),
});
export const LoadBalancerStatus = struct(`${CORE}.LoadBalancerStatus`, 'LoadBalancerStatus represents the status of a load-balancer.', { ingress: list(ref(LoadBalancerIngress), 'Ingress is a list containing ingress points for the load-balancer. Traffic intended for the service should be sent to these ingress points.', atomic) });
export const ServiceStatus = struct(`${CORE}.ServiceStatus`, 'ServiceStatus represents the current status of a service.', {
    conditions: list(ref(Condition), 'Current service state', mergeList('type')),
    loadBalancer: ref(LoadBalancerStatus, 'LoadBalancer contains the current status of the load-balancer, if one is present.'),
});
export const Service = struct(`${CORE}.Service`, 'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.', {
    ...typeMeta,
    metadata: standardObjectMeta(),
    spec: ref(ServiceSpec, `Spec defines the behavior of a service. ${API_CONVENTIONS}#spec-and-status`),
    status: ref(ServiceStatus, `Most recently observed status of the service. Populated by the system. Read-only. More info: ${API_CONVENTIONS}#spec-and-status`),
}, { gvk: gvk('', 'v1', 'Service') });
export const ServiceList = struct(`${CORE}.ServiceList`, 'ServiceList holds a list of services.', { ...typeMeta, items: list(ref(Service), 'List of services'), metadata: standardListMeta() }, { required: ['items'], gvk: gvk('', 'v1', 'ServiceList') });
// ---- Endpoints ----
/** Also what a Table's event Subobject column says of itself. */
export const OBJECT_REFERENCE_FIELD_PATH = 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.';
export const ObjectReference = struct(`${CORE}.ObjectReference`, 'ObjectReference contains enough information to let you inspect or modify the referred object.', {
    apiVersion: str('API version of the referent.'),
    fieldPath: str(OBJECT_REFERENCE_FIELD_PATH),
    kind: str(`Kind of the referent. More info: ${API_CONVENTIONS}#types-kinds`),
    name: str('Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
    namespace: str('Namespace of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'),
    resourceVersion: str(`Specific resourceVersion to which this reference is made, if any. More info: ${API_CONVENTIONS}#concurrency-control-and-consistency`),
    uid: str('UID of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#uids'),
}, { atomic: true });
export const EndpointAddress = struct(`${CORE}.EndpointAddress`, 'EndpointAddress is a tuple that describes single IP address.', {
    hostname: str('The Hostname of this endpoint'),
    ip: str('The IP of this endpoint. May not be loopback (127.0.0.0/8 or ::1), link-local (169.254.0.0/16 or fe80::/10), or link-local multicast (224.0.0.0/24 or ff02::/16).'),
    nodeName: str('Optional: Node hosting this endpoint. This can be used to determine endpoints local to a node.'),
    targetRef: ref(ObjectReference, 'Reference to object providing the endpoint.'),
}, { required: ['ip'] });
export const EndpointPort = struct(`${CORE}.EndpointPort`, 'EndpointPort is a tuple that describes a single port.', {
    appProtocol: str(APP_PROTOCOL),
    name: str("The name of this port.  This must match the 'name' field in the corresponding ServicePort. Must be a DNS_LABEL. Optional only if one port is defined."),
    port: int32('The port number of the endpoint.'),
    protocol: enumStr('The IP protocol for this port. Must be UDP, TCP, or SCTP. Default is TCP.', ['SCTP', 'TCP', 'UDP']),
}, { required: ['port'] });
export const EndpointSubset = struct(`${CORE}.EndpointSubset`, 'EndpointSubset is a group of addresses with a common set of ports. The expanded set of endpoints is the Cartesian product of Addresses x Ports.', {
    addresses: list(ref(EndpointAddress), 'IP addresses which offer the related ports that are marked as ready. These endpoints should be considered safe for load balancers and clients to utilize.', atomic),
    notReadyAddresses: list(ref(EndpointAddress), 'IP addresses which offer the related ports but are not currently marked as ready because they have not yet finished starting, have recently failed a readiness check, or have recently failed a liveness check.', atomic),
    ports: list(ref(EndpointPort), 'Port numbers available on the related IP addresses.', atomic),
});
export const Endpoints = struct(`${CORE}.Endpoints`, 'Endpoints is a collection of endpoints that implement the actual service.', {
    ...typeMeta,
    metadata: standardObjectMeta(),
    subsets: list(ref(EndpointSubset), 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. Sets of addresses and ports that comprise a service.', atomic),
}, { gvk: gvk('', 'v1', 'Endpoints') });
export const EndpointsList = struct(`${CORE}.EndpointsList`, 'EndpointsList is a list of endpoints.', { ...typeMeta, items: list(ref(Endpoints), 'List of endpoints.'), metadata: standardListMeta() }, { required: ['items'], gvk: gvk('', 'v1', 'EndpointsList') });
export const SERVICE_SCHEMAS = [
    ServicePort, ClientIPConfig, SessionAffinityConfig, ServiceSpec, PortStatus, LoadBalancerIngress, LoadBalancerStatus,
    ServiceStatus, Service, ServiceList, ObjectReference, EndpointAddress, EndpointPort, EndpointSubset, Endpoints,
    EndpointsList,
];
//# sourceMappingURL=service.js.map