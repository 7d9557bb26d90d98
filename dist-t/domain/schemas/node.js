// core/v1 Namespace and Node.
import { API_CONVENTIONS, Time, standardListMeta, standardObjectMeta, typeMeta } from './meta.js';
import { CORE, quantities } from './container.js';
import { atomic, bool, enumStr, gvk, int64, list, mergeList, opaque, ref, str, strList, struct } from './build.js';
// ---- Namespace ----
export const NamespaceSpec = struct(`${CORE}.NamespaceSpec`, 'NamespaceSpec describes the attributes on a Namespace.', {
    finalizers: strList('Finalizers is an opaque list of values that must be empty to permanently remove object from storage. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/', atomic),
});
export const NamespaceCondition = struct(`${CORE}.NamespaceCondition`, 'NamespaceCondition contains details about state of namespace.', {
    lastTransitionTime: ref(Time, 'Last time the condition transitioned from one status to another.'),
    message: str('Human-readable message indicating details about last transition.'),
    reason: str("Unique, one-word, CamelCase reason for the condition's last transition."),
    status: str('Status of the condition, one of True, False, Unknown.'),
    type: str('Type of namespace controller condition.'),
}, { required: ['type', 'status'] });
export const NamespaceStatus = struct(`${CORE}.NamespaceStatus`, 'NamespaceStatus is information about the current status of a Namespace.', {
    conditions: list(ref(NamespaceCondition), "Represents the latest available observations of a namespace's current state.", mergeList('type')),
    phase: enumStr('Phase is the current lifecycle phase of the namespace. More info: https://kubernetes.io/docs/tasks/administer-cluster/namespaces/', ['Active', 'Terminating']),
});
export const Namespace = struct(`${CORE}.Namespace`, 'Namespace provides a scope for Names. Use of multiple namespaces is optional.', {
    ...typeMeta,
    metadata: standardObjectMeta(),
    spec: ref(NamespaceSpec, `Spec defines the behavior of the Namespace. More info: ${API_CONVENTIONS}#spec-and-status`),
    status: ref(NamespaceStatus, `Status describes the current status of a Namespace. More info: ${API_CONVENTIONS}#spec-and-status`),
}, { gvk: gvk('', 'v1', 'Namespace') });
export const NamespaceList = struct(`${CORE}.NamespaceList`, 'NamespaceList is a list of Namespaces.', {
    ...typeMeta,
    items: list(ref(Namespace), 'Items is the list of Namespace objects in the list. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'),
    metadata: standardListMeta(),
}, { required: ['items'], gvk: gvk('', 'v1', 'NamespaceList') });
// ---- Node ----
export const Taint = struct(`${CORE}.Taint`, 'The node this Taint is attached to has the "effect" on any pod that does not tolerate the Taint.', {
    effect: enumStr('Required. The effect of the taint on pods that do not tolerate the taint. Valid effects are NoSchedule, PreferNoSchedule and NoExecute.', ['NoExecute', 'NoSchedule', 'PreferNoSchedule']),
    key: str('Required. The taint key to be applied to a node.'),
    timeAdded: ref(Time, 'TimeAdded represents the time at which the taint was added.'),
    value: str('The taint value corresponding to the taint key.'),
}, { required: ['key', 'effect'] });
export const NodeConfigSource = opaque(`${CORE}.NodeConfigSource`, 'NodeConfigSource specifies a source of node configuration. Exactly one subfield (excluding metadata) must be non-nil. This API is deprecated since 1.22');
export const NodeSpec = struct(`${CORE}.NodeSpec`, 'NodeSpec describes the attributes that a node is created with.', {
    configSource: ref(NodeConfigSource, "Deprecated: Previously used to specify the source of the node's configuration for the DynamicKubeletConfig feature. This feature is removed."),
    externalID: str('Deprecated. Not all kubelets will set this field. Remove field after 1.13. see: https://issues.k8s.io/61966'),
    podCIDR: str('PodCIDR represents the pod IP range assigned to the node.'),
    podCIDRs: strList('podCIDRs represents the IP ranges assigned to the node for usage by Pods on that node. If this field is specified, the 0th entry must match the podCIDR field.', { 'x-kubernetes-list-type': 'set', 'x-kubernetes-patch-strategy': 'merge' }),
    providerID: str('ID of the node assigned by the cloud provider in the format: <ProviderName>://<ProviderSpecificNodeID>'),
    taints: list(ref(Taint), "If specified, the node's taints.", atomic),
    unschedulable: bool('Unschedulable controls node schedulability of new pods. By default, node is schedulable. More info: https://kubernetes.io/docs/concepts/nodes/node/#manual-node-administration'),
});
export const NodeAddress = struct(`${CORE}.NodeAddress`, "NodeAddress contains information for the node's address.", { address: str('The node address.'), type: str('Node address type, one of Hostname, ExternalIP or InternalIP.') }, { required: ['type', 'address'] });
export const NodeCondition = struct(`${CORE}.NodeCondition`, 'NodeCondition contains condition information for a node.', {
    lastHeartbeatTime: ref(Time, 'Last time we got an update on a given condition.'),
    lastTransitionTime: ref(Time, 'Last time the condition transit from one status to another.'),
    message: str('Human readable message indicating details about last transition.'),
    reason: str("(brief) reason for the condition's last transition."),
    status: str('Status of the condition, one of True, False, Unknown.'),
    type: str('Type of node condition.'),
}, { required: ['type', 'status'] });
export const NodeSwapStatus = opaque(`${CORE}.NodeSwapStatus`, 'NodeSwapStatus represents swap memory information.');
export const NodeSystemInfo = struct(`${CORE}.NodeSystemInfo`, 'NodeSystemInfo is a set of ids/uuids to uniquely identify the node.', {
    architecture: str('The Architecture reported by the node'),
    bootID: str('Boot ID reported by the node.'),
    containerRuntimeVersion: str('ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).'),
    kernelVersion: str("Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
    kubeProxyVersion: str('Deprecated: KubeProxy Version reported by the node.'),
    kubeletVersion: str('Kubelet Version reported by the node.'),
    machineID: str('MachineID reported by the node. For unique machine identification in the cluster this field is preferred.'),
    operatingSystem: str('The Operating System reported by the node'),
    osImage: str('OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
    swap: ref(NodeSwapStatus, 'Swap Info reported by the node.'),
    systemUUID: str('SystemUUID reported by the node. For unique machine identification MachineID is preferred.'),
});
export const ContainerImage = struct(`${CORE}.ContainerImage`, 'Describe a container image', {
    names: strList('Names by which this image is known. e.g. ["kubernetes.example/hyperkube:v1.0.7", "cloud-vendor.registry.example/cloud-vendor/hyperkube:v1.0.7"]', atomic),
    sizeBytes: int64('The size of the image in bytes.'),
});
export const AttachedVolume = struct(`${CORE}.AttachedVolume`, 'AttachedVolume describes a volume attached to a node', { devicePath: str('DevicePath represents the device path where the volume should be available'), name: str('Name of the attached volume') }, { required: ['name', 'devicePath'] });
export const NodeDaemonEndpoints = opaque(`${CORE}.NodeDaemonEndpoints`, 'NodeDaemonEndpoints lists ports opened by daemons running on the Node.');
export const NodeConfigStatus = opaque(`${CORE}.NodeConfigStatus`, 'NodeConfigStatus describes the status of the config assigned by Node.Spec.ConfigSource.');
export const NodeRuntimeHandler = opaque(`${CORE}.NodeRuntimeHandler`, 'NodeRuntimeHandler is a set of runtime handler information.');
export const NodeFeatures = opaque(`${CORE}.NodeFeatures`, 'NodeFeatures describes the set of features implemented by the CRI implementation.');
export const NodeStatus = struct(`${CORE}.NodeStatus`, 'NodeStatus is information about the current status of a node.', {
    addresses: list(ref(NodeAddress), 'List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses', mergeList('type')),
    allocatable: quantities('Allocatable represents the resources of a node that are available for scheduling. Defaults to Capacity.'),
    capacity: quantities('Capacity represents the total resources of a node. More info: https://kubernetes.io/docs/reference/node/node-status/#capacity'),
    conditions: list(ref(NodeCondition), 'Conditions is an array of current observed node conditions. More info: https://kubernetes.io/docs/reference/node/node-status/#condition', mergeList('type')),
    config: ref(NodeConfigStatus, 'Status of the config assigned to the node via the dynamic Kubelet config feature.'),
    daemonEndpoints: ref(NodeDaemonEndpoints, 'Endpoints of daemons running on the Node.'),
    features: ref(NodeFeatures, 'Features describes the set of features implemented by the CRI implementation.'),
    images: list(ref(ContainerImage), 'List of container images on this node', atomic),
    nodeInfo: ref(NodeSystemInfo, 'Set of ids/uuids to uniquely identify the node. More info: https://kubernetes.io/docs/reference/node/node-status/#info'),
    phase: enumStr('NodePhase is the recently observed lifecycle phase of the node. The field is never populated, and now is deprecated.', ['Pending', 'Running', 'Terminated']),
    runtimeHandlers: list(ref(NodeRuntimeHandler), 'The available runtime handlers.', atomic),
    volumesAttached: list(ref(AttachedVolume), 'List of volumes that are attached to the node.', atomic),
    volumesInUse: strList('List of attachable volumes in use (mounted) by the node.', atomic),
});
export const Node = struct(`${CORE}.Node`, 'Node is a worker node in Kubernetes. Each node will have a unique identifier in the cache (i.e. in etcd).', {
    ...typeMeta,
    metadata: standardObjectMeta(),
    spec: ref(NodeSpec, `Spec defines the behavior of a node. ${API_CONVENTIONS}#spec-and-status`),
    status: ref(NodeStatus, `Most recently observed status of the node. Populated by the system. Read-only. More info: ${API_CONVENTIONS}#spec-and-status`),
}, { gvk: gvk('', 'v1', 'Node') });
export const NodeList = struct(`${CORE}.NodeList`, 'NodeList is the whole list of all Nodes which have been registered with master.', { ...typeMeta, items: list(ref(Node), 'List of nodes'), metadata: standardListMeta() }, { required: ['items'], gvk: gvk('', 'v1', 'NodeList') });
export const NODE_SCHEMAS = [
    NamespaceSpec, NamespaceCondition, NamespaceStatus, Namespace, NamespaceList, Taint, NodeConfigSource, NodeSpec,
    NodeAddress, NodeCondition, NodeSwapStatus, NodeSystemInfo, ContainerImage, AttachedVolume, NodeDaemonEndpoints,
    NodeConfigStatus, NodeRuntimeHandler, NodeFeatures, NodeStatus, Node, NodeList,
];
//# sourceMappingURL=node.js.map