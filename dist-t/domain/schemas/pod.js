// core/v1 Pod: spec, status and the list kind. Fields netledger reads (nodeName, hostname,
// subdomain, hostNetwork, status IPs and conditions) are typed in full; what real manifests carry
// besides (volumes, affinity, securityContext, …) is typed as named open objects so
// `fieldValidation=Strict` accepts them, as kube-apiserver would.
import { API_CONVENTIONS, Time, standardListMeta, standardObjectMeta, typeMeta } from './meta.js';
import { CONTAINER_SCHEMAS, CORE, Container, ResourceRequirements, quantities } from './container.js';
import { atomic, atomicMap, bool, enumStr, gvk, int32, int64, list, mergeList, opaque, ref, str, strList, strMap, struct } from './build.js';
export const Volume = opaque(`${CORE}.Volume`, 'Volume represents a named volume in a pod that may be accessed by any container in the pod.', { name: str('name of the volume. Must be a DNS_LABEL and unique within the pod. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names') });
export const LocalObjectReference = struct(`${CORE}.LocalObjectReference`, 'LocalObjectReference contains enough information to let you locate the referenced object inside the same namespace.', { name: str('Name of the referent. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names') });
export const Toleration = struct(`${CORE}.Toleration`, 'The pod this Toleration is attached to tolerates any taint that matches the triple <key,value,effect> using the matching operator <operator>.', {
    effect: enumStr('Effect indicates the taint effect to match. Empty means match all taint effects. When specified, allowed values are NoSchedule, PreferNoSchedule and NoExecute.', ['NoExecute', 'NoSchedule', 'PreferNoSchedule']),
    key: str('Key is the taint key that the toleration applies to. Empty means match all taint keys. If the key is empty, operator must be Exists; this combination means to match all values and all keys.'),
    operator: enumStr("Operator represents a key's relationship to the value. Valid operators are Exists and Equal. Defaults to Equal.", ['Equal', 'Exists']),
    tolerationSeconds: int64('TolerationSeconds represents the period of time the toleration (which must be of effect NoExecute, otherwise this field is ignored) tolerates the taint.'),
    value: str('Value is the taint value the toleration matches to. If the operator is Exists, the value should be empty, otherwise just a regular string.'),
});
export const HostAlias = struct(`${CORE}.HostAlias`, "HostAlias holds the mapping between IP and hostnames that will be injected as an entry in the pod's hosts file.", { hostnames: strList('Hostnames for the above IP address.', atomic), ip: str('IP address of the host file entry.') }, { required: ['ip'] });
export const PodReadinessGate = struct(`${CORE}.PodReadinessGate`, 'PodReadinessGate contains the reference to a pod condition', { conditionType: str("ConditionType refers to a condition in the pod's condition list with matching type.") }, { required: ['conditionType'] });
export const PodSchedulingGate = struct(`${CORE}.PodSchedulingGate`, 'PodSchedulingGate is associated to a Pod to guard its scheduling.', { name: str('Name of the scheduling gate. Each scheduling gate must have a unique name field.') }, { required: ['name'] });
// Types netledger passes through untouched.
export const Affinity = opaque(`${CORE}.Affinity`, 'Affinity is a group of affinity scheduling rules.');
export const PodSecurityContext = opaque(`${CORE}.PodSecurityContext`, 'PodSecurityContext holds pod-level security attributes and common container settings.');
export const PodDNSConfig = opaque(`${CORE}.PodDNSConfig`, 'PodDNSConfig defines the DNS parameters of a pod in addition to those generated from DNSPolicy.');
export const TopologySpreadConstraint = opaque(`${CORE}.TopologySpreadConstraint`, 'TopologySpreadConstraint specifies how to spread matching pods among the given topology.');
export const PodOS = opaque(`${CORE}.PodOS`, 'PodOS defines the OS parameters of a pod.');
export const PodResourceClaim = opaque(`${CORE}.PodResourceClaim`, 'PodResourceClaim references exactly one ResourceClaim, either directly or by naming a ResourceClaimTemplate which is then turned into a ResourceClaim for the pod.');
export const EphemeralContainer = opaque(`${CORE}.EphemeralContainer`, 'An EphemeralContainer is a temporary container that you may add to an existing Pod for user-initiated activities such as debugging.');
export const PodSpec = struct(`${CORE}.PodSpec`, 'PodSpec is a description of a pod.', {
    activeDeadlineSeconds: int64('Optional duration in seconds the pod may be active on the node relative to StartTime before the system will actively try to mark it failed and kill associated containers. Value must be a positive integer.'),
    affinity: ref(Affinity, "If specified, the pod's scheduling constraints"),
    automountServiceAccountToken: bool('AutomountServiceAccountToken indicates whether a service account token should be automatically mounted.'),
    containers: list(ref(Container), 'List of containers belonging to the pod. Containers cannot currently be added or removed. There must be at least one container in a Pod. Cannot be updated.', mergeList('name')),
    dnsConfig: ref(PodDNSConfig, 'Specifies the DNS parameters of a pod. Parameters specified here will be merged to the generated DNS configuration based on DNSPolicy.'),
    dnsPolicy: enumStr('Set DNS policy for the pod. Defaults to "ClusterFirst". Valid values are \'ClusterFirstWithHostNet\', \'ClusterFirst\', \'Default\' or \'None\'.', ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None']),
    enableServiceLinks: bool("EnableServiceLinks indicates whether information about services should be injected into pod's environment variables, matching the syntax of Docker links. Optional: Defaults to true."),
    ephemeralContainers: list(ref(EphemeralContainer), 'List of ephemeral containers run in this pod. Ephemeral containers may be run in an existing pod to perform user-initiated actions such as debugging.', mergeList('name')),
    hostAliases: list(ref(HostAlias), "HostAliases is an optional list of hosts and IPs that will be injected into the pod's hosts file if specified.", mergeList('ip')),
    hostIPC: bool("Use the host's ipc namespace. Optional: Default to false."),
    hostNetwork: bool("Host networking requested for this pod. Use the host's network namespace. Default to false."),
    hostPID: bool("Use the host's pid namespace. Optional: Default to false."),
    hostUsers: bool("Use the host's user namespace. Optional: Default to true."),
    hostname: str("Specifies the hostname of the Pod If not specified, the pod's hostname will be set to a system-defined value."),
    imagePullSecrets: list(ref(LocalObjectReference), 'ImagePullSecrets is an optional list of references to secrets in the same namespace to use for pulling any of the images used by this PodSpec.', mergeList('name')),
    initContainers: list(ref(Container), 'List of initialization containers belonging to the pod. Init containers are executed in order prior to containers being started. More info: https://kubernetes.io/docs/concepts/workloads/pods/init-containers/', mergeList('name')),
    nodeName: str('NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName.'),
    nodeSelector: strMap("NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/", atomicMap),
    os: ref(PodOS, 'Specifies the OS of the containers in the pod. Some pod and container fields are restricted if this is set.'),
    overhead: quantities('Overhead represents the resource overhead associated with running a pod for a given RuntimeClass.'),
    preemptionPolicy: enumStr('PreemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.', ['Never', 'PreemptLowerPriority']),
    priority: int32('The priority value. Various system components use this field to find the priority of the pod.'),
    priorityClassName: str("If specified, indicates the pod's priority."),
    readinessGates: list(ref(PodReadinessGate), 'If specified, all readiness gates will be evaluated for pod readiness.', atomic),
    resourceClaims: list(ref(PodResourceClaim), 'ResourceClaims defines which ResourceClaims must be allocated and reserved before the Pod is allowed to start.', mergeList('name')),
    resources: ref(ResourceRequirements, 'Resources is the total amount of CPU and Memory resources required by all containers in the pod.'),
    restartPolicy: enumStr('Restart policy for all containers within the pod. One of Always, OnFailure, Never. Default to Always. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#restart-policy', ['Always', 'Never', 'OnFailure']),
    runtimeClassName: str('RuntimeClassName refers to a RuntimeClass object in the node.k8s.io group, which should be used to run this pod.'),
    schedulerName: str('If specified, the pod will be dispatched by specified scheduler. If not specified, the pod will be dispatched by default scheduler.'),
    schedulingGates: list(ref(PodSchedulingGate), 'SchedulingGates is an opaque list of values that if specified will block scheduling the pod.', mergeList('name')),
    securityContext: ref(PodSecurityContext, 'SecurityContext holds pod-level security attributes and common container settings. Optional: Defaults to empty.  See type description for default values of each field.'),
    serviceAccount: str('DeprecatedServiceAccount is a deprecated alias for ServiceAccountName. Deprecated: Use serviceAccountName instead.'),
    serviceAccountName: str('ServiceAccountName is the name of the ServiceAccount to use to run this pod. More info: https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/'),
    setHostnameAsFQDN: bool("If true the pod's hostname will be configured as the pod's FQDN, rather than the leaf name (the default). Default to false."),
    shareProcessNamespace: bool('Share a single process namespace between all of the containers in a pod. Optional: Default to false.'),
    subdomain: str('If specified, the fully qualified Pod hostname will be "<hostname>.<subdomain>.<pod namespace>.svc.<cluster domain>". If not specified, the pod will not have a domainname at all.'),
    terminationGracePeriodSeconds: int64('Optional duration in seconds the pod needs to terminate gracefully. May be decreased in delete request. Value must be non-negative integer. Defaults to 30 seconds.'),
    tolerations: list(ref(Toleration), "If specified, the pod's tolerations.", atomic),
    topologySpreadConstraints: list(ref(TopologySpreadConstraint), 'TopologySpreadConstraints describes how a group of pods ought to spread across topology domains.', {
        'x-kubernetes-list-map-keys': ['topologyKey', 'whenUnsatisfiable'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'topologyKey',
        'x-kubernetes-patch-strategy': 'merge',
    }),
    volumes: list(ref(Volume), 'List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes', {
        ...mergeList('name'),
        'x-kubernetes-patch-strategy': 'merge,retainKeys',
    }),
}, { required: ['containers'] });
export const PodCondition = struct(`${CORE}.PodCondition`, 'PodCondition contains details for the current condition of this pod.', {
    lastProbeTime: ref(Time, 'Last time we probed the condition.'),
    lastTransitionTime: ref(Time, 'Last time the condition transitioned from one status to another.'),
    message: str('Human-readable message indicating details about last transition.'),
    observedGeneration: int64('If set, this represents the .metadata.generation that the pod condition was set based upon.'),
    reason: str("Unique, one-word, CamelCase reason for the condition's last transition."),
    status: str('Status is the status of the condition. Can be True, False, Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions'),
    type: str('Type is the type of the condition. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions'),
}, { required: ['type', 'status'] });
export const PodIP = struct(`${CORE}.PodIP`, 'PodIP represents a single IP address allocated to the pod.', { ip: str('IP is the IP address assigned to the pod') }, { required: ['ip'] });
export const HostIP = struct(`${CORE}.HostIP`, 'HostIP represents a single IP address allocated to the host.', { ip: str('IP is the IP address assigned to the host') }, { required: ['ip'] });
// Status-side types netledger never interprets.
export const ResourceStatus = opaque(`${CORE}.ResourceStatus`, 'ResourceStatus represents the status of a single resource allocated to a Pod.');
export const ContainerUser = opaque(`${CORE}.ContainerUser`, 'ContainerUser represents user identity information');
export const VolumeMountStatus = opaque(`${CORE}.VolumeMountStatus`, 'VolumeMountStatus shows status of volume mounts.');
export const PodResourceClaimStatus = opaque(`${CORE}.PodResourceClaimStatus`, 'PodResourceClaimStatus is stored in the PodStatus for each PodResourceClaim which references a ResourceClaimTemplate.');
export const ContainerState = opaque(`${CORE}.ContainerState`, 'ContainerState holds a possible state of container. Only one of its members may be specified. If none of them is specified, the default one is ContainerStateWaiting.');
export const ContainerStatus = struct(`${CORE}.ContainerStatus`, 'ContainerStatus contains details for the current status of this container.', {
    allocatedResources: quantities('AllocatedResources represents the compute resources allocated for this container by the node.'),
    allocatedResourcesStatus: list(ref(ResourceStatus), 'AllocatedResourcesStatus represents the status of various resources allocated for this Pod.', mergeList('name')),
    containerID: str("ContainerID is the ID of the container in the format '<type>://<container_id>'."),
    image: str('Image is the name of container image that the container is running. More info: https://kubernetes.io/docs/concepts/containers/images.'),
    imageID: str("ImageID is the image ID of the container's image."),
    lastState: ref(ContainerState, 'LastTerminationState holds the last termination state of the container to help debug container crashes and restarts.'),
    name: str('Name is a DNS_LABEL representing the unique name of the container. Each container in a pod must have a unique name across all container types. Cannot be updated.'),
    ready: bool('Ready specifies whether the container is currently passing its readiness check. The value will change as readiness probes keep executing.'),
    resources: ref(ResourceRequirements, 'Resources represents the compute resource requests and limits that have been successfully enacted on the running container after it has been started or has been successfully resized.'),
    restartCount: int32('RestartCount holds the number of times the container has been restarted. The value is never negative.'),
    started: bool('Started indicates whether the container has finished its postStart lifecycle hook and passed its startup probe.'),
    state: ref(ContainerState, "State holds details about the container's current condition."),
    user: ref(ContainerUser, 'User represents user identity information initially attached to the first process of the container'),
    volumeMounts: list(ref(VolumeMountStatus), 'Status of volume mounts.', mergeList('mountPath')),
}, { required: ['name', 'ready', 'restartCount', 'image', 'imageID'] });
export const PodStatus = struct(`${CORE}.PodStatus`, 'PodStatus represents information about the status of a pod. Status may trail the actual state of a system, especially if the node that hosts the pod cannot contact the control plane.', {
    conditions: list(ref(PodCondition), 'Current service state of pod. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-conditions', mergeList('type')),
    containerStatuses: list(ref(ContainerStatus), 'Statuses of containers in this pod. Each container in the pod should have at most one status in this list, and all statuses should be for containers in the pod.', atomic),
    ephemeralContainerStatuses: list(ref(ContainerStatus), 'Statuses for any ephemeral containers that have run in this pod.', atomic),
    hostIP: str('hostIP holds the IP address of the host to which the pod is assigned. Empty if the pod has not started yet.'),
    hostIPs: list(ref(HostIP), 'hostIPs holds the IP addresses allocated to the host. If this field is specified, the first entry must match the hostIP field.', { 'x-kubernetes-list-type': 'atomic', 'x-kubernetes-patch-merge-key': 'ip', 'x-kubernetes-patch-strategy': 'merge' }),
    initContainerStatuses: list(ref(ContainerStatus), 'Statuses of init containers in this pod.', atomic),
    message: str('A human readable message indicating details about why the pod is in this condition.'),
    nominatedNodeName: str('nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods.'),
    observedGeneration: int64('If set, this represents the .metadata.generation that the pod status was set based upon.'),
    phase: enumStr('The phase of a Pod is a simple, high-level summary of where the Pod is in its lifecycle. There are five possible phase values: Pending, Running, Succeeded, Failed and Unknown. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#pod-phase', ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown']),
    podIP: str('podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
    podIPs: list(ref(PodIP), 'podIPs holds the IP addresses allocated to the pod. If this field is specified, the 0th entry must match the podIP field.', mergeList('ip')),
    qosClass: enumStr('The Quality of Service (QOS) classification assigned to the pod based on resource requirements. More info: https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/#quality-of-service-classes', ['BestEffort', 'Burstable', 'Guaranteed']),
    reason: str("A brief CamelCase message indicating details about why the pod is in this state. e.g. 'Evicted'"),
    resize: str("Status of resources resize desired for pod's containers. It is empty if no resources resize is pending."),
    resourceClaimStatuses: list(ref(PodResourceClaimStatus), 'Status of resource claims.', mergeList('name')),
    startTime: ref(Time, 'RFC 3339 date and time at which the object was acknowledged by the Kubelet. This is before the Kubelet pulled the container image(s) for the pod.'),
});
export const Pod = struct(`${CORE}.Pod`, 'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.', {
    ...typeMeta,
    metadata: standardObjectMeta(),
    spec: ref(PodSpec, `Specification of the desired behavior of the pod. More info: ${API_CONVENTIONS}#spec-and-status`),
    status: ref(PodStatus, `Most recently observed status of the pod. This data may not be up to date. Populated by the system. Read-only. More info: ${API_CONVENTIONS}#spec-and-status`),
}, { gvk: gvk('', 'v1', 'Pod') });
export const PodList = struct(`${CORE}.PodList`, 'PodList is a list of Pods.', {
    ...typeMeta,
    items: list(ref(Pod), `List of pods. More info: ${API_CONVENTIONS}`),
    metadata: standardListMeta(),
}, { required: ['items'], gvk: gvk('', 'v1', 'PodList') });
export const POD_SCHEMAS = [
    ...CONTAINER_SCHEMAS, Volume, LocalObjectReference, Toleration, HostAlias, PodReadinessGate,
    PodSchedulingGate, Affinity, PodSecurityContext, PodDNSConfig, TopologySpreadConstraint, PodOS, PodResourceClaim,
    EphemeralContainer, PodSpec, PodCondition, PodIP, HostIP, ResourceStatus, ContainerUser, VolumeMountStatus,
    PodResourceClaimStatus, ContainerState, ContainerStatus, PodStatus, Pod, PodList,
];
export { CORE };
//# sourceMappingURL=pod.js.map