// The cluster domain as the dns table states it: the owner of its forward-zone SOA RRset
// (`cluster.local./SOA`), so the responder needs no flag of its own.

import { parseKey } from '../projections/dns/index.js';

export function zoneOfTable(entries: ReadonlyMap<string, unknown>): string | undefined {
  for (const key of entries.keys()) {
    if (!key.endsWith('/SOA')) continue;
    const { name } = parseKey(key);
    if (!name.endsWith('arpa.')) return name.replace(/\.$/, '');
  }
  return undefined;
}
