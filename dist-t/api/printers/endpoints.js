// printEndpoints (NAME ENDPOINTS AGE) and printEndpointSlice (NAME ADDRESSTYPE PORTS ENDPOINTS AGE).
import { AGE_COLUMN, NAME_COLUMN, joinHostPort, listWithMore } from './common.js';
import { ENDPOINTS_DOC, ENDPOINT_SLICE_DOC } from './descriptions.js';
import { translateTimestampSince } from './duration.js';
import { column } from './types.js';
const MAX = 3;
/** formatEndpoints: the first three ready `ip:port`s, then ` + N more...`; `<none>` when empty. */
export function formatEndpoints(ep) {
    const subsets = ep.subsets ?? [];
    if (subsets.length === 0)
        return '<none>';
    const list = [];
    let count = 0;
    for (const ss of subsets) {
        const addresses = ss.addresses ?? [];
        const ports = ss.ports ?? [];
        if (ports.length === 0) {
            // Headless services may have no ports.
            count += addresses.length;
            for (const a of addresses) {
                if (list.length === MAX)
                    break;
                list.push(a.ip);
            }
            continue;
        }
        for (const port of ports) {
            count += addresses.length;
            for (const a of addresses) {
                if (list.length === MAX)
                    break;
                list.push(joinHostPort(a.ip, port.port));
            }
        }
    }
    const ret = list.join(',');
    if (count > MAX)
        return `${ret} + ${count - MAX} more...`;
    return ret || '<none>';
}
export const endpointsPrinter = {
    columns: [NAME_COLUMN, column('Endpoints', ENDPOINTS_DOC.subsets), AGE_COLUMN],
    print: (ep, now) => ({ cells: [ep.metadata.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, now)] }),
};
/** formatDiscoveryPorts: port numbers, a name when the number is unset, `*` when neither. */
export function formatSlicePorts(slice) {
    const ports = slice.ports ?? [];
    const list = ports.slice(0, MAX).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name ?? '*'));
    return listWithMore(list, ports.length, MAX);
}
/** formatDiscoveryEndpoints: every address of every endpoint, three at most. */
export function formatSliceEndpoints(slice) {
    const all = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
    return listWithMore(all.slice(0, MAX), all.length, MAX);
}
export const endpointSlicePrinter = {
    columns: [
        NAME_COLUMN,
        column('AddressType', ENDPOINT_SLICE_DOC.addressType),
        column('Ports', ENDPOINT_SLICE_DOC.ports),
        column('Endpoints', ENDPOINT_SLICE_DOC.endpoints),
        AGE_COLUMN,
    ],
    print: (s, now) => ({
        cells: [s.metadata.name ?? '', s.addressType ?? '', formatSlicePorts(s), formatSliceEndpoints(s), translateTimestampSince(s.metadata.creationTimestamp, now)],
    }),
};
//# sourceMappingURL=endpoints.js.map