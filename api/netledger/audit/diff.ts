// GET /apis/netledger.io/v1/nodes/{node}/tables/{table}/diff?from=R1[&to=R2][&format=text]
// What changed in a node's table between two rvs: JSON lists of added, removed and changed
// entries, or (Accept: text/plain / ?format=text) a unified diff of the two text renderings.
// The entry diff costs what changed since R1; only the text form renders whole tables. A node
// that did not exist at one of the two rvs had no table there: the diff is its whole table at the
// other one, added or removed (a table read at such an rv is 404).

import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../../domain/errors.js';
import type { TableName } from '../../../projections/model.js';
import type { Ledger } from '../../../store/ledger.js';
import { lastChangeAt, livePair, nodeTableAt, nodeTablePageAt, rewindPair, undoPair } from '../../../store/table-history.js';
import { waitForRv } from '../../wait-rv.js';
import { commaSeparated, sendJson } from '../json-stream.js';
import { renderTable } from '../render.js';
import { nodeExistedAt, requireNodeEver, tableName, wantsText } from '../tables.js';
import { splitLines, unifiedDiff } from './line-diff.js';
import { decodeToken, encodeToken, limitParam, requireRetained, rvParam, str, type Query } from './query.js';
import { byKey, nodeTableStates, pairDifferences, wholeTable, type DiffRow, type TwoStates } from './table-states.js';
import { changedKeysBetween, changesOfKeys } from '../../../store/table-pages.js';

export interface EntryDiff {
  added: { key: string; value: unknown }[];
  removed: { key: string; value: unknown }[];
  changed: { key: string; from: unknown; to: unknown }[];
}

export interface NodeTableDiff extends EntryDiff {
  kind: 'NodeTableDiff';
  apiVersion: 'netledger.io/v1';
  metadata: { name: string; resourceVersion: string; continue?: string };
  table: TableName;
  from: string;
  to: string;
}

type Texts = Map<string, string | undefined>;

/** The keys (sorted) whose JSON text differs between two maps over the same keys. */
function differences(from: Texts, to: Texts): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const [key, a] of from) {
    const b = to.get(key);
    if (a !== b) rows.push([key, a, b]);
  }
  return rows.sort(byKey);
}

/** Entry-level difference of two key -> JSON text maps over the same keys. */
export function entryDiff(from: Texts, to: Texts): EntryDiff {
  const out: EntryDiff = { added: [], removed: [], changed: [] };
  for (const [key, a, b] of differences(from, to)) {
    if (a === undefined) out.added.push({ key, value: JSON.parse(b!) });
    else if (b === undefined) out.removed.push({ key, value: JSON.parse(a) });
    else out.changed.push({ key, from: JSON.parse(a), to: JSON.parse(b) });
  }
  return out;
}

/** The NodeTableDiff's three lists of the rows (sorted), values written as their own text. */
function* entryDiffJson(rows: readonly DiffRow[]): Generator<string> {
  const lists: Record<keyof EntryDiff, DiffRow[]> = { added: [], removed: [], changed: [] };
  for (const row of rows) lists[row[1] === undefined ? 'added' : row[2] === undefined ? 'removed' : 'changed'].push(row);
  const encode = ([key, a, b]: DiffRow) => `{"key":${JSON.stringify(key)},${a === undefined ? `"value":${b}` : b === undefined ? `"value":${a}` : `"from":${a},"to":${b}`}}`;
  for (const name of ['added', 'removed', 'changed'] as const) {
    yield `,"${name}":[`;
    yield* commaSeparated(lists[name], encode);
    yield ']';
  }
}

async function diffRv(ledger: Ledger, q: Query, name: 'from' | 'to'): Promise<number | undefined> {
  const rv = rvParam(q, name);
  if (rv === undefined) return undefined;
  await waitForRv(ledger, rv);
  requireRetained(ledger, rv, name);
  return rv;
}

export async function getDiff(req: FastifyRequest, reply: FastifyReply, ledger: Ledger): Promise<unknown> {
  const { node, table: tableText } = req.params as { node: string; table: string };
  const table = tableName(tableText);
  // A node created or deleted between the two rvs diffs against its empty table.
  requireNodeEver(ledger, node);
  const q = req.query as Query;
  const text = wantsText(req);
  const paged = await diffPageQuery(ledger, q, `${node} ${table}`);
  if (paged) {
    if (text) throw errors.badRequest('limit and continue page the JSON form; the text form is always the whole diff');
    return sendJson(reply, diffPage(ledger, table, node, paged));
  }
  const from = await diffRv(ledger, q, 'from');
  if (from === undefined) throw errors.badRequest('from: a resourceVersion is required (diff?from=R1[&to=R2])');
  const to = (await diffRv(ledger, q, 'to')) ?? ledger.committedRv;
  const existed = { from: nodeExistedAt(ledger, node, from), to: nodeExistedAt(ledger, node, to) };
  if (!existed.from || !existed.to) return diffAcrossLife(reply, ledger, table, node, { from, to }, existed, text);
  if (text) {
    const states = nodeTableStates(ledger, table, node, Math.min(from, to), Math.max(from, to));
    const body = await textDiff(ledger, table, node, states, { from, to });
    reply.type('text/plain; charset=utf-8').header('X-Netledger-Resource-Version', String(states.liveRv));
    return body;
  }
  const liveRv = ledger.committedRv;
  const pair = rewindPair(ledger.store, table, node, Math.min(from, to), Math.max(from, to), liveRv, false);
  const rows = pairDifferences(pair, ledger.engine.tables[table], node, from > to);
  const head: DiffHead = { kind: 'NodeTableDiff', apiVersion: 'netledger.io/v1', metadata: { name: node, resourceVersion: String(liveRv) }, table, from: String(from), to: String(to) };
  return sendJson(reply, nodeTableDiffJson(head, rows));
}

type DiffHead = Omit<NodeTableDiff, keyof EntryDiff>;

/** The diff when the node did not exist at one rv (or either): its whole table at the other one
 * against nothing. */
async function diffAcrossLife(
  reply: FastifyReply,
  ledger: Ledger,
  table: TableName,
  node: string,
  rvs: { from: number; to: number },
  existed: { from: boolean; to: boolean },
  text: boolean,
): Promise<unknown> {
  const at = existed.from || existed.to ? nodeTableAt(ledger.store, ledger.engine.tables[table], node, existed.from ? rvs.from : rvs.to, ledger.committedRv) : undefined;
  const liveRv = ledger.committedRv;
  if (text) {
    const rendered = at ? splitLines(renderTable(table, new Map(at.entries.map((e) => [e.key, e.value])), { config: ledger.state.config, serial: await lastChangeAt(ledger.store, table, existed.from ? rvs.from : rvs.to) })) : [];
    const [a, b] = existed.from ? [rendered, []] : [[], rendered];
    reply.type('text/plain; charset=utf-8').header('X-Netledger-Resource-Version', String(liveRv));
    return unifiedDiff(a, b, { from: `${node}/${table}@${rvs.from}`, to: `${node}/${table}@${rvs.to}` });
  }
  const head: DiffHead = { kind: 'NodeTableDiff', apiVersion: 'netledger.io/v1', metadata: { name: node, resourceVersion: String(liveRv) }, table, from: String(rvs.from), to: String(rvs.to) };
  return sendJson(reply, nodeTableDiffJson(head, againstNothing(at?.entries ?? [], existed.from)));
}

/** A table's entries (sorted) as rows present on one side and absent on the other (`onFromSide`:
 * the entries are the `from` side's). */
function againstNothing(entries: readonly { key: string; text: string }[], onFromSide: boolean): DiffRow[] {
  return entries.map((e) => (onFromSide ? [e.key, e.text, undefined] : [e.key, undefined, e.text]));
}

const DIFF_PAGE = 'nodetablediff';

interface DiffPageQuery {
  from: number;
  to: number;
  /** The page holds keys sorting after this one. */
  after: string;
  limit: number;
}

/** `?limit=N[&continue=T]`: a page of the diff in key order, `to` pinned by the first page (the
 * head when absent); undefined when the whole diff was asked for. */
/** `of`: the node and table the diff pages (a token of another is refused). */
async function diffPageQuery(ledger: Ledger, q: Query, of: string): Promise<DiffPageQuery | undefined> {
  const cont = str(q, 'continue');
  if (cont === undefined && str(q, 'limit') === undefined) return undefined;
  const limit = limitParam(q);
  if (cont === undefined) {
    const from = await diffRv(ledger, q, 'from');
    if (from === undefined) throw errors.badRequest('from: a resourceVersion is required (diff?from=R1[&to=R2])');
    return { from, to: (await diffRv(ledger, q, 'to')) ?? ledger.committedRv, after: '', limit };
  }
  if (str(q, 'from') !== undefined || str(q, 'to') !== undefined) throw errors.badRequest('from and to are fixed by the first page: a continue token takes neither');
  const t = decodeToken<{ from: number; to: number; after: string }>(DIFF_PAGE, of, cont, { from: 'rv', to: 'rv', after: 'key' }, ledger.committedRv);
  if (Math.min(t.from, t.to) < ledger.floorRv) throw errors.expired(`the continue token's resourceVersion ${Math.min(t.from, t.to)} is below the retention floor ${ledger.floorRv}; start the diff again`);
  return { from: t.from, to: t.to, after: t.after, limit };
}

/**
 * One page of a diff: the next `limit` keys (in key order) that changed between the two rvs, and
 * their values at both, from those keys' history alone. Synchronous, so the live entries and the
 * rows read are one snapshot; a page costs what its keys hold, not what the whole diff holds.
 */
function diffPage(ledger: Ledger, table: TableName, node: string, p: DiffPageQuery): Generator<string> {
  const older = Math.min(p.from, p.to);
  const newer = Math.max(p.from, p.to);
  const existed = { from: nodeExistedAt(ledger, node, p.from), to: nodeExistedAt(ledger, node, p.to) };
  if (!existed.from || !existed.to) {
    // Across the node's creation or deletion: pages of its whole table at the rv it existed at.
    const page =
      existed.from || existed.to
        ? nodeTablePageAt(ledger.store, ledger.engine.tables[table], node, existed.from ? p.from : p.to, ledger.committedRv, p.after, p.limit)
        : { entries: [], next: undefined };
    const next = page.next === undefined ? undefined : encodeToken(DIFF_PAGE, `${node} ${table}`, { from: p.from, to: p.to, after: page.next });
    const head: DiffHead = { kind: 'NodeTableDiff', apiVersion: 'netledger.io/v1', metadata: { name: node, resourceVersion: String(ledger.committedRv), continue: next }, table, from: String(p.from), to: String(p.to) };
    return nodeTableDiffJson(head, againstNothing(page.entries, existed.from));
  }
  const keys = changedKeysBetween(ledger.store, table, node, older, newer, p.after, p.limit);
  const pair = livePair();
  for (const change of changesOfKeys(ledger.store, table, node, older, keys)) undoPair(pair, newer, change, false);
  const rows = pairDifferences(pair, ledger.engine.tables[table], node, p.from > p.to);
  const next = keys.length === p.limit ? encodeToken(DIFF_PAGE, `${node} ${table}`, { from: p.from, to: p.to, after: keys[keys.length - 1]! }) : undefined;
  const metadata = { name: node, resourceVersion: String(ledger.committedRv), continue: next };
  const head: DiffHead = { kind: 'NodeTableDiff', apiVersion: 'netledger.io/v1', metadata, table, from: String(p.from), to: String(p.to) };
  return nodeTableDiffJson(head, rows);
}

/** A NodeTableDiff written from the entries' JSON text (a diff across 10,000 rvs at the envelope
 * is ~17 MB: parsing it only to serialize it again doubled its cost). */
function* nodeTableDiffJson(head: DiffHead, rows: readonly DiffRow[]): Generator<string> {
  yield JSON.stringify(head).slice(0, -1);
  yield* entryDiffJson(rows);
  yield '}';
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
