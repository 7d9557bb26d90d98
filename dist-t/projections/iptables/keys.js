// Key grammar of the iptables / ip6tables tables (documented in full in index.ts).
/** Node facts the renderer substitutes into placeholder rules (see index.ts). */
export const NODE_META_KEY = 'meta/node';
/** The fragment of nat KUBE-SERVICES that must come last: the tail-call to KUBE-NODEPORTS. */
export const NODEPORTS_TAIL_TAG = '~nodeports';
export function isMetaKey(key) {
    return key.startsWith('meta/');
}
export function chainKey(table, chain) {
    return `${table}/${chain}`;
}
export function fragmentKey(table, chain, namespace, name) {
    return `${table}/${chain}/${namespace}/${name}`;
}
export function parseKey(key) {
    const first = key.indexOf('/');
    const table = key.slice(0, first);
    if (table !== 'filter' && table !== 'nat')
        throw new Error(`not an iptables chain key: ${key}`);
    const rest = key.slice(first + 1);
    const second = rest.indexOf('/');
    if (second < 0)
        return { table, chain: rest, fragment: '' };
    return { table, chain: rest.slice(0, second), fragment: rest.slice(second + 1) };
}
/** Which chain a key's rules belong to. Throws for meta keys, which belong to no chain. */
export function chainOfKey(key) {
    const { table, chain } = parseKey(key);
    return { table, chain };
}
//# sourceMappingURL=keys.js.map