// GET /apis/netledger.io/v1/events?since=R&until=R&sinceTime=T&untilTime=T&kind=K&namespace=NS
//   &name=N&actor=A&limit=N&continue=TOKEN
// The event log, oldest first, as an EventList. `since` is exclusive (events after R, as a watch
// from R would deliver them), `until` inclusive. The first page pins `until` to the committed rv
// and every continue token carries it, so paging is consistent while writes go on.

import type { FastifyRequest } from 'fastify';
import { errors } from '../../../domain/errors.js';
import type { LogEvent } from '../../../domain/events.js';
import { CONFIG_KIND, KIND_INFO } from '../../../domain/kinds.js';
import { eventsPage, type EventFilter } from '../../../store/audit-queries.js';
import type { Ledger } from '../../../store/ledger.js';
import { waitForRv } from '../../wait-rv.js';
import { decodeToken, encodeToken, limitParam, requireRetained, rvParam, str, timeParam, type Query } from './query.js';

export interface EventItem {
  resourceVersion: string;
  time: string;
  actor: string;
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

export function eventItem(e: LogEvent): EventItem {
  return {
    resourceVersion: String(e.rv),
    time: e.time,
    actor: e.actor,
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

/** `Pod`, `pod` and `pods` all name the kind Pod, as kubectl accepts them. */
export function kindOf(text: string): string {
  const k = KINDS.get(text.toLowerCase());
  if (!k) throw errors.badRequest(`kind: unknown kind "${text}": known kinds are ${[...new Set(KINDS.values())].join(', ')}`);
  return k;
}

interface EventsToken extends Record<string, number> {
  after: number;
  until: number;
}

export async function listEvents(req: FastifyRequest, ledger: Ledger): Promise<EventList> {
  const q = req.query as Query;
  const limit = limitParam(q);
  const cont = str(q, 'continue');
  let after: number;
  let until: number;
  if (cont) {
    const t = decodeToken<EventsToken>('events', cont, ['after', 'until']);
    after = t.after;
    until = t.until;
    requireRetained(ledger, after, 'continue token position');
  } else {
    after = rvParam(q, 'since') ?? 0;
    if (rvParam(q, 'since') !== undefined) requireRetained(ledger, after, 'since');
    const untilParam = rvParam(q, 'until');
    if (untilParam !== undefined) await waitForRv(ledger, untilParam);
    until = untilParam ?? ledger.committedRv;
  }
  const kind = str(q, 'kind');
  const filter: EventFilter = {
    after,
    until,
    kind: kind === undefined ? undefined : kindOf(kind),
    namespace: str(q, 'namespace'),
    name: str(q, 'name'),
    actor: str(q, 'actor'),
    sinceTime: timeParam(q, 'sinceTime'),
    untilTime: timeParam(q, 'untilTime'),
  };
  const events = await eventsPage(ledger.store, filter, limit + 1);
  const page = events.slice(0, limit);
  const list: EventList = { kind: 'EventList', apiVersion: 'netledger.io/v1', metadata: { resourceVersion: String(until) }, items: page.map(eventItem) };
  if (events.length > limit) list.metadata.continue = encodeToken('events', { after: page[page.length - 1]!.rv, until });
  return list;
}
