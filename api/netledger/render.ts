// The text form of each table, per API.md: iptables-restore input, ip/bridge batches, a zone file.

import type { ClusterNetworkConfig } from '../../domain/config.js';
import type { TableName } from '../../projections/model.js';
import { renderIptablesRestore } from '../../projections/iptables/index.js';
import { renderRoutesBatch } from '../../projections/routes/index.js';
import { renderZoneFile } from '../../projections/dns/index.js';

export function renderTable(table: TableName, entries: ReadonlyMap<string, unknown>, opts: { config: ClusterNetworkConfig; serial: number }): string {
  switch (table) {
    case 'iptables':
      return renderIptablesRestore(entries, 'ipv4');
    case 'ip6tables':
      return renderIptablesRestore(entries, 'ipv6');
    case 'routes':
      return renderRoutesBatch(entries);
    case 'dns':
      return renderZoneFile(entries, { zone: opts.config.clusterDomain, serial: opts.serial });
  }
}
