// The host's address as kube-apiserver chooses one to advertise when it listens on every address
// and is given no --advertise-address (k8s.io/apimachinery util/net ChooseHostInterface): the
// IPv4 address of the interface holding the default route with the lowest metric, read from
// /proc/net/route. Linux only; elsewhere, or without a default route, there is none.
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
/** This host's default-route interface address (IPv4) that `usable` accepts, or undefined. */
export function hostDefaultAddress(usable) {
    return defaultRouteAddress(readRouteTable(), networkInterfaces(), usable);
}
/** The default route's interface address in a /proc/net/route table (null: none to read). */
export function defaultRouteAddress(routeTable, interfaces, usable = () => true) {
    if (routeTable === null)
        return undefined;
    const defaults = routeTable
        .split('\n')
        .slice(1)
        .map((line) => line.trim().split(/\s+/))
        // Iface Destination Gateway Flags RefCnt Use Metric Mask …: destination and mask 0, route up.
        .filter((f) => f.length >= 8 && f[1] === '00000000' && f[7] === '00000000' && (parseInt(f[3], 16) & 1) === 1)
        .map((f) => ({ iface: f[0], metric: Number(f[6]) }))
        .sort((a, b) => a.metric - b.metric);
    for (const { iface } of defaults) {
        const address = (interfaces[iface] ?? []).find((a) => a.family === 'IPv4' && !a.internal && usable(a.address))?.address;
        if (address)
            return address;
    }
    return undefined;
}
function readRouteTable() {
    try {
        return readFileSync('/proc/net/route', 'utf8');
    }
    catch {
        return null;
    }
}
//# sourceMappingURL=host-address.js.map