// Defaulting, as kube-apiserver applies it when it decodes a request (pkg/apis/core/v1
// defaults.go): what `kubectl get -o yaml` shows the server filled in. Runs before validation.
import { externallyAccessible } from './validation/service-prepare.js';
export function applyDefaults(kind, obj) {
    switch (kind) {
        case 'Pod':
            return defaultPod(obj);
        case 'Service':
            return defaultService(obj);
        case 'Endpoints':
            return defaultEndpoints(obj);
        case 'EndpointSlice':
            return defaultEndpointSlice(obj);
        case 'Namespace':
            return defaultNamespace(obj);
        case 'Node':
            return defaultNode(obj);
        case 'Event':
            return asGoEncodesEvent(obj);
    }
}
/**
 * An Event as the Go struct round trip leaves it (it has no defaults upstream): struct fields
 * are always written (`source: {}`, a zero time as `null`), `reportingComponent` and
 * `reportingInstance` have no omitempty, and the omitempty scalars and pointers are dropped
 * when empty. Clients read `eventTime: null` and `reportingComponent: ""`, not missing fields.
 */
function asGoEncodesEvent(ev) {
    const e = ev;
    for (const k of ['reason', 'message', 'type', 'action'])
        if (e[k] === '' || e[k] === null)
            delete e[k];
    if (!e.count)
        delete e.count;
    for (const k of ['series', 'related'])
        if (e[k] === null)
            delete e[k];
    ev.involvedObject ??= {};
    ev.source ??= {};
    for (const k of ['firstTimestamp', 'lastTimestamp', 'eventTime'])
        e[k] ??= null;
    ev.reportingComponent ??= '';
    ev.reportingInstance ??= '';
}
function defaultPod(pod) {
    const spec = (pod.spec ??= {});
    spec.restartPolicy ??= 'Always';
    spec.dnsPolicy ??= 'ClusterFirst';
    spec.schedulerName ??= 'default-scheduler';
    spec.terminationGracePeriodSeconds ??= 30;
    spec.securityContext ??= {};
    spec.enableServiceLinks ??= true;
    for (const list of [spec.containers, spec.initContainers]) {
        for (const c of list ?? []) {
            if (!c || typeof c !== 'object')
                continue;
            for (const p of c.ports ?? []) {
                if (!p || typeof p !== 'object')
                    continue;
                p.protocol ??= 'TCP';
                // defaultHostNetworkPorts: on the host's network a container port is a host port.
                if (spec.hostNetwork === true && !p.hostPort)
                    p.hostPort = p.containerPort;
            }
            if (typeof c.image === 'string')
                c.imagePullPolicy ??= imagePullPolicyFor(c.image);
            c.terminationMessagePath ??= '/dev/termination-log';
            c.terminationMessagePolicy ??= 'File';
            c.resources ??= {};
            defaultRequestsFromLimits(c.resources);
            for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe])
                defaultProbe(probe);
            for (const env of (c.env ?? []))
                defaultFieldRef(env?.valueFrom?.fieldRef);
        }
    }
    for (const v of (spec.volumes ?? []))
        defaultVolume(v);
}
/** SetDefaults_Pod: a container's requests default to its limits, resource by resource. */
function defaultRequestsFromLimits(r) {
    if (!r.limits || typeof r.limits !== 'object')
        return;
    const requests = (r.requests ??= {});
    for (const [name, value] of Object.entries(r.limits))
        if (!(name in requests))
            requests[name] = value;
}
/** SetDefaults_Probe and SetDefaults_HTTPGetAction. */
function defaultProbe(probe) {
    if (!probe || typeof probe !== 'object')
        return;
    const p = probe;
    if (!p.timeoutSeconds)
        p.timeoutSeconds = 1;
    if (!p.periodSeconds)
        p.periodSeconds = 10;
    if (!p.successThreshold)
        p.successThreshold = 1;
    if (!p.failureThreshold)
        p.failureThreshold = 3;
    if (p.httpGet && typeof p.httpGet === 'object') {
        if (!p.httpGet.path)
            p.httpGet.path = '/';
        if (!p.httpGet.scheme)
            p.httpGet.scheme = 'HTTP';
    }
}
/** SetDefaults_ObjectFieldSelector. */
function defaultFieldRef(ref) {
    if (ref && typeof ref === 'object' && !ref.apiVersion)
        ref.apiVersion = 'v1';
}
/** 0644, the mode SetDefaults_{Secret,ConfigMap,DownwardAPI,Projected}VolumeSource give files. */
const DEFAULT_FILE_MODE = 0o644;
/** SetDefaults_Volume and the volume sources' defaults. */
function defaultVolume(v) {
    if (!v || typeof v !== 'object')
        return;
    // A volume naming no source is an emptyDir.
    if (!Object.keys(v).some((k) => k !== 'name'))
        v.emptyDir = {};
    for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
        if (v[source] && typeof v[source] === 'object')
            v[source].defaultMode ??= DEFAULT_FILE_MODE;
    }
    if (v.hostPath && typeof v.hostPath === 'object')
        v.hostPath.type ??= '';
    for (const item of v.downwardAPI?.items ?? [])
        defaultFieldRef(item?.fieldRef);
    for (const s of v.projected?.sources ?? []) {
        for (const item of s?.downwardAPI?.items ?? [])
            defaultFieldRef(item?.fieldRef);
        if (s?.serviceAccountToken && typeof s.serviceAccountToken === 'object')
            s.serviceAccountToken.expirationSeconds ??= 3600;
    }
}
/** SetDefaults_NodeStatus: what a node can allocate defaults to its capacity. */
function defaultNode(node) {
    const status = node.status;
    if (status && status.allocatable === undefined && status.capacity && typeof status.capacity === 'object')
        status.allocatable = { ...status.capacity };
}
/** SetDefaults_Container: Always for `:latest` or untagged images, IfNotPresent otherwise. */
function imagePullPolicyFor(image) {
    if (image.includes('@'))
        return 'IfNotPresent';
    const lastSlash = image.lastIndexOf('/');
    const tagAt = image.indexOf(':', lastSlash + 1);
    if (tagAt < 0)
        return 'Always';
    return image.slice(tagAt + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}
function defaultService(svc) {
    const spec = (svc.spec ??= {});
    // SetDefaults_Service: every type gets an affinity, and None carries no affinity config.
    spec.sessionAffinity ??= 'None';
    if (spec.sessionAffinity === 'None')
        delete spec.sessionAffinityConfig;
    spec.type ??= 'ClusterIP';
    if (spec.type !== 'ExternalName')
        spec.internalTrafficPolicy ??= 'Cluster';
    for (const p of spec.ports ?? []) {
        if (!p || typeof p !== 'object')
            continue;
        p.protocol ??= 'TCP';
        if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '')
            p.targetPort = p.port;
    }
    // Node ports, load balancers, and cluster IPs with external IPs.
    if (externallyAccessible(spec))
        spec.externalTrafficPolicy ??= 'Cluster';
    if (spec.type === 'LoadBalancer')
        spec.allocateLoadBalancerNodePorts ??= true;
    if (spec.sessionAffinity === 'ClientIP') {
        spec.sessionAffinityConfig ??= {};
        spec.sessionAffinityConfig.clientIP ??= {};
        spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
    }
    // LoadBalancerIPMode (on by default since 1.30): an ingress IP given without a mode is a VIP.
    const ingress = svc.status?.loadBalancer?.ingress;
    if (Array.isArray(ingress))
        for (const ing of ingress)
            if (ing && typeof ing === 'object' && ing.ip && ing.ipMode === undefined)
                ing.ipMode = 'VIP';
}
function defaultEndpoints(ep) {
    for (const s of ep.subsets ?? [])
        for (const p of s?.ports ?? [])
            if (p && typeof p === 'object')
                p.protocol ??= 'TCP';
}
function defaultEndpointSlice(slice) {
    for (const p of slice.ports ?? [])
        if (p && typeof p === 'object')
            p.protocol ??= 'TCP';
}
function defaultNamespace(ns) {
    const name = ns.metadata.name;
    if (name) {
        ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
    }
}
//# sourceMappingURL=defaults.js.map