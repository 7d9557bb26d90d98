// Service validation: ValidateService, validateServicePort, validateClientIPAffinityConfig,
// validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue,
// ValidateServiceUpdate and ValidateServiceStatusUpdate / ValidateLoadBalancerStatus
// (pkg/apis/core/validation/validation.go, v1.32). Input is the defaulted, prepared object.
import { goStruct } from './gorepr.js';
import { isValidCIDR, isValidIP, parseIP, validateNonSpecialIP } from './ip.js';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './meta.js';
import { isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum, nameIsDNS1035Label } from './names.js';
import { duplicate, FieldPath, forbidden, invalid, notSupported, required } from './path.js';
import { SUPPORTED_PORT_PROTOCOLS, validateDNS1123Label } from './pod.js';
import { externallyAccessible, needsHealthCheck } from './service-prepare.js';
import { isHeadless, validateClusterIPsRelatedFields, validateUpgradeDowngradeClusterIPs, validateUpgradeDowngradeIPFamilies } from './service-ips.js';
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']; // sets.List: sorted
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const EXTERNAL_TRAFFIC_POLICIES = ['Cluster', 'Local'];
const INTERNAL_TRAFFIC_POLICIES = ['Cluster', 'Local'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const LB_SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';
const TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
const TOPOLOGY_HINTS = 'service.kubernetes.io/topology-aware-hints';
const spec = FieldPath.of('spec');
/** ValidatePortNumOrName */
export function validatePortNumOrName(port, path) {
    if (typeof port === 'number')
        return isValidPortNum(port).map((m) => invalid(path, port, m));
    return isValidPortName(port).map((m) => invalid(path, port, m));
}
/** validateServicePort */
function validateServicePort(sp, requireName, names, path) {
    const errs = [];
    const name = sp.name ?? '';
    if (requireName && !name)
        errs.push(required(path.child('name')));
    else if (name) {
        errs.push(...validateDNS1123Label(name, path.child('name')));
        if (names.has(name))
            errs.push(duplicate(path.child('name'), name));
        else
            names.add(name);
    }
    for (const m of isValidPortNum(sp.port ?? 0))
        errs.push(invalid(path.child('port'), sp.port ?? 0, m));
    const protocol = sp.protocol || 'TCP';
    if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol))
        errs.push(notSupported(path.child('protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
    // SetDefaults_Service: an unset targetPort is the port.
    const target = sp.targetPort === undefined || sp.targetPort === 0 || sp.targetPort === '' ? (sp.port ?? 0) : sp.targetPort;
    errs.push(...validatePortNumOrName(target, path.child('targetPort')));
    if (sp.appProtocol !== undefined)
        for (const m of isQualifiedName(sp.appProtocol))
            errs.push(invalid(path.child('appProtocol'), sp.appProtocol, m));
    return errs;
}
/** core.ServicePort{Protocol, Port} as %#v prints the duplicate key. */
const servicePortKey = (protocol, port) => goStruct('core.ServicePort', [
    ['Name', ''],
    ['Protocol', protocol],
    ['AppProtocol', { nilPointer: '*string' }],
    ['Port', port],
    ['TargetPort', { goSyntax: 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}' }],
    ['NodePort', 0],
]);
/** validateClientIPAffinityConfig / validateAffinityTimeout */
function validateClientIPAffinityConfig(s, path) {
    const config = s.sessionAffinityConfig;
    const why = 'when session affinity type is ClientIP';
    if (!config)
        return [required(path, why)];
    if (!config.clientIP)
        return [required(path.child('clientIP'), why)];
    const t = config.clientIP.timeoutSeconds;
    if (t === undefined || t === null)
        return [required(path.child('clientIP', 'timeoutSeconds'), why)];
    if (t <= 0 || t > MAX_CLIENT_IP_AFFINITY_SECONDS) {
        return [invalid(path.child('clientIP', 'timeoutSeconds'), t, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
    }
    return [];
}
/** validateServiceExternalTrafficPolicy (an unset policy of an externally reachable Service defaults to Cluster). */
function validateExternalTrafficPolicy(s) {
    const errs = [];
    const etp = s.externalTrafficPolicy ?? '';
    if (!externallyAccessible(s)) {
        if (etp)
            errs.push(invalid(spec.child('externalTrafficPolicy'), etp, 'may only be set for externally-accessible services'));
    }
    else if (etp && !EXTERNAL_TRAFFIC_POLICIES.includes(etp)) {
        errs.push(notSupported(spec.child('externalTrafficPolicy'), etp, EXTERNAL_TRAFFIC_POLICIES));
    }
    const hc = s.healthCheckNodePort ?? 0;
    if (!needsHealthCheck(s)) {
        if (hc)
            errs.push(invalid(spec.child('healthCheckNodePort'), hc, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
    }
    else if (hc) {
        // An unset healthCheckNodePort is allocated before validation upstream.
        for (const m of isValidPortNum(hc))
            errs.push(invalid(spec.child('healthCheckNodePort'), hc, m));
    }
    return errs;
}
/** ValidateService */
export function validateService(svc) {
    const meta = FieldPath.of('metadata');
    const errs = validateObjectMeta(svc.metadata ?? {}, true, nameIsDNS1035Label, meta);
    const s = svc.spec ?? {};
    // v1 defaulting turns an empty type / sessionAffinity / protocol into ClusterIP / None / TCP.
    const type = s.type || 'ClusterIP';
    const ann = svc.metadata?.annotations ?? {};
    if (TOPOLOGY_MODE in ann && TOPOLOGY_HINTS in ann && ann[TOPOLOGY_MODE] !== ann[TOPOLOGY_HINTS]) {
        errs.push(invalid(meta.child('annotations').key(TOPOLOGY_MODE), ann[TOPOLOGY_MODE], `must match annotations[${TOPOLOGY_HINTS}] when both are specified`));
    }
    const ports = s.ports ?? [];
    if (ports.length === 0 && !isHeadless(s) && type !== 'ExternalName')
        errs.push(required(spec.child('ports')));
    if (type === 'LoadBalancer' && isHeadless(s)) {
        errs.push(invalid(spec.child('clusterIPs').index(0), s.clusterIPs[0], "may not be set to 'None' for LoadBalancer services"));
    }
    else if (type === 'NodePort' && isHeadless(s)) {
        errs.push(invalid(spec.child('clusterIPs').index(0), s.clusterIPs[0], "may not be set to 'None' for NodePort services"));
    }
    else if (type === 'ExternalName') {
        if (s.clusterIPs?.length)
            errs.push(forbidden(spec.child('clusterIPs'), 'may not be set for ExternalName services'));
        if (s.ipFamilies?.length)
            errs.push(forbidden(spec.child('ipFamilies'), 'may not be set for ExternalName services'));
        if (s.ipFamilyPolicy !== undefined && s.ipFamilyPolicy !== null)
            errs.push(forbidden(spec.child('ipFamilyPolicy'), 'may not be set for ExternalName services'));
        // The CNAME may carry a trailing dot to mark it fully qualified.
        const cname = (s.externalName ?? '').replace(/\.$/, '');
        if (cname)
            errs.push(...isDNS1123Subdomain(cname).map((m) => invalid(spec.child('externalName'), cname, m)));
        else
            errs.push(required(spec.child('externalName')));
    }
    const names = new Set();
    ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, spec.child('ports').index(i))));
    if (s.selector)
        errs.push(...validateLabels(s.selector, spec.child('selector')));
    const affinity = s.sessionAffinity || 'None';
    if (!SESSION_AFFINITIES.includes(affinity))
        errs.push(notSupported(spec.child('sessionAffinity'), affinity, SESSION_AFFINITIES));
    if (affinity === 'ClientIP')
        errs.push(...validateClientIPAffinityConfig(s, spec.child('sessionAffinityConfig')));
    else if (affinity === 'None' && s.sessionAffinityConfig) {
        errs.push(forbidden(spec.child('sessionAffinityConfig'), 'must not be set when session affinity is None'));
    }
    errs.push(...validateClusterIPsRelatedFields(s));
    (s.externalIPs ?? []).forEach((ip, i) => {
        const p = spec.child('externalIPs').index(i);
        const e = isValidIP(p, ip);
        errs.push(...(e.length ? e : validateNonSpecialIP(ip, p)));
    });
    if (!SERVICE_TYPES.includes(type))
        errs.push(notSupported(spec.child('type'), type, SERVICE_TYPES));
    if (type === 'ClusterIP') {
        ports.forEach((p, i) => {
            if (p.nodePort)
                errs.push(forbidden(spec.child('ports').index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'"));
        });
    }
    const nodePorts = new Set();
    ports.forEach((p, i) => {
        if (!p.nodePort)
            return;
        const key = `${p.protocol || 'TCP'}/${p.nodePort}`;
        if (nodePorts.has(key))
            errs.push(duplicate(spec.child('ports').index(i).child('nodePort'), p.nodePort));
        nodePorts.add(key);
    });
    const portKeys = new Set();
    ports.forEach((p, i) => {
        const key = `${p.protocol || 'TCP'}/${p.port ?? 0}`;
        if (portKeys.has(key))
            errs.push(duplicate(spec.child('ports').index(i), servicePortKey(p.protocol || 'TCP', p.port ?? 0)));
        portKeys.add(key);
    });
    // Upstream's path really is capitalised here.
    const ranges = s.loadBalancerSourceRanges ?? [];
    if (ranges.length) {
        const p = spec.child('LoadBalancerSourceRanges');
        if (type !== 'LoadBalancer')
            errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
        ranges.forEach((r, i) => errs.push(...isValidCIDR(p.index(i), r.trim())));
    }
    else if (LB_SOURCE_RANGES_ANNOTATION in ann) {
        const p = FieldPath.of('metadata', 'annotations').key(LB_SOURCE_RANGES_ANNOTATION);
        if (type !== 'LoadBalancer')
            errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
        const val = ann[LB_SOURCE_RANGES_ANNOTATION].trim();
        if (val)
            for (const r of val.split(','))
                errs.push(...isValidCIDR(p, r.trim()));
    }
    if (s.allocateLoadBalancerNodePorts !== undefined && s.allocateLoadBalancerNodePorts !== null && type !== 'LoadBalancer') {
        errs.push(forbidden(spec.child('allocateLoadBalancerNodePorts'), "may only be used when `type` is 'LoadBalancer'"));
    }
    if (type === 'LoadBalancer' && (s.allocateLoadBalancerNodePorts === undefined || s.allocateLoadBalancerNodePorts === null)) {
        // Upstream's path lacks the `spec.` prefix.
        errs.push(required(FieldPath.of('allocateLoadBalancerNodePorts')));
    }
    errs.push(...validateLoadBalancerClass(undefined, s));
    errs.push(...validateExternalTrafficPolicy(s));
    // SetDefaults_Service gives ClusterIP, NodePort and LoadBalancer Services internalTrafficPolicy Cluster.
    const itp = s.internalTrafficPolicy;
    if (itp !== undefined && itp !== null && !INTERNAL_TRAFFIC_POLICIES.includes(itp)) {
        errs.push(notSupported(spec.child('internalTrafficPolicy'), itp, INTERNAL_TRAFFIC_POLICIES));
    }
    if (s.trafficDistribution !== undefined && s.trafficDistribution !== null && s.trafficDistribution !== 'PreferClose') {
        errs.push(notSupported(spec.child('trafficDistribution'), s.trafficDistribution, ['PreferClose']));
    }
    return errs;
}
/** validateLoadBalancerClassField */
function validateLoadBalancerClass(old, s) {
    const errs = [];
    const p = spec.child('loadBalancerClass');
    if (old && old.type === 'LoadBalancer' && s.type === 'LoadBalancer' && (old.loadBalancerClass ?? null) !== (s.loadBalancerClass ?? null)) {
        errs.push(invalid(p, s.loadBalancerClass ?? null, 'may not change once set'));
    }
    if (s.type === 'LoadBalancer') {
        if (s.loadBalancerClass !== undefined && s.loadBalancerClass !== null) {
            for (const m of isQualifiedName(s.loadBalancerClass))
                errs.push(invalid(p, s.loadBalancerClass, m));
        }
    }
    else if (s.loadBalancerClass !== undefined && s.loadBalancerClass !== null) {
        errs.push(forbidden(p, "may only be used when `type` is 'LoadBalancer'"));
    }
    return errs;
}
/** ValidateServiceUpdate */
export function validateServiceUpdate(svc, old) {
    const errs = validateObjectMetaUpdate(svc.metadata ?? {}, old.metadata ?? {}, FieldPath.of('metadata'));
    const s = svc.spec ?? {};
    const o = old.spec ?? {};
    errs.push(...validateUpgradeDowngradeClusterIPs(o, s));
    errs.push(...validateUpgradeDowngradeIPFamilies(o, s));
    // validateLoadBalancerClassField(old, new) also re-checks the format; ValidateService does it again.
    errs.push(...validateLoadBalancerClass(o, s).filter((e) => e.message.endsWith('may not change once set')));
    if (needsHealthCheck(o) && needsHealthCheck(s) && (s.healthCheckNodePort ?? 0) !== (o.healthCheckNodePort ?? 0)) {
        errs.push(forbidden(spec.child('healthCheckNodePort'), 'field is immutable'));
    }
    errs.push(...validateService(svc));
    return errs;
}
/** ValidateServiceStatusUpdate / ValidateLoadBalancerStatus (an ipMode left out defaults to VIP). */
export function validateServiceStatusUpdate(svc, old) {
    const errs = validateObjectMetaUpdate(svc.metadata ?? {}, old.metadata ?? {}, FieldPath.of('metadata'));
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    const path = FieldPath.of('status', 'loadBalancer', 'ingress');
    if ((svc.spec?.type || 'ClusterIP') !== 'LoadBalancer' && ingress.length) {
        errs.push(forbidden(path, "may only be used when `spec.type` is 'LoadBalancer'"));
        return errs;
    }
    ingress.forEach((ing, i) => {
        const p = path.index(i);
        if (ing.ip)
            errs.push(...isValidIP(p.child('ip'), ing.ip));
        if (ing.ipMode !== undefined && ing.ipMode !== null) {
            if (!ing.ip)
                errs.push(forbidden(p.child('ipMode'), 'may not be specified when `ip` is not set'));
            else if (ing.ipMode !== 'VIP' && ing.ipMode !== 'Proxy')
                errs.push(notSupported(p.child('ipMode'), ing.ipMode, ['Proxy', 'VIP']));
        }
        if (ing.hostname) {
            for (const m of isDNS1123Subdomain(ing.hostname))
                errs.push(invalid(p.child('hostname'), ing.hostname, m));
            if (parseIP(ing.hostname))
                errs.push(invalid(p.child('hostname'), ing.hostname, 'must be a DNS name, not an IP address'));
        }
    });
    return errs;
}
//# sourceMappingURL=service.js.map