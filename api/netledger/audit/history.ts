// GET /apis/netledger.io/v1/nodes/{node}/tables/{table}/history[?key=K][&since=R][&until=R]
//   [&limit=N&continue=TOKEN]
// The changes a node saw in one table, newest first, each with the event that caused it: what the
// node held before and after, whichever of its two layers (the cluster's entries, its own) moved
// (store/node-history.ts). Paged by change id; the token pins `until` so pages stay consistent.

import type { FastifyRequest } from 'fastify';
import type { TableName } from '../../../projections/model.js';
import type { Ledger } from '../../../store/ledger.js';
import { nodeHistory } from '../../../store/node-history.js';
import { waitForRv } from '../../wait-rv.js';
import { causeOf, eventsFor, type Cause } from '../causes.js';
import { nodeExistedAt, requireJsonFormat, requireNodeEver, tableName } from '../tables.js';
import { originsOf } from './blame.js';
import { historyKeys } from './key-match.js';
import { decodeToken, encodeToken, listLimitParam, requireRetained, requireWalkable, rvParam, str, type Query } from './query.js';

export interface HistoryItem {
  resourceVersion: string;
  key: string;
  /** `node` when the node's own entry changed (this node only), else `cluster` (a change every
   * node not overriding the key saw). */
  scope: 'cluster' | 'node';
  /** `delete` when the node holds nothing at the key afterwards. */
  op: 'upsert' | 'delete';
  /** What the node holds afterwards (null for a delete). */
  value: unknown;
  /** What it held before, or null when nothing. */
  previous: unknown;
  cause: Cause | null;
  /** When the cause was derived (the endpoints controller, the pod GC): the event at the root
   * of its cause chain, the request behind it, as blame gives it. */
  origin: Cause | null;
}

export interface HistoryList {
  kind: 'NodeTableHistory';
  apiVersion: 'netledger.io/v1';
  metadata: { name: string; resourceVersion: string; continue?: string };
  table: string;
  items: HistoryItem[];
}

interface HistoryToken extends Record<string, number> {
  before: number;
  until: number;
  /** The retention floor when the token was issued (see requireWalkable). */
  floor: number;
}

export async function getHistory(req: FastifyRequest, ledger: Ledger): Promise<HistoryList> {
  const { node, table: tableText } = req.params as { node: string; table: string };
  const table = tableName(tableText);
  requireJsonFormat(req);
  requireNodeEver(ledger, node);
  const q = req.query as Query;
  const limit = listLimitParam(q);
  const floor = ledger.floorRv;
  const since = rvParam(q, 'since');
  if (since !== undefined) {
    requireRetained(ledger, since, 'since');
    // Ahead of the log, as `until` and `resourceVersion`: wait for it, then 504.
    await waitForRv(ledger, since);
  }
  const cont = str(q, 'continue');
  let until: number;
  let before: number | undefined;
  if (cont) {
    const t = decodeToken<HistoryToken>('history', historyOf(node, table, q), cont, { before: 'id', until: 'rv', floor: 'rv?' }, ledger.committedRv);
    // The walk goes down to `since` (or the oldest kept row): expired only if compaction since
    // the token was issued may have removed rows in that range.
    requireWalkable(ledger, t.floor, since ?? 0, 'read the history again');
    before = t.before;
    until = t.until;
  } else {
    const u = rvParam(q, 'until');
    if (u !== undefined) await waitForRv(ledger, u);
    until = u ?? ledger.committedRv;
  }
  const wanted = str(q, 'key');
  const keys = wanted === undefined ? undefined : await historyKeys(ledger, table, node, wanted);
  const existed = new Map<number, boolean>();
  const existedAt = (rv: number) => existed.get(rv) ?? existed.set(rv, nodeExistedAt(ledger, node, rv)).get(rv)!;
  // Above the floor only (store/node-history.ts): `since` below it was refused above.
  const after = Math.max(since ?? 0, floor);
  const { changes: page, beforeId: next } = await nodeHistory(ledger.store, table, node, { existedAt, keys, limit, beforeId: before, since: after, until });
  const events = await eventsFor(ledger, page.map((r) => r.rv));
  const origins = await originsOf(ledger, events);
  const list: HistoryList = {
    kind: 'NodeTableHistory',
    apiVersion: 'netledger.io/v1',
    metadata: { name: node, resourceVersion: String(until) },
    table,
    items: page.map((r) => ({
      resourceVersion: String(r.rv),
      key: r.key,
      scope: r.scope,
      op: r.op,
      value: r.value,
      previous: r.prev === undefined ? null : r.prev,
      cause: causeOf(events.get(r.rv), r.rv),
      origin: ((o) => (o ? causeOf(o, o.rv) : null))(origins.get(r.rv)),
    })),
  };
  if (next !== undefined) list.metadata.continue = encodeToken('history', historyOf(node, table, q), { before: next, until, floor });
  return list;
}

/** The list a history token pages: the node's table, and the key when one was asked for. */
function historyOf(node: string, table: TableName, q: Query): string {
  const key = str(q, 'key');
  return `${node} ${table}${key === undefined ? '' : ` key=${key}`}`;
}
