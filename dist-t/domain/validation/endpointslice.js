// EndpointSlice validation: ValidateEndpointSlice, validateEndpoints, validatePorts,
// validateAddressType (pkg/apis/discovery/validation/validation.go). Paths have no `spec.`:
// the fields sit at the top of the object.
import { isValidIP, isValidIPv4Address, isValidIPv6Address, validateNonSpecialIP } from './ip.js';
import { validateLabels, validateObjectMeta } from './meta.js';
import { isFullyQualifiedDomainName, isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { duplicate, FieldPath, FIELD_IMMUTABLE, invalid, notSupported, required, tooMany } from './path.js';
import { SUPPORTED_PORT_PROTOCOLS, validateDNS1123Label } from './pod.js';
export const MAX_ENDPOINTS = 1000;
export const MAX_PORTS = 100;
const MAX_ADDRESSES = 100;
const MAX_TOPOLOGY_LABELS = 16;
const CREATE_ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6']; // sets.List: sorted
const UPDATE_ADDRESS_TYPES = ['FQDN', 'IP', 'IPv4', 'IPv6']; // plus the deprecated "IP"
function validateSliceEndpoints(endpoints, addressType, path) {
    if (endpoints.length > MAX_ENDPOINTS)
        return [tooMany(path, endpoints.length, MAX_ENDPOINTS)];
    const errs = [];
    endpoints.forEach((ep, i) => {
        const p = path.index(i);
        const addrPath = p.child('addresses');
        const addresses = ep.addresses ?? [];
        if (addresses.length === 0)
            errs.push(required(addrPath, 'must contain at least 1 address'));
        else if (addresses.length > MAX_ADDRESSES)
            errs.push(tooMany(addrPath, addresses.length, MAX_ADDRESSES));
        addresses.forEach((a, j) => {
            const ap = addrPath.index(j);
            switch (addressType) {
                case 'IP':
                    errs.push(...isValidIP(ap, a));
                    break;
                case 'IPv4':
                    errs.push(...isValidIPv4Address(ap, a), ...validateNonSpecialIP(a, ap));
                    break;
                case 'IPv6':
                    errs.push(...isValidIPv6Address(ap, a), ...validateNonSpecialIP(a, ap));
                    break;
                case 'FQDN': {
                    const r = isFullyQualifiedDomainName(a);
                    if (r === 'required')
                        errs.push(required(ap));
                    else if (r)
                        errs.push(invalid(ap, r.value, r.msg));
                    break;
                }
            }
        });
        if (ep.nodeName !== undefined && ep.nodeName !== null) {
            for (const m of nameIsDNSSubdomain(ep.nodeName, false))
                errs.push(invalid(p.child('nodeName'), ep.nodeName, m));
        }
        const topology = ep.deprecatedTopology ?? {};
        const topoPath = p.child('deprecatedTopology');
        if (Object.keys(topology).length > MAX_TOPOLOGY_LABELS)
            errs.push(tooMany(topoPath, Object.keys(topology).length, MAX_TOPOLOGY_LABELS));
        errs.push(...validateLabels(topology, topoPath));
        if (ep.hostname !== undefined && ep.hostname !== null)
            errs.push(...validateDNS1123Label(ep.hostname, p.child('hostname')));
    });
    return errs;
}
function validateSlicePorts(ports, path) {
    if (ports.length > MAX_PORTS)
        return [tooMany(path, ports.length, MAX_PORTS)];
    const errs = [];
    const names = new Set();
    ports.forEach((port, i) => {
        const p = path.index(i);
        // SetDefaults_EndpointPort: name "" and protocol TCP, so two unnamed ports collide.
        const name = port.name ?? '';
        if (name)
            errs.push(...validateDNS1123Label(name, p.child('name')));
        if (names.has(name))
            errs.push(duplicate(p.child('name'), name));
        else
            names.add(name);
        const protocol = port.protocol || 'TCP';
        if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol))
            errs.push(notSupported(p.child('protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
        if (port.appProtocol !== undefined && port.appProtocol !== null) {
            for (const m of isQualifiedName(port.appProtocol))
                errs.push(invalid(p.child('appProtocol'), port.appProtocol, m));
        }
    });
    return errs;
}
/** ValidateEndpointSlice */
export function validateEndpointSlice(slice, update = false) {
    const errs = validateObjectMeta(slice.metadata ?? {}, true, nameIsDNSSubdomain, FieldPath.of('metadata'));
    const addressType = slice.addressType ?? '';
    const valid = update ? UPDATE_ADDRESS_TYPES : CREATE_ADDRESS_TYPES;
    if (!addressType)
        errs.push(required(FieldPath.of('addressType')));
    else if (!valid.includes(addressType))
        errs.push(notSupported(FieldPath.of('addressType'), addressType, valid));
    errs.push(...validateSliceEndpoints((slice.endpoints ?? []), addressType, FieldPath.of('endpoints')));
    errs.push(...validateSlicePorts(slice.ports ?? [], FieldPath.of('ports')));
    return errs;
}
/** ValidateEndpointSliceUpdate: addressType is immutable. */
export function validateEndpointSliceUpdate(slice, old) {
    const errs = validateEndpointSlice(slice, true);
    if ((slice.addressType ?? '') !== (old.addressType ?? ''))
        errs.push(invalid(FieldPath.of('addressType'), slice.addressType ?? '', FIELD_IMMUTABLE));
    return errs;
}
//# sourceMappingURL=endpointslice.js.map