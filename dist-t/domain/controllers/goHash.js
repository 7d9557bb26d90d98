// Upstream orders ports and subsets by hashing their Go `%#v` rendering (go-spew, as vendored by
// k8s.io/utils/dump.ForHash). To emit the same order byte for byte we render the few structs
// involved exactly as spew does and hash them the same way:
//  - core/v1 Endpoints (pkg/api/v1/endpoints SortSubsets): md5, ports and subsets;
//  - discovery/v1 slices (k8s.io/endpointslice/util NewPortMapKey): fnv-128a, ports.
// Spew's `%#v` prints `(type)value`; inside a slice the element type is omitted; a pointer prints
// `(*T)` then its value (or `<nil>`); strings print raw, unquoted.
import { hash } from 'node:crypto';
// FNV-128a over 16-bit limbs (least significant first): the prime is 2^88 + 0x13b, so
// h * prime = (h << 88) + h * 0x13b (mod 2^128) and every step fits a double exactly. BigInt
// arithmetic gave the same bytes but allocated per input byte on the endpoints hot path.
const FNV128_OFFSET = [0xc58d, 0x6295, 0x2175, 0x62b8, 0x0142, 0x07bb, 0x272e, 0x6c62];
const limbs = new Uint32Array(8);
const product = new Uint32Array(8);
/** hash/fnv New128a, hex encoded (hex.EncodeToString(h.Sum(nil))). */
export function fnv128a(text) {
    limbs.set(FNV128_OFFSET);
    for (const b of Buffer.from(text, 'utf8')) {
        limbs[0] ^= b;
        let carry = 0;
        for (let i = 0; i < 8; i++) {
            const v = limbs[i] * 0x13b + carry;
            product[i] = v & 0xffff;
            carry = v >>> 16;
        }
        carry = 0;
        for (let i = 0; i < 8; i++) {
            // Limb i of h << 88 (88 = 5 limbs + 8 bits).
            const shifted = i < 5 ? 0 : ((limbs[i - 5] << 8) & 0xffff) | (i > 5 ? limbs[i - 6] >>> 8 : 0);
            const v = product[i] + shifted + carry;
            product[i] = v & 0xffff;
            carry = v >>> 16;
        }
        limbs.set(product);
    }
    let hex = '';
    for (let i = 7; i >= 0; i--)
        hex += limbs[i].toString(16).padStart(4, '0');
    return hex;
}
export function md5Hex(text) {
    return hash('md5', text, 'hex');
}
const ptr = (type, value) => value === undefined ? `(*${type})<nil>` : `(*${type})${value}`;
/** core/v1 EndpointPort {Name string; Port int32; Protocol Protocol; AppProtocol *string}, fields only. */
function coreEndpointPortFields(p) {
    return `{Name:(string)${p.name ?? ''} Port:(int32)${p.port} Protocol:(v1.Protocol)${p.protocol ?? ''} AppProtocol:${ptr('string', p.appProtocol)}}`;
}
export function dumpCoreEndpointPort(p) {
    return `(v1.EndpointPort)${coreEndpointPortFields(p)}`;
}
function objectReferenceFields(r) {
    return (`{Kind:(string)${r.kind ?? ''} Namespace:(string)${r.namespace ?? ''} Name:(string)${r.name ?? ''}` +
        ` UID:(types.UID)${r.uid ?? ''} APIVersion:(string)${r.apiVersion ?? ''}` +
        ` ResourceVersion:(string)${r.resourceVersion ?? ''} FieldPath:(string)${r.fieldPath ?? ''}}`);
}
function endpointAddressFields(a) {
    const ref = a.targetRef === undefined ? '(*v1.ObjectReference)<nil>' : `(*v1.ObjectReference)${objectReferenceFields(a.targetRef)}`;
    return `{IP:(string)${a.ip} Hostname:(string)${a.hostname ?? ''} NodeName:${ptr('string', a.nodeName)} TargetRef:${ref}}`;
}
// `undefined` stands for a nil Go slice; an empty array for an empty non-nil one.
function sliceOf(type, items, fields) {
    if (items === undefined)
        return `([]${type})<nil>`;
    return `([]${type})[${items.map(fields).join(' ')}]`;
}
export function dumpCoreEndpointSubset(s) {
    return (`(v1.EndpointSubset){Addresses:${sliceOf('v1.EndpointAddress', s.addresses, endpointAddressFields)}` +
        ` NotReadyAddresses:${sliceOf('v1.EndpointAddress', s.notReadyAddresses, endpointAddressFields)}` +
        ` Ports:${sliceOf('v1.EndpointPort', s.ports, coreEndpointPortFields)}}`);
}
/** discovery/v1 EndpointPort {Name *string; Protocol *Protocol; Port *int32; AppProtocol *string}. */
function slicePortFields(p) {
    return `{Name:${ptr('string', p.name)} Protocol:${ptr('v1.Protocol', p.protocol)} Port:${ptr('int32', p.port)} AppProtocol:${ptr('string', p.appProtocol)}}`;
}
export function dumpSlicePort(p) {
    return `(v1.EndpointPort)${slicePortFields(p)}`;
}
/** endpointsliceutil.NewPortMapKey: the ports sorted by their hash, then the list hashed. */
export function sortSlicePorts(ports) {
    if (ports.length < 2)
        return [...ports];
    return ports
        .map((p) => ({ p, h: fnv128a(dumpSlicePort(p)) }))
        .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
        .map((x) => x.p);
}
/** The PortMapKey of already sorted ports (nil normalised to empty, as upstream). */
export function portMapKey(sortedPorts) {
    return fnv128a(sliceOf('v1.EndpointPort', sortedPorts, slicePortFields));
}
//# sourceMappingURL=goHash.js.map