// Keys and values of the `dns` table (the grammar is documented in index.ts).
import { compareIPs } from './names.js';
/** Record types the projection stores as RRsets. */
export const RR_TYPES = ['SOA', 'NS', 'A', 'AAAA', 'CNAME', 'PTR', 'SRV', 'TXT'];
/** Pseudo-types: facts about names rather than records. */
export const EXISTS = 'EXISTS';
export const PODS = 'PODS';
export function rrsetKey(name, type) {
    return `${name}/${type}`;
}
export function existsKey(name) {
    return `${name}/${EXISTS}`;
}
export function podsKey(zone) {
    return `pod.${zone}./${PODS}`;
}
/** Split a key into its owner name and its (pseudo-)type. */
export function parseKey(key) {
    const slash = key.lastIndexOf('/');
    return { name: key.slice(0, slash), type: key.slice(slash + 1) };
}
function compareRecords(type, a, b) {
    if ((type === 'A' || type === 'AAAA') && typeof a === 'string' && typeof b === 'string')
        return compareIPs(a, b);
    if (type === 'SRV') {
        const x = a;
        const y = b;
        return cmp(x.target, y.target) || x.port - y.port || x.priority - y.priority || x.weight - y.weight;
    }
    return cmp(JSON.stringify(a), JSON.stringify(b));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Records de-duplicated and sorted: the deterministic form every RRset value is stored in. */
export function normalizeRecords(type, records) {
    if (records.length === 1)
        return [records[0]];
    const seen = new Map();
    // Names and addresses are their own identity: only structured records need encoding.
    for (const r of records)
        seen.set(typeof r === 'string' ? r : JSON.stringify(r), r);
    return [...seen.values()].sort((a, b) => compareRecords(type, a, b));
}
/**
 * Combine several claims on one key (the Projection's merge, also used inside a unit):
 * facts are idempotent; RRsets are unioned with the lowest TTL; for PTRs, ClusterIP-derived
 * values win over endpoint-derived ones.
 */
export function mergeValues(key, values) {
    const { type } = parseKey(key);
    if (type === EXISTS)
        return true;
    if (type === PODS)
        return values[0];
    let sets = values;
    if (type === 'PTR' && sets.some((v) => v.clusterIP))
        sets = sets.filter((v) => v.clusterIP);
    const merged = {
        ttl: Math.min(...sets.map((v) => v.ttl)),
        records: normalizeRecords(type, sets.flatMap((v) => v.records)),
    };
    if (sets[0]?.clusterIP)
        merged.clusterIP = true;
    return merged;
}
//# sourceMappingURL=keys.js.map