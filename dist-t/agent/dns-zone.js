// The cluster domain as the dns table states it: the owner of its forward-zone SOA RRset
// (`cluster.local./SOA`), so the responder needs no flag of its own, and follows the server
// when its --cluster-domain changes.
import { parseKey } from '../projections/dns/index.js';
export function zoneOfTable(entries) {
    for (const key of entries.keys()) {
        if (!key.endsWith('/SOA'))
            continue;
        const { name } = parseKey(key);
        if (!name.endsWith('arpa.'))
            return name.replace(/\.$/, '');
    }
    return undefined;
}
/** The responder's view of a local dns table: none before the first sync (SERVFAIL, as CoreDNS
 * answers until its informers have synced), else the entries, the serial and the zone, found
 * again whenever the table changes. */
export function dnsTableOf(store) {
    let zone;
    return () => {
        const s = store();
        if (s.rv === 0)
            return undefined;
        const entries = s.table('dns').entries;
        if (zone?.serial !== s.dnsSerial)
            zone = { serial: s.dnsSerial, name: zoneOfTable(entries) ?? 'cluster.local' };
        return { entries, serial: s.dnsSerial, zone: zone.name };
    };
}
//# sourceMappingURL=dns-zone.js.map