// Keys and values of the routes table: one entry per kernel object, named so an agent can apply
// or remove it on its own. The key grammar is documented in index.ts; value objects are built
// here only, always with the same key order (digests compare their JSON text).
export const routeKey = (dst) => `route/${dst}`;
export const neighKey = (dev, ip) => `neigh/${dev}/${ip}`;
export const fdbKey = (dev, mac) => `fdb/${dev}/${mac}`;
export const linkKey = (name) => `link/${name}`;
export function parseRoutesKey(key) {
    const slash = key.indexOf('/');
    if (slash < 0)
        return undefined;
    const kind = key.slice(0, slash);
    const rest = key.slice(slash + 1);
    if (kind === 'route')
        return rest ? { kind, dst: rest } : undefined;
    if (kind === 'link')
        return rest && !rest.includes('/') ? { kind, name: rest } : undefined;
    if (kind === 'neigh' || kind === 'fdb') {
        // Device names never contain '/', so the first one separates the device from the address.
        const sep = rest.indexOf('/');
        if (sep <= 0 || sep === rest.length - 1)
            return undefined;
        const dev = rest.slice(0, sep);
        const addr = rest.slice(sep + 1);
        return kind === 'neigh' ? { kind, dev, ip: addr } : { kind, dev, mac: addr };
    }
    return undefined;
}
//# sourceMappingURL=values.js.map