// Names the event behind an entry or change: the `cause` every table read and history line
// carries (which object, which kind of change, who, when).

import type { LogEvent } from '../../domain/events.js';
import type { Ledger } from '../../store/ledger.js';

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

/** Looks up many rvs at once: the watch cache first, the log for the rest. */
export async function causesFor(ledger: Ledger, rvs: Iterable<number>): Promise<Map<number, Cause | null>> {
  const wanted = [...new Set(rvs)];
  const out = new Map<number, Cause | null>();
  const missing: number[] = [];
  for (const rv of wanted) {
    const hit = ledger.cache.at(rv);
    if (hit) out.set(rv, causeOf(hit.event, rv));
    else missing.push(rv);
  }
  const found = await ledger.store.eventsByRv(missing);
  for (const rv of missing) out.set(rv, causeOf(found.get(rv), rv));
  return out;
}
