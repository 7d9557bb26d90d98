// Endpoints validation: ValidateEndpoints, validateEndpointSubsets, validateEndpointAddress,
// validateEndpointPort (validation.go). Updates are validated like creates (ValidateEndpointsUpdate).
import { isValidIP, validateNonSpecialIP } from './ip.js';
import { validateObjectMeta } from './meta.js';
import { isQualifiedName, isValidPortNum, nameIsDNSSubdomain } from './names.js';
import { FieldPath, invalid, notSupported, required } from './path.js';
import { SUPPORTED_PORT_PROTOCOLS, validateDNS1123Label } from './pod.js';
function validateEndpointAddress(a, path) {
    const errs = isValidIP(path.child('ip'), a.ip ?? '');
    if (a.hostname)
        errs.push(...validateDNS1123Label(a.hostname, path.child('hostname')));
    if (a.nodeName !== undefined && a.nodeName !== null) {
        for (const m of nameIsDNSSubdomain(a.nodeName, false))
            errs.push(invalid(path.child('nodeName'), a.nodeName, m));
    }
    errs.push(...validateNonSpecialIP(a.ip ?? '', path.child('ip')));
    return errs;
}
function validateEndpointPort(p, requireName, path) {
    const errs = [];
    const name = p.name ?? '';
    if (requireName && !name)
        errs.push(required(path.child('name')));
    else if (name)
        errs.push(...validateDNS1123Label(name, path.child('name')));
    for (const m of isValidPortNum(p.port ?? 0))
        errs.push(invalid(path.child('port'), p.port ?? 0, m));
    const protocol = p.protocol || 'TCP'; // SetDefaults_EndpointPort
    if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol))
        errs.push(notSupported(path.child('protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
    if (p.appProtocol !== undefined)
        for (const m of isQualifiedName(p.appProtocol))
            errs.push(invalid(path.child('appProtocol'), p.appProtocol, m));
    return errs;
}
/** ValidateEndpoints */
export function validateEndpoints(ep) {
    const errs = validateObjectMeta(ep.metadata ?? {}, true, nameIsDNSSubdomain, FieldPath.of('metadata'));
    const subsets = FieldPath.of('subsets');
    (ep.subsets ?? []).forEach((ss, i) => {
        const p = subsets.index(i);
        if (!ss.addresses?.length && !ss.notReadyAddresses?.length)
            errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
        (ss.addresses ?? []).forEach((a, j) => errs.push(...validateEndpointAddress(a, p.child('addresses').index(j))));
        (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateEndpointAddress(a, p.child('notReadyAddresses').index(j))));
        const ports = ss.ports ?? [];
        ports.forEach((port, j) => errs.push(...validateEndpointPort(port, ports.length > 1, p.child('ports').index(j))));
    });
    return errs;
}
//# sourceMappingURL=endpoints.js.map