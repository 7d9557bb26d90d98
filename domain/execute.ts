// execute: decide, then fold the decided events into the state in order, giving each its rv,
// and let the reactors (the endpoints controllers, the pod GC) add their derived events right
// after the event that caused them. An observer sees every event as it is folded in, and
// `groupEnd` is called once an event of the command itself and every event it caused are folded
// (projections note the first and recompute at the second). A StatusError from decide leaves
// the state untouched: nothing is folded before decide has accepted the whole command.

import type { Command, Decision } from './commands.js';
import type { LogEvent } from './events.js';
import type { KubeObject } from './objects.js';
import type { ClusterState } from './state.js';
import { evolve } from './state.js';
import { decide, type PendingEvent } from './decide.js';
import { errors, StatusError } from './errors.js';
import { react } from './reactor.js';

export type EventObserver = (event: LogEvent, before: KubeObject | undefined) => void;

export function execute(state: ClusterState, cmd: Command, observe?: EventObserver, groupEnd?: () => void): Decision {
  const pending = decideOrRefuse(state, cmd);
  const events: LogEvent[] = [];
  const befores = new Map<number, KubeObject | undefined>();
  let response: KubeObject | undefined = pending.object;
  pending.events.forEach((p, i) => {
    const ev = fold(state, p, cmd, befores, observe, true);
    events.push(ev);
    if (i === pending.responseIndex) response = ev.object;
    // Derived events may cause further derived events (a mirrored slice is itself an event).
    const queue: LogEvent[] = [ev];
    while (queue.length) {
      const cause = queue.shift()!;
      for (const d of react(state, cause, befores.get(cause.rv), cmd.time)) {
        const dev = fold(state, d, cmd, befores, observe, false);
        events.push(dev);
        queue.push(dev);
      }
    }
    groupEnd?.();
  });
  const decision: Decision = { events, object: response!, code: pending.code };
  if (pending.warnings) decision.warnings = pending.warnings;
  return decision;
}

/** `own`: an event of the command itself (its impersonator goes with it), not a derived one. */
function fold(state: ClusterState, p: PendingEvent, cmd: Command, befores: Map<number, KubeObject | undefined>, observe: EventObserver | undefined, own: boolean): LogEvent {
  const rv = state.rv + 1;
  p.object.metadata.resourceVersion = String(rv);
  const ev: LogEvent = {
    rv,
    time: cmd.time,
    actor: p.actor,
    kind: p.kind,
    namespace: p.namespace,
    name: p.name,
    uid: p.object.metadata.uid ?? '',
    type: p.type,
    object: p.object,
    cause: p.cause,
    requestId: cmd.requestId,
  };
  if (own && cmd.impersonatedBy !== undefined) ev.impersonatedBy = cmd.impersonatedBy;
  const before = evolve(state, ev);
  befores.set(rv, before);
  observe?.(ev, before);
  return ev;
}

/**
 * decide, with a bug in it answered as NewInternalError (500 InternalError) instead of thrown on:
 * decide folds nothing, so the state is as it was and the command is refused alone. Thrown on,
 * the appender would take it for a state it can no longer know and stop writing for good
 * (store/appender.ts).
 */
function decideOrRefuse(state: ClusterState, cmd: Command): ReturnType<typeof decide> {
  try {
    return decide(state, cmd);
  } catch (e) {
    if (e instanceof StatusError) throw e;
    throw errors.internal(`Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
  }
}
