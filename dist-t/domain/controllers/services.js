// Service-side helpers: selector matching, headlessness, address families and port resolution.
import { isIPv6String } from './ip.js';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
/**
 * The selector the controllers act on, or undefined when they leave the service alone. Upstream
 * tests `selector == nil`; an empty map never survives the apiserver's storage round trip (it
 * comes back nil), so an empty selector is treated as absent too.
 */
export function managedSelector(service) {
    if (service.spec?.type === 'ExternalName')
        return undefined; // https://issues.k8s.io/105986
    const sel = service.spec?.selector;
    if (!sel || Object.keys(sel).length === 0)
        return undefined;
    return sel;
}
/** labels.SelectorFromSet(selector).Matches(labels): every key present with an equal value. */
export function selectorMatches(selector, labels) {
    for (const [k, v] of Object.entries(selector)) {
        if (labels?.[k] !== v)
            return false;
    }
    return true;
}
/** Is the pod one of the service's endpoints candidates: same namespace, selector matches. */
export function serviceSelectsPod(service, pod) {
    if ((service.metadata.namespace ?? '') !== (pod.metadata.namespace ?? ''))
        return false;
    const sel = service.spec?.selector;
    if (!sel || Object.keys(sel).length === 0)
        return false;
    return selectorMatches(sel, pod.metadata.labels);
}
/**
 * GetPodServiceMemberships: the services whose selector matches the pod, i.e. the ones whose
 * Endpoints/EndpointSlices the caller must recompute when this pod changes. Iteration order kept.
 */
export function servicesSelectingPod(pod, services) {
    const out = [];
    for (const svc of services)
        if (serviceSelectsPod(svc, pod))
            out.push(svc);
    return out;
}
/** helper.IsServiceIPSet: a cluster IP other than None. Services without one are "headless". */
export function isServiceIPSet(service) {
    const ip = service.spec?.clusterIP ?? '';
    return ip !== 'None' && ip !== '';
}
/**
 * getAddressTypesForService, in spec.ipFamilies order (primary first). Without ipFamilies (an
 * object from before dual-stack defaulting): the cluster IP's family, or both for headless.
 */
export function addressTypesForService(service) {
    const out = [];
    for (const f of service.spec?.ipFamilies ?? []) {
        if ((f === 'IPv4' || f === 'IPv6') && !out.includes(f))
            out.push(f);
    }
    if (out.length > 0)
        return out;
    if (isServiceIPSet(service))
        return [isIPv6String(service.spec?.clusterIP) ? 'IPv6' : 'IPv4'];
    return ['IPv4', 'IPv6'];
}
export function servicePortProtocol(port) {
    return port.protocol ?? 'TCP';
}
/**
 * podutil.FindPort: a numeric targetPort is used as is (absent/0/"" default to `port`, as the
 * apiserver defaults it); a named one is looked up in the pod's containers, then in its sidecars
 * (init containers with restartPolicy Always), matching name and protocol. Undefined = no match.
 */
export function findPort(pod, port) {
    const target = port.targetPort;
    if (target === undefined || target === 0 || target === '')
        return port.port;
    if (typeof target === 'number')
        return target;
    const protocol = servicePortProtocol(port);
    for (const c of pod.spec?.containers ?? []) {
        for (const cp of c.ports ?? [])
            if (cp.name === target && (cp.protocol ?? 'TCP') === protocol)
                return cp.containerPort;
    }
    for (const c of pod.spec?.initContainers ?? []) {
        if (c.restartPolicy !== 'Always')
            continue;
        for (const cp of c.ports ?? [])
            if (cp.name === target && (cp.protocol ?? 'TCP') === protocol)
                return cp.containerPort;
    }
    return undefined;
}
//# sourceMappingURL=services.js.map