// Pod predicates the endpoints controllers share (k8s.io/endpointslice/util controller_utils.go);
// the DNS and iptables projections reuse them so "ready" means one thing everywhere.
import { parseIPSloppy } from './ip.js';
/** podutil.IsPodReady: the Ready condition is True. Terminating pods may still be ready. */
export function isPodReady(pod) {
    const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
    return ready?.status === 'True';
}
/** A pod is terminating once it has a deletionTimestamp (graceful deletion in progress). */
export function isPodTerminating(pod) {
    const ts = pod.metadata.deletionTimestamp;
    return ts != null && ts !== '';
}
/** Terminal = Succeeded or Failed: all containers stopped for good (distinct from terminating). */
export function isPodTerminal(pod) {
    return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}
/**
 * The pod's IPs in status order. The apiserver keeps `podIPs[0] == podIP`; a pod written with
 * only `podIP` is read as `podIPs: [podIP]`, as that defaulting would.
 */
export function podIPs(pod) {
    const list = (pod.status?.podIPs ?? []).map((p) => p.ip).filter((ip) => typeof ip === 'string' && ip !== '');
    if (list.length > 0)
        return list;
    return pod.status?.podIP ? [pod.status.podIP] : [];
}
/**
 * getEndpointAddresses: the pod's IPs, parsed sloppily and printed canonically, restricted to one
 * family when given. Unparsable IPs are dropped.
 */
export function podEndpointAddresses(pod, family) {
    const out = [];
    for (const ip of podIPs(pod)) {
        const parsed = parseIPSloppy(ip);
        if (parsed && (family === undefined || parsed.family === family))
            out.push(parsed.text);
    }
    return out;
}
/**
 * ShouldPodBeInEndpoints: not terminal, has an IP, and — unless includeTerminating — not
 * terminating. The Endpoints controller passes publishNotReadyAddresses; the EndpointSlice
 * controller always passes true (terminating endpoints are published with terminating=true).
 */
export function shouldPodBeInEndpoints(pod, includeTerminating) {
    if (isPodTerminal(pod))
        return false;
    if (podIPs(pod).length === 0)
        return false;
    if (!includeTerminating && isPodTerminating(pod))
        return false;
    return true;
}
/** ShouldSetHostname: the pod names itself into this service's subdomain. */
export function shouldSetHostname(pod, service) {
    const hostname = pod.spec?.hostname ?? '';
    return (hostname.length > 0 &&
        (pod.spec?.subdomain ?? '') === (service.metadata.name ?? '') &&
        (service.metadata.namespace ?? '') === (pod.metadata.namespace ?? ''));
}
//# sourceMappingURL=pods.js.map