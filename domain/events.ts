// The event: the unit of the log. `rv` is global, dense, strictly increasing, and is the
// resourceVersion of the object it carries.

import type { KubeObject } from './objects.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface LogEvent {
  rv: number;
  /** RFC 3339 with milliseconds, UTC; from the command, never from a clock inside the domain. */
  time: string;
  actor: string;
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  type: EventType;
  /** The object after the event (for DELETED: as it was at deletion, with the deletion's rv). */
  object: KubeObject;
  /** rv of the event this one was derived from (endpoints controller, graceful deletion). */
  cause: number | null;
  requestId: string | null;
  /** The authenticated user who made the change as `actor` (Impersonate-User); absent otherwise. */
  impersonatedBy?: string;
}

/** Who made a change, for people: the actor, and who impersonated it (`erin (impersonated by bob)`). */
export function actorText(c: Pick<LogEvent, 'actor' | 'impersonatedBy'> | null | undefined): string {
  if (!c) return '';
  return c.impersonatedBy ? `${c.actor} (impersonated by ${c.impersonatedBy})` : c.actor;
}
