// GET /apis/netledger.io/v1/nodes/{node}/tables/{table}/blame[?key=K][&contains=TEXT][&resourceVersion=R][&limit=N[&continue=T]]
// Like git blame for a node's table: for each entry (a chain, a route, an RRset) the event that
// last changed it, and — when that event was derived (the endpoints controller reacting to a
// Pod or Service) — the origin: the event at the root of its cause chain, with the person.

import type { FastifyRequest } from 'fastify';
import { POD_TERMINATOR } from '../../../domain/commands.js';
import { errors } from '../../../domain/errors.js';
import type { KubeObject } from '../../../domain/objects.js';
import type { EventHeader } from '../../../store/event-store.js';
import type { Ledger } from '../../../store/ledger.js';
import { causeOf, type Cause, eventsFor } from '../causes.js';
import { nodeTable, readRv, requireJsonFormat, requireNodeAt, tableName, tablePageQuery } from '../tables.js';
import { encodeToken, str, type Query } from './query.js';
import { historyKeys, keyMatcher } from './key-match.js';
import { metaOf, NODE_META_KEY, resolveRule } from '../../../projections/iptables/index.js';
import { nodeEntryAt, nodeTablePageAt, type PastEntry } from '../../../store/table-history.js';
import type { TableName } from '../../../projections/model.js';

export interface BlameItem {
  key: string;
  value: unknown;
  resourceVersion: string;
  cause: Cause | null;
  /** The root of the cause chain when the cause was itself derived; null otherwise. */
  origin: Cause | null;
}

export interface NodeTableBlame {
  kind: 'NodeTableBlame';
  apiVersion: 'netledger.io/v1';
  metadata: { name: string; resourceVersion: string; continue?: string };
  table: string;
  items: BlameItem[];
}

/** Follows `cause` links from each rv to the root; returns rv -> root event (absent when not derived). */
export async function originsOf(ledger: Ledger, events: Map<number, EventHeader>): Promise<Map<number, EventHeader>> {
  const known = new Map(events);
  const origins = new Map<number, EventHeader>();
  // Cause chains are short (slice <- pod, mirrored slice <- endpoints <- user); bound them anyway.
  for (let depth = 0; depth < 8; depth++) {
    const wanted = new Set<number>();
    for (const ev of known.values()) if (ev.cause !== null && !known.has(ev.cause)) wanted.add(ev.cause);
    if (!wanted.size) break;
    for (const [rv, ev] of await eventsFor(ledger, wanted)) known.set(rv, ev);
  }
  for (const [rv, ev] of events) {
    let cur = ev;
    for (let depth = 0; cur.cause !== null && depth < 8; depth++) {
      const next = known.get(cur.cause);
      if (!next) break;
      cur = next;
    }
    if (cur !== ev) origins.set(rv, cur);
  }
  const requests = new Map<number, EventHeader | undefined>();
  for (const [rv, ev] of events) {
    const root = origins.get(rv) ?? ev;
    if (root.actor !== POD_TERMINATOR || root.kind !== 'Pod' || root.type !== 'DELETED') continue;
    if (!requests.has(root.rv)) requests.set(root.rv, await deletionRequestOf(ledger, root));
    const request = requests.get(root.rv);
    if (request) origins.set(rv, request);
  }
  return origins;
}

/**
 * The request behind the end of a graceful Pod deletion. The terminator's DELETED event is a
 * command of its own, with no cause: a cause would make replay fold it into the group before it
 * (store/project.ts groups by cause). Its origin is the request that set the deletionTimestamp
 * it carried out (a later delete may have moved it closer): the earliest of the pod's events,
 * back from the deletion, that holds that timestamp.
 */
async function deletionRequestOf(ledger: Ledger, deletion: EventHeader): Promise<EventHeader | undefined> {
  const stampOf = (text: string) => (JSON.parse(text) as KubeObject).metadata.deletionTimestamp;
  let stamp: string | undefined;
  let setter: number | undefined;
  // Back from the deletion a page at a time (a long grace period may hold many status writes),
  // bounded as every walk here is.
  let below = deletion.rv + 1;
  walk: for (let page = 0; page < 1000; page++) {
    const rows = await ledger.store.db
      .selectFrom('events')
      .select(['rv', 'object'])
      .where('kind', '=', 'Pod')
      .where('namespace', '=', deletion.namespace)
      .where('name', '=', deletion.name)
      .where('uid', '=', deletion.uid)
      .where('rv', '<', below)
      .orderBy('rv', 'desc')
      .limit(64)
      .execute();
    for (const r of rows) {
      const ts = stampOf(r.object);
      if (r.rv === deletion.rv) stamp = ts;
      else if (!stamp || ts !== stamp) break walk;
      else setter = r.rv;
    }
    if (rows.length < 64) break;
    below = rows[rows.length - 1]!.rv;
  }
  return setter === undefined ? undefined : (await eventsFor(ledger, [setter])).get(setter);
}

/** Whether any string in a value (a rule, an address, a record) contains `text`. */
export function valueContains(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (typeof value === 'number') return String(value).includes(text);
  if (Array.isArray(value)) return value.some((v) => valueContains(v, text));
  if (value !== null && typeof value === 'object') return Object.values(value).some((v) => valueContains(v, text));
  return false;
}

/**
 * Whether an entry holds `contains` as the node has it: iptables rules resolved against the
 * node's meta entry first (`{ifLocal}` becomes its pod CIDR; a rule marked for other zones or
 * node IPs is not on the node), so the text searched is the text the node's kernel holds.
 * `meta`: the node's meta entry's value (undefined when it has none).
 */
function containsOnNode(table: TableName, meta: unknown, contains: string | undefined): (e: PastEntry) => boolean {
  if (contains === undefined) return () => true;
  if (table !== 'iptables' && table !== 'ip6tables') return (e) => valueContains(e.value, contains);
  // The meta entry, or the renderer's stand-in for a node without one.
  const resolved = metaOf(new Map(meta === undefined ? [] : [[NODE_META_KEY, meta]]), table === 'iptables' ? 'ipv4' : 'ipv6');
  return (e) => {
    if (!Array.isArray(e.value)) return valueContains(e.value, contains);
    return (e.value as string[]).some((rule) => resolveRule(rule, resolved)?.includes(contains) ?? false);
  };
}

const BLAME_PAGE = 'nodetableblame';
/** Keys read per step of a page: a filter that matches few entries still reads the table in
 * windows, never all of it at once. */
const WINDOW = 500;

/**
 * Up to `limit` of the table's entries at rv after the key `after` that `wanted` accepts, in key
 * order, read a window of keys at a time; `next` is the key to continue after when more may
 * follow.
 */
function wantedPage(ledger: Ledger, node: string, table: TableName, rv: number, after: string, limit: number, wanted: (e: PastEntry) => boolean): { entries: PastEntry[]; next?: string } {
  const set = ledger.engine.tables[table];
  const entries: PastEntry[] = [];
  let from = after;
  // Bounded: each step moves past a window of keys, and the table has fewer than this many.
  for (let step = 0; step < 100_000; step++) {
    const window = nodeTablePageAt(ledger.store, set, node, rv, ledger.committedRv, from, Math.max(limit, WINDOW));
    for (const e of window.entries) {
      if (!wanted(e)) continue;
      entries.push(e);
      if (entries.length === limit) return { entries, next: e.key };
    }
    if (window.next === undefined) return { entries };
    from = window.next;
  }
  throw new Error(`blame of ${node} ${table}: the table did not end`);
}

/** Why a key is not in the table at rv: never there, or removed (when, and where to look). */
async function notHeldMessage(ledger: Ledger, node: string, table: TableName, key: string, rv: number): Promise<string> {
  const notFound = `tables.netledger.io "${node}/${table}/${key}" not found`;
  const keys = await historyKeys(ledger, table, node, key);
  const last = await ledger.store.db
    .selectFrom('table_changes')
    .select(['rv', 'key'])
    .where('table_name', '=', table)
    .where('key', 'in', keys)
    .where((eb) => eb.or([eb('scope', '=', ''), eb('scope', '=', node)]))
    .where('rv', '<=', rv)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return `${notFound}: no such key in its history`;
  return `${notFound} at resourceVersion ${rv}; its last change up to then was at resourceVersion ${last.rv} (${last.key}): \`netledger history ${node} ${table} ${key}\` tells its story`;
}

export async function getBlame(req: FastifyRequest, ledger: Ledger): Promise<NodeTableBlame> {
  const { node, table: tableText } = req.params as { node: string; table: string };
  const table = tableName(tableText);
  requireJsonFormat(req);
  const q = req.query as Query;
  const paged = tablePageQuery(ledger, q, BLAME_PAGE, `${node} ${table}`);
  const rv = paged?.rv ?? (await readRv(ledger, q.resourceVersion));
  requireNodeAt(ledger, node, rv);
  const key = str(q, 'key');
  // `contains`: the entries holding a text ("why does node-3 have a DNAT to 10.244.2.7?" is
  // `contains=--to-destination 10.244.2.7:`), so the question needs no scan of the table first.
  const contains = str(q, 'contains');
  const named = key === undefined ? () => true : keyMatcher(key, table);
  const meta = contains === undefined ? undefined : nodeEntryAt(ledger.store, ledger.engine.tables[table], node, NODE_META_KEY, rv, ledger.committedRv)?.value;
  const holds = containsOnNode(table, meta, contains);
  const wanted = (e: PastEntry) => named(e.key) && holds(e);
  const page = paged ? wantedPage(ledger, node, table, rv, paged.after, paged.limit, wanted) : { entries: (await nodeTable(ledger, node, table, rv)).entries.filter(wanted) };
  const entries = page.entries;
  const first = !paged || paged.after === '';
  if (first && contains !== undefined && !entries.length) {
    throw errors.notFound('tables', 'netledger.io', `${node}/${table}`, `no entry of node ${node}'s ${table} table${key === undefined ? '' : ` at key ${key}`} contains ${JSON.stringify(contains)} at resourceVersion ${rv}`);
  }
  if (first && key !== undefined && !entries.length) throw errors.notFound('tables', 'netledger.io', `${node}/${table}/${key}`, await notHeldMessage(ledger, node, table, key, rv));
  const events = await eventsFor(ledger, entries.map((e) => e.rv));
  const origins = await originsOf(ledger, events);
  const next = page.next === undefined ? undefined : encodeToken(BLAME_PAGE, `${node} ${table}`, { rv, after: page.next });
  return {
    kind: 'NodeTableBlame',
    apiVersion: 'netledger.io/v1',
    metadata: { name: node, resourceVersion: String(rv), ...(next ? { continue: next } : {}) },
    table,
    items: entries.map((e) => {
      const origin = origins.get(e.rv);
      return { key: e.key, value: e.value, resourceVersion: String(e.rv), cause: causeOf(events.get(e.rv), e.rv), origin: origin ? causeOf(origin, origin.rv) : null };
    }),
  };
}
