// GET /apis/netledger.io/v1/nodes/{node}/tables/{table}[?resourceVersion=R][&format=text]
// A node's table now or at a past rv, every entry with the event that last changed it.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../domain/errors.js';
import { TABLE_NAMES, type TableName } from '../../projections/model.js';
import { firstEventTypeAfter, lastEventOf } from '../../store/audit-queries.js';
import type { Ledger } from '../../store/ledger.js';
import { lastChangeAt, nodeEntryAt, nodeTableAt, nodeTablePageAt, type PastEntry } from '../../store/table-history.js';
import { decodeToken, encodeToken, limitParam, str, type Query } from './audit/query.js';
import { waitForRv } from '../wait-rv.js';
import { causesFor, causeTexts } from './causes.js';
import { sendJson } from './json-stream.js';
import { entriesJson } from './entry-bytes.js';
import { renderTable } from './render.js';

export interface NodeTableAt {
  rv: number;
  /** Keys sorted. */
  entries: PastEntry[];
  digest: string;
  serial: number;
}

/** What a NodeTable document carries: a page has no digest (that would rewind the whole table)
 * and, when more entries follow, a continue token. */
export interface NodeTableBody {
  rv: number;
  entries: PastEntry[];
  digest?: string;
  continue?: string;
}

export function tableName(text: string): TableName {
  if (!(TABLE_NAMES as readonly string[]).includes(text)) {
    throw errors.notFound('tables', 'netledger.io', text);
  }
  return text as TableName;
}

export function requireNode(ledger: Ledger, node: string): void {
  if (!ledger.state.nodes.has(node)) throw errors.notFound('nodes', '', node);
}

/**
 * For reads of the past: the node existed at `rv` (a node deleted since is still audited as it
 * was; before it was created, or after its deletion, it has no table: 404 naming the rv).
 */
export function requireNodeAt(ledger: Ledger, node: string, rv: number): void {
  if (nodeExistedAt(ledger, node, rv)) return;
  if (rv >= ledger.committedRv) {
    // A node deleted since: say when, and that its past stays readable.
    const last = lastEventOf(ledger.store, 'Node', '', node);
    if (last?.type === 'DELETED') {
      throw errors.notFound('nodes', '', node, `nodes "${node}" not found: deleted at resourceVersion ${last.rv}; its tables stay readable at the resourceVersions when it existed (resourceVersion=${last.rv - 1}, netledger … --at ${last.rv - 1})`);
    }
    throw errors.notFound('nodes', '', node);
  }
  throw errors.notFound('nodes', '', node, `nodes "${node}" did not exist at resourceVersion ${rv}`);
}

/** For history: the node exists now or once did (any Node event is logged for it). */
export function requireNodeEver(ledger: Ledger, node: string): void {
  if (ledger.state.nodes.has(node) || firstEventTypeAfter(ledger.store, 'Node', '', node, 0) !== undefined) return;
  throw errors.notFound('nodes', '', node);
}

/** Whether the node existed at rv: its first Node event after rv is not its creation. */
export function nodeExistedAt(ledger: Ledger, node: string, rv: number): boolean {
  const next = firstEventTypeAfter(ledger.store, 'Node', '', node, rv);
  return next === undefined ? ledger.state.nodes.has(node) : next !== 'ADDED';
}

/** Parses ?resourceVersion for a table read: waits for a future rv, 410 below the floor. */
export async function readRv(ledger: Ledger, text: unknown): Promise<number> {
  if (text === undefined || text === '' || text === '0') return ledger.committedRv;
  const rv = Number(text);
  if (!Number.isInteger(rv) || rv < 0) throw errors.badRequest(`invalid resource version: ${String(text)}`);
  await waitForRv(ledger, rv);
  if (rv < ledger.floorRv) throw errors.gone(`resourceVersion ${rv} is below the retention floor ${ledger.floorRv}; tables are readable from ${ledger.floorRv}`);
  return rv;
}

export async function nodeTable(ledger: Ledger, node: string, table: TableName, rv: number): Promise<NodeTableAt> {
  const set = ledger.engine.tables[table];
  const live = rv >= ledger.committedRv;
  const { entries, digest } = nodeTableAt(ledger.store, set, node, rv, ledger.committedRv);
  const serial = live ? set.lastChangeRv : await lastChangeAt(ledger.store, table, rv);
  return { rv, entries, digest, serial };
}

/** `?underlay=IFACE` (routes text): an interface name as the kernel takes one (IFNAMSIZ 16). */
function underlayParam(q: Query): string | undefined {
  const v = str(q, 'underlay');
  if (v === undefined) return undefined;
  if (!/^[A-Za-z0-9_.@-]{1,15}$/.test(v)) throw errors.badRequest(`underlay: ${JSON.stringify(v)} is not an interface name (1-15 of letters, digits, '_', '.', '-', '@')`);
  return v;
}

/** A list with no text form (history, blame, the event log): `format` may only name JSON. */
export function requireJsonFormat(req: FastifyRequest): void {
  const f = (req.query as Record<string, unknown>).format;
  if (f !== undefined && f !== '' && f !== 'json') throw errors.badRequest(`format: Unsupported value: ${JSON.stringify(f)}: supported values: "json"`);
}

export function wantsText(req: FastifyRequest): boolean {
  const q = req.query as Record<string, unknown>;
  if (q.format === 'text') return true;
  if (q.format === 'json') return false;
  if (q.format !== undefined && q.format !== '') throw errors.badRequest(`format: Unsupported value: ${JSON.stringify(q.format)}: supported values: "json", "text"`);
  const accept = req.headers.accept ?? '';
  return accept.startsWith('text/plain');
}

export async function getNodeTable(req: FastifyRequest, reply: FastifyReply, ledger: Ledger): Promise<unknown> {
  const { node, table: tableText } = req.params as { node: string; table: string };
  const table = tableName(tableText);
  const q = req.query as Query;
  const paged = tablePageQuery(ledger, q, TABLE_PAGE, `${node} ${table}`);
  if (paged) {
    if (wantsText(req)) throw errors.badRequest('limit and continue page the JSON form; the text form is always the whole table');
    const rv = paged.rv ?? (await readRv(ledger, q.resourceVersion));
    requireNodeAt(ledger, node, rv);
    const page = nodeTablePageAt(ledger.store, ledger.engine.tables[table], node, rv, ledger.committedRv, paged.after, paged.limit);
    const causes = await causeTexts(ledger, page.entries.map((e) => e.rv));
    const next = page.next === undefined ? undefined : encodeToken(TABLE_PAGE, `${node} ${table}`, { rv, after: page.next });
    return sendJson(reply, nodeTableJson(node, table, { rv, entries: page.entries, continue: next }, causes));
  }
  const rv = await readRv(ledger, q.resourceVersion);
  requireNodeAt(ledger, node, rv);
  if (typeof q.key === 'string' && q.key !== '') return nodeTableKey(ledger, node, table, q.key, rv);
  const at = await nodeTable(ledger, node, table, rv);
  if (wantsText(req)) {
    reply.type('text/plain; charset=utf-8').header('X-Netledger-Digest', at.digest).header('X-Netledger-Resource-Version', String(rv));
    const zone = typeof q.zone === 'string' && q.zone !== '' ? q.zone : undefined;
    const underlay = underlayParam(q);
    return renderTable(table, new Map(at.entries.map((e) => [e.key, e.value])), { config: ledger.state.config, serial: at.serial, ...(zone ? { zone } : {}), ...(underlay ? { underlay } : {}) });
  }
  const causes = await causeTexts(ledger, at.entries.map((e) => e.rv));
  return sendJson(reply, nodeTableJson(node, table, at, causes));
}

/**
 * The NodeTable document written from the entries' own JSON text: a node's table at the envelope
 * is 100k+ entries, and parsing values back into objects only for fastify to serialize them
 * again was most of a whole-table read.
 */
export function* nodeTableJson(node: string, table: TableName, at: NodeTableBody, causes: ReadonlyMap<number, string>): Generator<string | Buffer> {
  const metadata = JSON.stringify({ name: node, resourceVersion: String(at.rv), continue: at.continue });
  const digest = at.digest === undefined ? '' : `"digest":"${at.digest}",`;
  yield `{"kind":"NodeTable","apiVersion":"netledger.io/v1","metadata":${metadata},"table":"${table}",${digest}"entries":[`;
  yield* entriesJson(at.entries, causes);
  yield ']}';
}

const TABLE_PAGE = 'nodetable';

/**
 * `?limit=N[&continue=T]`: a page of a node's table (or of what is read from it: `kind` names
 * the list the token continues) in key order, pinned to the rv of the first page (as a
 * Kubernetes list is), or undefined when the whole table was asked for. A page costs what its
 * keys hold and their history since the rv: a whole table at the envelope is ~50 MB.
 */
export function tablePageQuery(ledger: Ledger, q: Query, kind: string, of: string): { limit: number; after: string; rv?: number } | undefined {
  const cont = str(q, 'continue');
  if (cont === undefined && str(q, 'limit') === undefined) return undefined;
  if (kind === TABLE_PAGE && typeof q.key === 'string' && q.key !== '') throw errors.badRequest('key reads one entry: it takes no limit or continue');
  const limit = limitParam(q);
  if (cont === undefined) return { limit, after: '' };
  if (str(q, 'resourceVersion') !== undefined) throw errors.badRequest('specifying resource version is not allowed when using continue');
  const t = decodeToken<{ rv: number; after: string }>(kind, of, cont, { rv: 'rv', after: 'key' }, ledger.committedRv);
  if (t.rv < ledger.floorRv) throw errors.expired(`the continue token's resourceVersion ${t.rv} is below the retention floor ${ledger.floorRv}; start the read again`);
  return { limit, after: t.after, rv: t.rv };
}

/** `?key=K`: one entry of the table (now or at R) with its cause, without reading the rest. */
async function nodeTableKey(ledger: Ledger, node: string, table: TableName, key: string, rv: number): Promise<unknown> {
  const e = nodeEntryAt(ledger.store, ledger.engine.tables[table], node, key, rv, ledger.committedRv);
  const causes = e ? await causesFor(ledger, [e.rv]) : new Map();
  return {
    kind: 'NodeTable',
    apiVersion: 'netledger.io/v1',
    metadata: { name: node, resourceVersion: String(rv) },
    table,
    entries: e ? [{ key: e.key, value: e.value, resourceVersion: String(e.rv), cause: causes.get(e.rv) ?? null }] : [],
  };
}
