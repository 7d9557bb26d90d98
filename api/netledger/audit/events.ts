// GET /apis/netledger.io/v1/events?since=R&until=R&sinceTime=T&untilTime=T&kind=K&namespace=NS
//   &name=N&actor=A&fieldSelector=kind=K,…&limit=N&continue=TOKEN
// The event log, oldest first, as an EventList (or a meta.k8s.io Table for kubectl get). `since`
// is exclusive (events after R, as a watch from R would deliver them), `until` inclusive. The
// first page pins `until` to the committed rv and every continue token carries it, so paging is
// consistent while writes go on.

import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../../../domain/errors.js';
import type { LogEvent } from '../../../domain/events.js';
import { CONFIG_KIND, KIND_INFO, type StoredKind } from '../../../domain/kinds.js';
import { RESOURCES } from '../../../domain/schemas/resources.js';
import { SelectorParseError } from '../../../domain/selectors/errors.js';
import { parseFieldSelector, type FieldSelector } from '../../../domain/selectors/fields.js';
import { eventsPage, timeAtRv, type EventFilter } from '../../../store/audit-queries.js';
import type { Ledger } from '../../../store/ledger.js';
import { negotiate } from '../../negotiate.js';
import { requireJsonFormat } from '../tables.js';
import { parseIncludeObject } from '../../printers/index.js';
import { waitForRv } from '../../wait-rv.js';
import { eventsTable } from './events-table.js';
import { decodeToken, encodeToken, listLimitParam, refuseWatch, requireRetained, requireWalkable, rvParam, str, timeParam, type Query } from './query.js';

export interface EventItem {
  resourceVersion: string;
  time: string;
  actor: string;
  /** Only when the actor was impersonated: the authenticated user who sent Impersonate-User. */
  impersonatedBy?: string;
  /**
   * With `kind`, the changed object's type (`v1`, `discovery.k8s.io/v1`). Kubernetes clients
   * (kubectl -o yaml) refuse a list item with a kind and no apiVersion; naming the changed
   * object's type keeps `kind` meaning what it always meant here.
   */
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  type: string;
  /** resourceVersion of the event this one was derived from (endpoints controller), or null. */
  cause: string | null;
  requestId: string | null;
  object: unknown;
}

export interface EventList {
  kind: 'EventList';
  apiVersion: 'netledger.io/v1';
  metadata: { resourceVersion: string; continue?: string };
  items: EventItem[];
}

function apiVersionOf(kind: string): string {
  return kind === CONFIG_KIND ? 'netledger.io/v1' : (KIND_INFO[kind as StoredKind]?.apiVersion ?? 'v1');
}

export function eventItem(e: LogEvent): EventItem {
  return {
    resourceVersion: String(e.rv),
    time: e.time,
    actor: e.actor,
    ...(e.impersonatedBy ? { impersonatedBy: e.impersonatedBy } : {}),
    apiVersion: apiVersionOf(e.kind),
    kind: e.kind,
    namespace: e.namespace,
    name: e.name,
    uid: e.uid,
    type: e.type,
    cause: e.cause === null ? null : String(e.cause),
    requestId: e.requestId,
    object: e.object,
  };
}

const KINDS = new Map<string, string>([[CONFIG_KIND.toLowerCase(), CONFIG_KIND]]);
for (const info of Object.values(KIND_INFO)) {
  KINDS.set(info.kind.toLowerCase(), info.kind);
  KINDS.set(info.resource, info.kind);
}
// kubectl's short names (svc, po, ep, no, ns) name kinds too.
for (const r of RESOURCES) if (r.serving === 'generic') for (const short of r.shortNames) KINDS.set(short, r.kind);

/** `Pod`, `pod`, `pods` and `po` all name the kind Pod, as kubectl accepts them. */
export function kindOf(text: string): string {
  const k = KINDS.get(text.toLowerCase());
  if (!k) throw errors.badRequest(`kind: unknown kind "${text}": known kinds are ${[...new Set(KINDS.values())].join(', ')}`);
  return k;
}

const FILTER_FIELDS = ['kind', 'namespace', 'name', 'actor'] as const;
type FilterField = (typeof FILTER_FIELDS)[number];

/**
 * The filters asked for, as query parameters or as a fieldSelector on the same fields (kubectl get
 * events.netledger.io --field-selector kind=Pod), equality only. A selector the log cannot
 * honour is a 400, never silently ignored: a field it lacks (`field label not supported`, as
 * kube-apiserver says), `!=`, a labelSelector (events have no labels), or a selector that
 * contradicts a parameter.
 */
function filterFields(q: Query): Partial<Record<FilterField, string>> {
  const out: Partial<Record<FilterField, string>> = {};
  for (const f of FILTER_FIELDS) out[f] = str(q, f);
  const labels = str(q, 'labelSelector');
  if (labels !== undefined && labels.trim() !== '') {
    throw errors.badRequest(`labelSelector: the event log's items have no labels; select with fieldSelector on ${FILTER_FIELDS.join(', ')}`);
  }
  const text = str(q, 'fieldSelector');
  if (text === undefined) return out;
  let selector: FieldSelector;
  try {
    selector = parseFieldSelector(text);
  } catch (e) {
    if (e instanceof SelectorParseError) throw errors.badRequest(e.message);
    throw e;
  }
  for (const r of selector.requirements) {
    const field = FILTER_FIELDS.find((f) => f === r.field);
    if (!field) throw errors.badRequest(`field label not supported: ${r.field}`);
    if (r.operator === '!=') throw errors.badRequest(`fieldSelector ${r.field}!=${r.value}: the event log selects by equality only`);
    const given = out[field];
    // Kinds compare as kinds: `pods` and `Pod` name one.
    const same = (a: string, b: string) => (field === 'kind' ? kindOf(a) === kindOf(b) : a === b);
    if (given !== undefined && !same(given, r.value)) throw errors.badRequest(`fieldSelector ${r.field}=${r.value} contradicts ${field}=${given}`);
    out[field] = r.value;
  }
  return out;
}

/** The one event log: its tokens name it for the same checks as the per-node lists'. */
const EVENTS_OF = 'the event log';

interface EventsToken extends Record<string, number> {
  after: number;
  until: number;
  /** The retention floor when the token was issued: rows below it were already the kept snapshot. */
  floor: number;
}

/** Where a page starts: after `since` (410 below the floor) or where the token left off. */
async function position(q: Query, ledger: Ledger): Promise<{ after: number; until: number }> {
  const cont = str(q, 'continue');
  if (cont) {
    const t = decodeToken<EventsToken>('events', EVENTS_OF, cont, { after: 'rv', until: 'rv', floor: 'rv?' }, ledger.committedRv);
    requireWalkable(ledger, t.floor, t.after, 'list the events again');
    return { after: t.after, until: t.until };
  }
  const since = rvParam(q, 'since');
  if (since !== undefined) {
    requireRetained(ledger, since, 'since');
    // Ahead of the log, as `until` and `resourceVersion`: wait for it, then 504.
    await waitForRv(ledger, since);
  }
  const untilParam = rvParam(q, 'until');
  if (untilParam !== undefined) await waitForRv(ledger, untilParam);
  return { after: since ?? 0, until: untilParam ?? ledger.committedRv };
}

export async function listEvents(req: FastifyRequest, reply: FastifyReply, ledger: Ledger): Promise<unknown> {
  const q = req.query as Query;
  // Discovery lists `list` alone for events: a watch would get a list it cannot read as events.
  refuseWatch(q);
  requireJsonFormat(req);
  const table = negotiate(req.headers.accept).table;
  const includeObject = (table && parseIncludeObject(str(q, 'includeObject'))) || 'Metadata';
  const limit = listLimitParam(q);
  const floor = ledger.floorRv;
  const { after, until } = await position(q, ledger);
  const fields = filterFields(q);
  const filter: EventFilter = {
    after,
    until,
    kind: fields.kind === undefined ? undefined : kindOf(fields.kind),
    namespace: fields.namespace,
    name: fields.name,
    actor: fields.actor,
    sinceTime: timeParam(q, 'sinceTime'),
    untilTime: timeParam(q, 'untilTime'),
  };
  const events = await eventsPage(ledger.store, filter, limit + 1);
  const page = events.slice(0, limit);
  const list: EventList = { kind: 'EventList', apiVersion: 'netledger.io/v1', metadata: { resourceVersion: String(until) }, items: page.map(eventItem) };
  if (events.length > limit) list.metadata.continue = encodeToken('events', EVENTS_OF, { after: page[page.length - 1]!.rv, until, floor });
  await floorHeaders(reply, ledger, floor);
  return table ? eventsTable(list, includeObject, new Date(), table.apiVersion) : list;
}

/**
 * Where the log's complete history begins, for clients that turn times into rvs (`netledger
 * history --since 1h`): below the floor only each object's last event is left.
 */
async function floorHeaders(reply: FastifyReply, ledger: Ledger, floor: number): Promise<void> {
  reply.header('x-netledger-retention-floor', String(floor));
  if (floor === 0) return;
  const time = await timeAtRv(ledger.store, floor);
  if (time) reply.header('x-netledger-retention-floor-time', time);
}
