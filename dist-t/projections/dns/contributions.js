// Collects one unit's claims and turns them into table contributions: claims on the same key
// inside a unit are merged exactly as claims from different units are, so a unit's output is
// independent of the order it was built in.
import { CLUSTER } from '../model.js';
import { existsKey, mergeValues, normalizeRecords, rrsetKey } from './keys.js';
import { isValidName } from './names.js';
export class DnsContributions {
    claims = new Map();
    rrset(name, type, ttl, records, clusterIP = false) {
        if (records.length === 0 || !isValidName(name))
            return;
        const value = clusterIP
            ? { ttl, records: normalizeRecords(type, records), clusterIP: true }
            : { ttl, records: normalizeRecords(type, records) };
        this.claim(rrsetKey(name, type), value);
    }
    exists(name) {
        if (isValidName(name))
            this.claim(existsKey(name), true);
    }
    claim(key, value) {
        const list = this.claims.get(key);
        if (list)
            list.push(value);
        else
            this.claims.set(key, [value]);
    }
    toContributions() {
        return [...this.claims.keys()]
            .sort()
            .map((key) => {
            const values = this.claims.get(key);
            return { table: 'dns', scope: CLUSTER, key, value: values.length === 1 ? values[0] : mergeValues(key, values) };
        });
    }
}
//# sourceMappingURL=contributions.js.map