// GET /apis/netledger.io/v1/nodes/{node}/tables/{table}/diff?from=R1[&to=R2][&format=text]
// What changed in a node's table between two rvs: JSON lists of added, removed and changed
// entries, or (Accept: text/plain / ?format=text) a unified diff of the two text renderings.
// The entry diff costs what changed since R1; only the text form renders whole tables.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../../domain/errors.js';
import type { TableName } from '../../../projections/model.js';
import type { Ledger } from '../../../store/ledger.js';
import { lastChangeAt } from '../../../store/table-history.js';
import { waitForRv } from '../../wait-rv.js';
import { renderTable } from '../render.js';
import { requireNode, tableName, wantsText } from '../tables.js';
import { splitLines, unifiedDiff } from './line-diff.js';
import { requireRetained, rvParam, type Query } from './query.js';
import { nodeTableStates, wholeTable, type TwoStates } from './table-states.js';

export interface EntryDiff {
  added: { key: string; value: unknown }[];
  removed: { key: string; value: unknown }[];
  changed: { key: string; from: unknown; to: unknown }[];
}

export interface NodeTableDiff extends EntryDiff {
  kind: 'NodeTableDiff';
  apiVersion: 'netledger.io/v1';
  metadata: { name: string; resourceVersion: string };
  table: TableName;
  from: string;
  to: string;
}

/** Entry-level difference of two key -> JSON text maps over the same keys. */
export function entryDiff(from: Map<string, string | undefined>, to: Map<string, string | undefined>): EntryDiff {
  const out: EntryDiff = { added: [], removed: [], changed: [] };
  for (const key of [...from.keys()].sort()) {
    const a = from.get(key);
    const b = to.get(key);
    if (a === b) continue;
    if (a === undefined) out.added.push({ key, value: JSON.parse(b!) });
    else if (b === undefined) out.removed.push({ key, value: JSON.parse(a) });
    else out.changed.push({ key, from: JSON.parse(a), to: JSON.parse(b) });
  }
  return out;
}

async function diffRv(ledger: Ledger, q: Query, name: 'from' | 'to'): Promise<number | undefined> {
  const rv = rvParam(q, name);
  if (rv === undefined) return undefined;
  await waitForRv(ledger, rv);
  requireRetained(ledger, rv, `${name} resourceVersion`);
  return rv;
}

export async function getDiff(req: FastifyRequest, reply: FastifyReply, ledger: Ledger): Promise<unknown> {
  const { node, table: tableText } = req.params as { node: string; table: string };
  const table = tableName(tableText);
  requireNode(ledger, node);
  const q = req.query as Query;
  const from = await diffRv(ledger, q, 'from');
  if (from === undefined) throw errors.badRequest('from: a resourceVersion is required (diff?from=R1[&to=R2])');
  const to = (await diffRv(ledger, q, 'to')) ?? ledger.committedRv;
  const text = wantsText(req);
  const states = await nodeTableStates(ledger, table, node, Math.min(from, to), Math.max(from, to), text);
  const fromState = from <= to ? states.older : states.newer;
  const toState = from <= to ? states.newer : states.older;
  if (text) {
    const body = await textDiff(ledger, table, node, states, { from, to });
    reply.type('text/plain; charset=utf-8').header('X-Netledger-Resource-Version', String(states.liveRv));
    return body;
  }
  const result: NodeTableDiff = {
    kind: 'NodeTableDiff',
    apiVersion: 'netledger.io/v1',
    metadata: { name: node, resourceVersion: String(states.liveRv) },
    table,
    from: String(from),
    to: String(to),
    ...entryDiff(fromState, toState),
  };
  return result;
}

async function textDiff(ledger: Ledger, table: TableName, node: string, states: TwoStates, rvs: { from: number; to: number }): Promise<string> {
  const config = ledger.state.config;
  // The DNS SOA serial is the table's last change at that rv (live when nothing moved since).
  const serialAt = async (rv: number) =>
    rv >= states.liveRv && ledger.committedRv === states.liveRv ? ledger.engine.tables[table].lastChangeRv : lastChangeAt(ledger.store, table, Math.min(rv, states.liveRv));
  const render = async (rv: number) => {
    const which = rv === Math.min(rvs.from, rvs.to) ? 'older' : 'newer';
    return splitLines(renderTable(table, wholeTable(states, which), { config, serial: await serialAt(rv) }));
  };
  const a = await render(rvs.from);
  const b = await render(rvs.to);
  return unifiedDiff(a, b, { from: `${node}/${table}@${rvs.from}`, to: `${node}/${table}@${rvs.to}` });
}
