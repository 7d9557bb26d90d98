// core/v1 Container and the types it embeds (ports, env, mounts, resources, probes). Ports
// are what netledger reads; the rest is typed so manifests type-check like upstream, and the
// types netledger never interprets (securityContext, lifecycle, …) are named open objects.
import { IntOrString, Quantity } from './meta.js';
import { atomic, bool, enumStr, int32, int64, list, mapOf, mergeList, opaque, ref, str, strList, struct } from './build.js';
export const CORE = 'io.k8s.api.core.v1';
const PROBES = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle#container-probes';
export const quantities = (description) => mapOf(ref(Quantity), description, 'map[v1.ResourceName]resource.Quantity');
export const ContainerPort = struct(`${CORE}.ContainerPort`, 'ContainerPort represents a network port in a single container.', {
    containerPort: int32("Number of port to expose on the pod's IP address. This must be a valid port number, 0 < x < 65536."),
    hostIP: str('What host IP to bind the external port to.'),
    hostPort: int32('Number of port to expose on the host. If specified, this must be a valid port number, 0 < x < 65536. If HostNetwork is specified, this must match ContainerPort. Most containers do not need this.'),
    name: str('If specified, this must be an IANA_SVC_NAME and unique within the pod. Each named port in a pod must have a unique name. Name for the port that can be referred to by services.'),
    protocol: enumStr('Protocol for port. Must be UDP, TCP, or SCTP. Defaults to "TCP".', ['SCTP', 'TCP', 'UDP']),
}, { required: ['containerPort'] });
export const EnvVarSource = opaque(`${CORE}.EnvVarSource`, 'EnvVarSource represents a source for the value of an EnvVar.');
export const EnvFromSource = opaque(`${CORE}.EnvFromSource`, 'EnvFromSource represents the source of a set of ConfigMaps or Secrets');
export const EnvVar = struct(`${CORE}.EnvVar`, 'EnvVar represents an environment variable present in a Container.', {
    name: str("Name of the environment variable. May consist of any printable ASCII characters except '='."),
    value: str('Variable references $(VAR_NAME) are expanded using the previously defined environment variables in the container and any service environment variables. Defaults to "".'),
    valueFrom: ref(EnvVarSource, "Source for the environment variable's value. Cannot be used if value is not empty."),
}, { required: ['name'] });
export const VolumeMount = struct(`${CORE}.VolumeMount`, 'VolumeMount describes a mounting of a Volume within a container.', {
    mountPath: str('Path within the container at which the volume should be mounted.  Must not contain \':\'.'),
    mountPropagation: str('mountPropagation determines how mounts are propagated from the host to container and the other way around. When not set, MountPropagationNone is used.'),
    name: str('This must match the Name of a Volume.'),
    readOnly: bool('Mounted read-only if true, read-write otherwise (false or unspecified). Defaults to false.'),
    recursiveReadOnly: str('RecursiveReadOnly specifies whether read-only mounts should be handled recursively.'),
    subPath: str('Path within the volume from which the container\'s volume should be mounted. Defaults to "" (volume\'s root).'),
    subPathExpr: str("Expanded path within the volume from which the container's volume should be mounted. SubPathExpr and SubPath are mutually exclusive."),
}, { required: ['name', 'mountPath'] });
export const VolumeDevice = struct(`${CORE}.VolumeDevice`, 'volumeDevice describes a mapping of a raw block device within a container.', {
    devicePath: str('devicePath is the path inside of the container that the device will be mapped to.'),
    name: str('name must match the name of a persistentVolumeClaim in the pod'),
}, { required: ['name', 'devicePath'] });
export const ResourceClaim = opaque(`${CORE}.ResourceClaim`, 'ResourceClaim references one entry in PodSpec.ResourceClaims.');
export const ResourceRequirements = struct(`${CORE}.ResourceRequirements`, 'ResourceRequirements describes the compute resource requirements.', {
    claims: list(ref(ResourceClaim), 'Claims lists the names of resources, defined in spec.resourceClaims, that are used by this container.', mergeList('name', ['name'])),
    limits: quantities('Limits describes the maximum amount of compute resources allowed. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
    requests: quantities('Requests describes the minimum amount of compute resources required. If Requests is omitted for a container, it defaults to Limits if that is explicitly specified, otherwise to an implementation-defined value. Requests cannot exceed Limits.'),
});
export const ExecAction = struct(`${CORE}.ExecAction`, 'ExecAction describes a "run in container" action.', {
    command: strList("Command is the command line to execute inside the container, the working directory for the command  is root ('/') in the container's filesystem.", atomic),
});
export const HTTPHeader = struct(`${CORE}.HTTPHeader`, 'HTTPHeader describes a custom header to be used in HTTP probes', {
    name: str('The header field name. This will be canonicalized upon output, so case-variant names will be understood as the same header.'),
    value: str('The header field value'),
}, { required: ['name', 'value'] });
export const HTTPGetAction = struct(`${CORE}.HTTPGetAction`, 'HTTPGetAction describes an action based on HTTP Get requests.', {
    host: str('Host name to connect to, defaults to the pod IP. You probably want to set "Host" in httpHeaders instead.'),
    httpHeaders: list(ref(HTTPHeader), 'Custom headers to set in the request. HTTP allows repeated headers.', atomic),
    path: str('Path to access on the HTTP server.'),
    port: ref(IntOrString, 'Name or number of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.'),
    scheme: str('Scheme to use for connecting to the host. Defaults to HTTP.'),
}, { required: ['port'] });
export const TCPSocketAction = struct(`${CORE}.TCPSocketAction`, 'TCPSocketAction describes an action based on opening a socket', {
    host: str('Optional: Host name to connect to, defaults to the pod IP.'),
    port: ref(IntOrString, 'Number or name of the port to access on the container. Number must be in the range 1 to 65535. Name must be an IANA_SVC_NAME.'),
}, { required: ['port'] });
export const GRPCAction = struct(`${CORE}.GRPCAction`, 'GRPCAction specifies an action involving a GRPC service.', {
    port: int32('Port number of the gRPC service. Number must be in the range 1 to 65535.'),
    service: str('Service is the name of the service to place in the gRPC HealthCheckRequest (see https://github.com/grpc/grpc/blob/master/doc/health-checking.md).'),
}, { required: ['port'] });
export const Probe = struct(`${CORE}.Probe`, 'Probe describes a health check to be performed against a container to determine whether it is alive or ready to receive traffic.', {
    exec: ref(ExecAction, 'Exec specifies a command to execute in the container.'),
    failureThreshold: int32('Minimum consecutive failures for the probe to be considered failed after having succeeded. Defaults to 3. Minimum value is 1.'),
    grpc: ref(GRPCAction, 'GRPC specifies a GRPC HealthCheckRequest.'),
    httpGet: ref(HTTPGetAction, 'HTTPGet specifies an HTTP GET request to perform.'),
    initialDelaySeconds: int32(`Number of seconds after the container has started before liveness probes are initiated. More info: ${PROBES}`),
    periodSeconds: int32('How often (in seconds) to perform the probe. Default to 10 seconds. Minimum value is 1.'),
    successThreshold: int32('Minimum consecutive successes for the probe to be considered successful after having failed. Defaults to 1. Must be 1 for liveness and startup. Minimum value is 1.'),
    tcpSocket: ref(TCPSocketAction, 'TCPSocket specifies a connection to a TCP port.'),
    terminationGracePeriodSeconds: int64('Optional duration in seconds the pod needs to terminate gracefully upon probe failure.'),
    timeoutSeconds: int32(`Number of seconds after which the probe times out. Defaults to 1 second. Minimum value is 1. More info: ${PROBES}`),
});
export const Lifecycle = opaque(`${CORE}.Lifecycle`, 'Lifecycle describes actions that the management system should take in response to container lifecycle events.');
export const SecurityContext = opaque(`${CORE}.SecurityContext`, 'SecurityContext holds security configuration that will be applied to a container. Some fields are present in both SecurityContext and PodSecurityContext.  When both are set, the values in SecurityContext take precedence.');
export const ContainerResizePolicy = opaque(`${CORE}.ContainerResizePolicy`, 'ContainerResizePolicy represents resource resize policy for the container.');
export const Container = struct(`${CORE}.Container`, 'A single application container that you want to run within a pod.', {
    args: strList("Arguments to the entrypoint. The container image's CMD is used if this is not provided. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell", atomic),
    command: strList("Entrypoint array. Not executed within a shell. The container image's ENTRYPOINT is used if this is not provided. Cannot be updated. More info: https://kubernetes.io/docs/tasks/inject-data-application/define-command-argument-container/#running-a-command-in-a-shell", atomic),
    env: list(ref(EnvVar), 'List of environment variables to set in the container. Cannot be updated.', mergeList('name')),
    envFrom: list(ref(EnvFromSource), 'List of sources to populate environment variables in the container. Cannot be updated.', atomic),
    image: str('Container image name. More info: https://kubernetes.io/docs/concepts/containers/images This field is optional to allow higher level config management to default or override container images in workload controllers like Deployments and StatefulSets.'),
    imagePullPolicy: enumStr('Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More info: https://kubernetes.io/docs/concepts/containers/images#updating-images', ['Always', 'IfNotPresent', 'Never']),
    lifecycle: ref(Lifecycle, 'Actions that the management system should take in response to container lifecycle events. Cannot be updated.'),
    livenessProbe: ref(Probe, `Periodic probe of container liveness. Container will be restarted if the probe fails. Cannot be updated. More info: ${PROBES}`),
    name: str('Name of the container specified as a DNS_LABEL. Each container in a pod must have a unique name (DNS_LABEL). Cannot be updated.'),
    ports: list(ref(ContainerPort), 'List of ports to expose from the container. Not specifying a port here DOES NOT prevent that port from being exposed. Any port which is listening on the default "0.0.0.0" address inside a container will be accessible from the network. Cannot be updated.', {
        'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'containerPort',
        'x-kubernetes-patch-strategy': 'merge',
    }),
    readinessProbe: ref(Probe, `Periodic probe of container service readiness. Container will be removed from service endpoints if the probe fails. Cannot be updated. More info: ${PROBES}`),
    resizePolicy: list(ref(ContainerResizePolicy), 'Resources resize policy for the container.', atomic),
    resources: ref(ResourceRequirements, 'Compute Resources required by this container. Cannot be updated. More info: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/'),
    restartPolicy: str('RestartPolicy defines the restart behavior of individual containers in a pod. This overrides the pod-level restart policy.'),
    securityContext: ref(SecurityContext, 'SecurityContext defines the security options the container should be run with. If set, the fields of SecurityContext override the equivalent fields of PodSecurityContext. More info: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'),
    startupProbe: ref(Probe, `StartupProbe indicates that the Pod has successfully initialized. If specified, no other probes are executed until this completes successfully. This cannot be updated. More info: ${PROBES}`),
    stdin: bool('Whether this container should allocate a buffer for stdin in the container runtime. If this is not set, reads from stdin in the container will always result in EOF. Default is false.'),
    stdinOnce: bool('Whether the container runtime should close the stdin channel after it has been opened by a single attach. Default is false'),
    terminationMessagePath: str("Optional: Path at which the file to which the container's termination message will be written is mounted into the container's filesystem. Defaults to /dev/termination-log. Cannot be updated."),
    terminationMessagePolicy: enumStr('Indicate how the termination message should be populated. Defaults to File. Cannot be updated.', ['FallbackToLogsOnError', 'File']),
    tty: bool("Whether this container should allocate a TTY for itself, also requires 'stdin' to be true. Default is false."),
    volumeDevices: list(ref(VolumeDevice), 'volumeDevices is the list of block devices to be used by the container.', mergeList('devicePath')),
    volumeMounts: list(ref(VolumeMount), "Pod volumes to mount into the container's filesystem. Cannot be updated.", mergeList('mountPath')),
    workingDir: str("Container's working directory. If not specified, the container runtime's default will be used, which might be configured in the container image. Cannot be updated."),
}, { required: ['name'] });
export const CONTAINER_SCHEMAS = [
    ContainerPort, EnvVarSource, EnvFromSource, EnvVar, VolumeMount, VolumeDevice, ResourceClaim, ResourceRequirements,
    ExecAction, HTTPHeader, HTTPGetAction, TCPSocketAction, GRPCAction, Probe, Lifecycle, SecurityContext,
    ContainerResizePolicy, Container,
];
//# sourceMappingURL=container.js.map