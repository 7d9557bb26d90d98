// Which keys an auditor's `?key=` names (blame, history): a key, its last segments, in the
// iptables tables a chain (`KUBE-SERVICES` or `nat/KUBE-SERVICES`, with its fragments
// `nat/KUBE-SERVICES/default/web`), in the dns table an owner name (`web.default.svc.cluster.local`,
// any case, trailing dot optional: its RRsets `…/A`, `…/SRV`).

import { sql } from 'kysely';
import { parseKey as dnsKey } from '../../../projections/dns/keys.js';
import { fqdn } from '../../../projections/dns/names.js';
import { chainOfKey, isMetaKey } from '../../../projections/iptables/index.js';
import type { TableName } from '../../../projections/model.js';
import type { Ledger } from '../../../store/ledger.js';

/** Which keys `wanted` names: itself, or a key it is the last segments of (`KUBE-SEP-X` finds
 * `nat/KUBE-SEP-X`). A chain's name also finds the fragments its rules are kept in: blaming a
 * shared chain names the service behind each of its rules, not only the fixed chain head. A DNS
 * key is `<owner>/<TYPE>`: an owner name finds its RRsets. What `wanted` gives is worked out
 * once, as the predicate runs over a whole table. */
export function keyMatcher(wanted: string, table?: TableName): (key: string) => boolean {
  if (table === 'dns') {
    const owner = wanted.includes('/') ? undefined : fqdn(wanted);
    return (key) => key === wanted || (owner !== undefined && dnsKey(key).name === owner);
  }
  const suffix = `/${wanted}`;
  const chains = table === 'iptables' || table === 'ip6tables';
  return (key) => {
    if (key === wanted || key.endsWith(suffix)) return true;
    if (!chains || isMetaKey(key)) return false;
    const { table: ipt, chain } = chainOfKey(key);
    return wanted === chain || wanted === `${ipt}/${chain}`;
  };
}

/** The first segments of the routes table's keys (projections/routes/index.ts). */
const ROUTE_KINDS = ['route', 'neigh', 'fdb', 'link'];

/**
 * Where the keys `wanted` names start: each key keyMatcher accepts is one of `prefixes` or starts
 * with one followed by `/`, unless `wanted` is not `anchored` (it may be the last segments of
 * a key deeper down: `default/web` of `nat/KUBE-SERVICES/default/web`).
 */
function keyPrefixes(wanted: string, table: TableName): { prefixes: string[]; anchored: boolean } {
  const first = wanted.split('/')[0]!;
  if (table === 'dns') return { prefixes: [wanted.includes('/') ? wanted : fqdn(wanted)], anchored: true };
  if (table === 'routes') {
    if (ROUTE_KINDS.includes(first)) return { prefixes: [wanted], anchored: true };
    return { prefixes: ROUTE_KINDS.map((k) => `${k}/${wanted}`), anchored: false };
  }
  if (first === 'nat' || first === 'filter' || first === 'meta') return { prefixes: [wanted], anchored: true };
  // Chains are upper case; the namespaces and names after them never are.
  return { prefixes: [`nat/${wanted}`, `filter/${wanted}`], anchored: /^[A-Z]/.test(first) };
}

/**
 * The keys `?key=` names on one node: its live keys that keyMatcher accepts, and the keys of its
 * layers in the history (removed since) that it accepts, so a chain's history holds its removed
 * fragments too; else the key as given. The history is searched by key prefix through the
 * (table_name, key) index; only a name that may be a key's deeper segments scans the table's
 * changes (~0.2 s at the scale envelope's 500,000).
 */
export async function historyKeys(ledger: Ledger, table: TableName, node: string, wanted: string): Promise<string[]> {
  const set = ledger.engine.tables[table];
  const matches = keyMatcher(wanted, table);
  const keys = new Set<string>();
  for (const key of set.clusterEntries().keys()) if (matches(key)) keys.add(key);
  for (const key of set.nodeOverrides(node)?.keys() ?? []) if (matches(key)) keys.add(key);
  const { prefixes, anchored } = keyPrefixes(wanted, table);
  // The node's layers (the cluster's, its own) in the history.
  const changes = () =>
    ledger.store.db
      .selectFrom('table_changes')
      .select('key')
      .distinct()
      .where('table_name', '=', table)
      .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', node)]));
  // One index range per prefix (`0` follows `/`: the prefix and every key below it), compared as
  // text: LIKE would read `_` and `%` in a DNS key as wildcards. They find a superset; the matcher
  // decides. (Looped, not spread into a push: a range can hold more keys than a call takes
  // arguments.)
  const queries = [...new Set([wanted, ...prefixes])].map((p) => changes().where('key', '>=', p).where('key', '<', `${p}0`));
  // The key's tail, written so that SQLite and PostgreSQL read it alike (their substr differ on a
  // negative start).
  if (!anchored) queries.push(changes().where(sql`substr(key, length(key) - ${wanted.length})`, '=', `/${wanted}`));
  for (const q of queries) for (const { key } of await q.execute()) if (matches(key)) keys.add(key);
  return keys.size ? [...keys].sort() : [wanted];
}
