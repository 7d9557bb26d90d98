// What the Service strategy does to a request before it is validated
// (pkg/registry/core/service/strategy.go, pkg/apis/core/v1/defaults.go): keep clusterIP and
// clusterIPs in sync, keep what was allocated when a PUT leaves it out, and drop type-dependent
// fields when the type changes. decide applies them to what it stores; validation, given the
// request, prepares a copy of it the same way (both are idempotent).
import { deepEqual } from './equal.js';
const needsClusterIP = (s) => (s.type ?? 'ClusterIP') !== 'ExternalName';
const needsNodePort = (s) => s.type === 'NodePort' || s.type === 'LoadBalancer';
/** apiservice.ExternallyAccessible */
export const externallyAccessible = (s) => s.type === 'LoadBalancer' || s.type === 'NodePort' || ((s.type ?? 'ClusterIP') === 'ClusterIP' && (s.externalIPs?.length ?? 0) > 0);
/** apiservice.NeedsHealthCheck */
export const needsHealthCheck = (s) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';
/** SetDefaults_Service's clusterIP default plus NormalizeClusterIPs on create. */
export function prepareServiceForCreate(svc) {
    const spec = (svc.spec ??= {});
    if (!spec.clusterIP && spec.clusterIPs?.length)
        spec.clusterIP = spec.clusterIPs[0];
    if (spec.clusterIP && !spec.clusterIPs?.length)
        spec.clusterIPs = [spec.clusterIP];
}
/** PrepareForUpdate: patchAllocatedValues, NormalizeClusterIPs, dropTypeDependentFields. */
export function prepareServiceForUpdate(svc, old) {
    const spec = (svc.spec ??= {});
    const o = old.spec ?? {};
    if (!spec.clusterIP && spec.clusterIPs?.length)
        spec.clusterIP = spec.clusterIPs[0];
    // patchAllocatedValues
    if (needsClusterIP(o) && needsClusterIP(spec)) {
        if (!spec.clusterIP && o.clusterIP)
            spec.clusterIP = o.clusterIP;
        if (!spec.clusterIPs?.length && o.clusterIPs?.length)
            spec.clusterIPs = [...o.clusterIPs];
    }
    if (needsNodePort(o) && needsNodePort(spec)) {
        const used = (s) => new Set((s.ports ?? []).map((p) => p.nodePort ?? 0).filter((n) => n));
        const oldUsed = used(o);
        const both = new Set([...used(spec)].filter((n) => oldUsed.has(n)));
        const byName = new Map((o.ports ?? []).map((p) => [p.name ?? '', p.nodePort ?? 0]));
        for (const p of spec.ports ?? []) {
            if (p.nodePort)
                continue;
            const v = byName.get(p.name ?? '') ?? 0;
            if (v && !both.has(v))
                p.nodePort = v;
        }
    }
    if (needsHealthCheck(o) && needsHealthCheck(spec) && !spec.healthCheckNodePort && o.healthCheckNodePort) {
        spec.healthCheckNodePort = o.healthCheckNodePort;
    }
    // NormalizeClusterIPs (update)
    const sameIPs = () => deepEqual(o.clusterIPs ?? [], spec.clusterIPs ?? []);
    if (o.clusterIPs?.length && !spec.clusterIPs?.length && (o.clusterIP ?? '') === (spec.clusterIP ?? '')) {
        spec.clusterIPs = [...o.clusterIPs];
    }
    if ((o.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
        if (o.clusterIP && !spec.clusterIP) {
            if (sameIPs())
                delete spec.clusterIPs;
        }
        else if (sameIPs()) {
            spec.clusterIPs = [spec.clusterIP];
        }
    }
    // dropTypeDependentFields
    if (needsClusterIP(o) && !needsClusterIP(spec)) {
        if (sameIPs()) {
            delete spec.clusterIP;
            delete spec.clusterIPs;
        }
        if (deepEqual(o.ipFamilies ?? [], spec.ipFamilies ?? []))
            delete spec.ipFamilies;
        if (o.ipFamilyPolicy === spec.ipFamilyPolicy)
            delete spec.ipFamilyPolicy;
    }
    if (needsNodePort(o) && !needsNodePort(spec)) {
        // sameNodePorts: ports may be added, removed or changed, as long as no NodePort is new.
        const oldNodePorts = new Set((o.ports ?? []).map((p) => p.nodePort ?? 0));
        if ((spec.ports ?? []).every((p) => !p.nodePort || oldNodePorts.has(p.nodePort)))
            for (const p of spec.ports ?? [])
                delete p.nodePort;
    }
    if (needsHealthCheck(o) && !needsHealthCheck(spec) && o.healthCheckNodePort === spec.healthCheckNodePort) {
        delete spec.healthCheckNodePort;
    }
    if (spec.type !== 'LoadBalancer')
        delete spec.allocateLoadBalancerNodePorts;
    if (o.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && o.loadBalancerClass === spec.loadBalancerClass) {
        delete spec.loadBalancerClass;
    }
    if (externallyAccessible(o) && !externallyAccessible(spec) && o.externalTrafficPolicy === spec.externalTrafficPolicy) {
        delete spec.externalTrafficPolicy;
    }
}
//# sourceMappingURL=service-prepare.js.map