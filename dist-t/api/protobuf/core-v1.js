// k8s.io/api/core/v1/generated.proto: Namespace, Service, Node, Endpoints and the references
// they share. Field numbers from the .proto, field order and KEEP (Go pointer or non-omitempty)
// from types.go, so the decoded object is what encoding/json would have written.
import { KEEP, MAP, REPEATED } from './schema.js';
export const CORE_V1 = {
    // ---- Namespace ----
    Namespace: [
        [1, 'metadata', 'ObjectMeta'],
        [2, 'spec', 'NamespaceSpec'],
        [3, 'status', 'NamespaceStatus'],
    ],
    NamespaceSpec: [[1, 'finalizers', 'string', REPEATED]],
    NamespaceStatus: [
        [1, 'phase', 'string'],
        [2, 'conditions', 'NamespaceCondition', REPEATED],
    ],
    NamespaceCondition: [
        [1, 'type', 'string', KEEP],
        [2, 'status', 'string', KEEP],
        [4, 'lastTransitionTime', 'time'],
        [5, 'reason', 'string'],
        [6, 'message', 'string'],
    ],
    // ---- Service ----
    Service: [
        [1, 'metadata', 'ObjectMeta'],
        [2, 'spec', 'ServiceSpec'],
        [3, 'status', 'ServiceStatus'],
    ],
    ServiceSpec: [
        [1, 'ports', 'ServicePort', REPEATED],
        [2, 'selector', 'string', MAP],
        [3, 'clusterIP', 'string'],
        [18, 'clusterIPs', 'string', REPEATED],
        [4, 'type', 'string'],
        [5, 'externalIPs', 'string', REPEATED],
        [7, 'sessionAffinity', 'string'],
        [8, 'loadBalancerIP', 'string'],
        [9, 'loadBalancerSourceRanges', 'string', REPEATED],
        [10, 'externalName', 'string'],
        [11, 'externalTrafficPolicy', 'string'],
        [12, 'healthCheckNodePort', 'int32'],
        [13, 'publishNotReadyAddresses', 'bool'],
        [14, 'sessionAffinityConfig', 'SessionAffinityConfig'],
        [19, 'ipFamilies', 'string', REPEATED],
        [17, 'ipFamilyPolicy', 'string', KEEP],
        [20, 'allocateLoadBalancerNodePorts', 'bool', KEEP],
        [21, 'loadBalancerClass', 'string', KEEP],
        [22, 'internalTrafficPolicy', 'string', KEEP],
        [23, 'trafficDistribution', 'string', KEEP],
    ],
    ServicePort: [
        [1, 'name', 'string'],
        [2, 'protocol', 'string'],
        [6, 'appProtocol', 'string', KEEP],
        [3, 'port', 'int32', KEEP],
        [4, 'targetPort', 'intstr'],
        [5, 'nodePort', 'int32'],
    ],
    SessionAffinityConfig: [[1, 'clientIP', 'ClientIPConfig']],
    ClientIPConfig: [[1, 'timeoutSeconds', 'int32', KEEP]],
    ServiceStatus: [
        [1, 'loadBalancer', 'LoadBalancerStatus'],
        [2, 'conditions', 'Condition', REPEATED],
    ],
    LoadBalancerStatus: [[1, 'ingress', 'LoadBalancerIngress', REPEATED]],
    LoadBalancerIngress: [
        [1, 'ip', 'string'],
        [2, 'hostname', 'string'],
        [3, 'ipMode', 'string', KEEP],
        [4, 'ports', 'PortStatus', REPEATED],
    ],
    PortStatus: [
        [1, 'port', 'int32', KEEP],
        [2, 'protocol', 'string', KEEP],
        [3, 'error', 'string', KEEP],
    ],
    // ---- Node ----
    Node: [
        [1, 'metadata', 'ObjectMeta'],
        [2, 'spec', 'NodeSpec'],
        [3, 'status', 'NodeStatus'],
    ],
    NodeSpec: [
        [1, 'podCIDR', 'string'],
        [7, 'podCIDRs', 'string', REPEATED],
        [3, 'providerID', 'string'],
        [4, 'unschedulable', 'bool'],
        [5, 'taints', 'Taint', REPEATED],
        [2, 'externalID', 'string'],
    ],
    Taint: [
        [1, 'key', 'string', KEEP],
        [2, 'value', 'string'],
        [3, 'effect', 'string', KEEP],
        [4, 'timeAdded', 'time'],
    ],
    NodeStatus: [
        [1, 'capacity', 'quantity', MAP],
        [2, 'allocatable', 'quantity', MAP],
        [3, 'phase', 'string'],
        [4, 'conditions', 'NodeCondition', REPEATED],
        [5, 'addresses', 'NodeAddress', REPEATED],
        [6, 'daemonEndpoints', 'NodeDaemonEndpoints'],
        [7, 'nodeInfo', 'NodeSystemInfo'],
        [8, 'images', 'ContainerImage', REPEATED],
        [9, 'volumesInUse', 'string', REPEATED],
        [10, 'volumesAttached', 'AttachedVolume', REPEATED],
        [12, 'runtimeHandlers', 'NodeRuntimeHandler', REPEATED],
        [13, 'features', 'NodeFeatures'],
    ],
    NodeCondition: [
        [1, 'type', 'string', KEEP],
        [2, 'status', 'string', KEEP],
        [3, 'lastHeartbeatTime', 'time'],
        [4, 'lastTransitionTime', 'time'],
        [5, 'reason', 'string'],
        [6, 'message', 'string'],
    ],
    NodeAddress: [
        [1, 'type', 'string', KEEP],
        [2, 'address', 'string', KEEP],
    ],
    NodeDaemonEndpoints: [[1, 'kubeletEndpoint', 'DaemonEndpoint']],
    DaemonEndpoint: [[1, 'Port', 'int32', KEEP]],
    // Every NodeSystemInfo string is non-omitempty in types.go.
    NodeSystemInfo: [
        [1, 'machineID', 'string', KEEP],
        [2, 'systemUUID', 'string', KEEP],
        [3, 'bootID', 'string', KEEP],
        [4, 'kernelVersion', 'string', KEEP],
        [5, 'osImage', 'string', KEEP],
        [6, 'containerRuntimeVersion', 'string', KEEP],
        [7, 'kubeletVersion', 'string', KEEP],
        [8, 'kubeProxyVersion', 'string', KEEP],
        [9, 'operatingSystem', 'string', KEEP],
        [10, 'architecture', 'string', KEEP],
        [11, 'swap', 'NodeSwapStatus'],
    ],
    NodeSwapStatus: [[1, 'capacity', 'int64', KEEP]],
    ContainerImage: [
        [1, 'names', 'string', REPEATED],
        [2, 'sizeBytes', 'int64'],
    ],
    AttachedVolume: [
        [1, 'name', 'string', KEEP],
        [2, 'devicePath', 'string', KEEP],
    ],
    NodeRuntimeHandler: [
        [1, 'name', 'string'],
        [2, 'features', 'NodeRuntimeHandlerFeatures'],
    ],
    NodeRuntimeHandlerFeatures: [
        [1, 'recursiveReadOnlyMounts', 'bool', KEEP],
        [2, 'userNamespaces', 'bool', KEEP],
    ],
    NodeFeatures: [
        [1, 'supplementalGroupsPolicy', 'bool', KEEP],
        [2, 'containerUlimits', 'bool', KEEP],
    ],
    // ---- Endpoints ----
    Endpoints: [
        [1, 'metadata', 'ObjectMeta'],
        [2, 'subsets', 'EndpointSubset', REPEATED],
    ],
    EndpointSubset: [
        [1, 'addresses', 'EndpointAddress', REPEATED],
        [2, 'notReadyAddresses', 'EndpointAddress', REPEATED],
        [3, 'ports', 'EndpointPort', REPEATED],
    ],
    EndpointAddress: [
        [1, 'ip', 'string', KEEP],
        [3, 'hostname', 'string'],
        [4, 'nodeName', 'string', KEEP],
        [2, 'targetRef', 'ObjectReference'],
    ],
    EndpointPort: [
        [1, 'name', 'string'],
        [2, 'port', 'int32', KEEP],
        [3, 'protocol', 'string'],
        [4, 'appProtocol', 'string', KEEP],
    ],
    // ---- shared references ----
    ObjectReference: [
        [1, 'kind', 'string'],
        [2, 'namespace', 'string'],
        [3, 'name', 'string'],
        [4, 'uid', 'string'],
        [5, 'apiVersion', 'string'],
        [6, 'resourceVersion', 'string'],
        [7, 'fieldPath', 'string'],
    ],
    LocalObjectReference: [[1, 'name', 'string']],
};
//# sourceMappingURL=core-v1.js.map