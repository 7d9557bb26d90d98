// Names the event behind an entry or change: the `cause` every table read and history line
// carries (which object, which kind of change, who, when).

import type { LogEvent } from '../../domain/events.js';
import type { Ledger } from '../../store/ledger.js';
import type { EventHeader } from '../../store/event-store.js';

export interface Cause {
  resourceVersion: string;
  kind: string;
  namespace: string;
  name: string;
  type: string;
  actor: string;
  time: string;
}

export function causeOf(ev: Omit<LogEvent, 'object'> | undefined, rv: number): Cause | null {
  if (!ev) return rv > 0 ? { resourceVersion: String(rv), kind: '', namespace: '', name: '', type: '', actor: '', time: '' } : null;
  return { resourceVersion: String(ev.rv), kind: ev.kind, namespace: ev.namespace, name: ev.name, type: ev.type, actor: ev.actor, time: ev.time };
}

/** Event headers by rv, many at once: the watch cache first, the log for the rest. */
export async function eventsFor(ledger: Ledger, rvs: Iterable<number>): Promise<Map<number, EventHeader>> {
  const out = new Map<number, EventHeader>();
  const missing: number[] = [];
  for (const rv of new Set(rvs)) {
    if (rv <= 0) continue;
    const hit = ledger.cache.at(rv);
    if (hit) out.set(rv, hit.event);
    else missing.push(rv);
  }
  for (const [rv, ev] of await ledger.store.eventsByRv(missing)) out.set(rv, ev);
  return out;
}

/** The cause of each rv (null for rv 0, a bare rv when the event is gone). */
export async function causesFor(ledger: Ledger, rvs: Iterable<number>): Promise<Map<number, Cause | null>> {
  const wanted = [...new Set(rvs)];
  const events = await eventsFor(ledger, wanted);
  return new Map(wanted.map((rv) => [rv, causeOf(events.get(rv), rv)]));
}
