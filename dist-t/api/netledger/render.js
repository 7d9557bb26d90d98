// The text form of each table, per API.md: iptables-restore input, ip/bridge batches, a zone file.
import { renderIptablesRestore } from '../../projections/iptables/index.js';
import { renderRoutesBatch } from '../../projections/routes/index.js';
import { renderReverseZones, renderZoneFile } from '../../projections/dns/index.js';
import { errors } from '../../domain/errors.js';
/** `zone`: for dns, which zone file (the cluster domain when absent; `in-addr.arpa` or
 * `ip6.arpa` for the reverse zones CoreDNS serves, which hold the PTRs). `underlay`: for routes,
 * the node's underlay interface, written where `@underlay` stands (`dev eth0`, as flannel's
 * host-gw routes and vxlan devices name it); absent, host-gw routes leave the kernel to pick it. */
export function renderTable(table, entries, opts) {
    switch (table) {
        case 'iptables':
            return renderIptablesRestore(entries, 'ipv4');
        case 'ip6tables':
            return renderIptablesRestore(entries, 'ipv6');
        case 'routes':
            return renderRoutesBatch(entries, opts.underlay ? { underlay: opts.underlay } : {});
        case 'dns': {
            const wanted = (opts.zone ?? opts.config.clusterDomain).replace(/\.$/, '').toLowerCase();
            if (wanted === opts.config.clusterDomain.replace(/\.$/, '').toLowerCase())
                return renderZoneFile(entries, { zone: opts.config.clusterDomain, serial: opts.serial });
            const reverse = renderReverseZones(entries, { zone: opts.config.clusterDomain, serial: opts.serial });
            const found = reverse.find((z) => z.origin === `${wanted}.`);
            if (!found)
                throw errors.badRequest(`zone ${JSON.stringify(opts.zone)} is not one of the zones the dns table holds: ${[opts.config.clusterDomain, ...reverse.map((z) => z.origin.replace(/\.$/, ''))].join(', ')}`);
            return found.text;
        }
    }
}
//# sourceMappingURL=render.js.map