// printService: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR.
import { AGE_COLUMN, NAME_COLUMN, formatLabels } from './common.js';
import { SERVICE_DOC } from './descriptions.js';
import { translateTimestampSince } from './duration.js';
import { column } from './types.js';
/** makePortString: `80/TCP`, `80:30080/TCP`. */
export function makePortString(ports) {
    return (ports ?? [])
        .map((p) => {
        const protocol = p.protocol ?? 'TCP';
        return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
        .join(',');
}
/** loadBalancerStatusStringer (wide): distinct ingress IPs or hostnames, sorted. */
function loadBalancerIngress(svc) {
    const set = new Set();
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
        if (ing.ip)
            set.add(ing.ip);
        else if (ing.hostname)
            set.add(ing.hostname);
    }
    return [...set].sort().join(',');
}
/** getServiceExternalIP. */
export function serviceExternalIP(svc) {
    const spec = svc.spec ?? {};
    const externalIPs = spec.externalIPs ?? [];
    switch (spec.type ?? 'ClusterIP') {
        case 'ClusterIP':
        case 'NodePort':
            return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
        case 'LoadBalancer': {
            const lb = loadBalancerIngress(svc);
            if (externalIPs.length > 0)
                return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
            return lb || '<pending>';
        }
        case 'ExternalName':
            return spec.externalName ?? '';
        default:
            return '<unknown>';
    }
}
function printService(svc, now) {
    const spec = svc.spec ?? {};
    // An unset type is what defaulting turns into ClusterIP.
    return {
        cells: [
            svc.metadata.name ?? '',
            spec.type ?? 'ClusterIP',
            spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>',
            serviceExternalIP(svc),
            makePortString(spec.ports) || '<none>',
            translateTimestampSince(svc.metadata.creationTimestamp, now),
            formatLabels(spec.selector),
        ],
    };
}
export const servicePrinter = {
    columns: [
        NAME_COLUMN,
        column('Type', SERVICE_DOC.type),
        column('Cluster-IP', SERVICE_DOC.clusterIP),
        column('External-IP', SERVICE_DOC.externalIPs),
        column('Port(s)', SERVICE_DOC.ports),
        AGE_COLUMN,
        column('Selector', SERVICE_DOC.selector, { priority: 1 }),
    ],
    print: printService,
};
//# sourceMappingURL=service.js.map