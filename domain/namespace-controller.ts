// The namespace controller, done at once. A namespace's DELETE only turns it Terminating
// (decide.ts); this reactor then deletes everything in it, or marks what finalizers hold, and
// once a terminating namespace holds nothing more, finalizes and deletes it: in the same command
// when nothing is held, else when the last held object goes. Pure, like the other reactors; its
// events cite the event that caused them.

import { removal, type PendingEvent } from './decide.js';
import { clone } from './clone.js';
import { managingService } from './controllers/owned.js';
import type { LogEvent } from './events.js';
import type { StoredKind } from './kinds.js';
import type { KubeObject, Namespace } from './objects.js';
import type { ClusterState } from './state.js';

export const NAMESPACE_CONTROLLER = 'system:serviceaccount:kube-system:namespace-controller';

/** The namespaced kinds. Services first: each takes its Endpoints and managed slices with it (the
 * endpoints controllers, reactor.ts), or keeps them while its finalizers hold it. Deleted before
 * their Service, they were written again at the next pod's deletion, and a watcher saw them come
 * back and go again. */
const CONTENT: readonly StoredKind[] = ['Service', 'Pod', 'Endpoints', 'EndpointSlice', 'Event'];

export function namespaceReactions(state: ClusterState, ev: LogEvent, before: KubeObject | undefined, time: string): PendingEvent[] {
  if (ev.kind === 'Namespace') {
    if (ev.type !== 'MODIFIED' || !ev.object.metadata.deletionTimestamp || before?.metadata.deletionTimestamp) return [];
    const removals = deleteContent(state, ev.name, ev.rv, time);
    return removals.length ? removals : finalize(state, ev.name, ev.rv);
  }
  if (ev.type === 'DELETED' && ev.namespace && isEmptyAndTerminating(state, ev.namespace)) return finalize(state, ev.namespace, ev.rv);
  return [];
}

function deleteContent(state: ClusterState, namespace: string, cause: number, time: string): PendingEvent[] {
  const services = new Set(state.list('Service', namespace).map((s) => s.metadata.name!));
  const ownedByService = (k: StoredKind, o: KubeObject) =>
    (k === 'Endpoints' && services.has(o.metadata.name!)) || (k === 'EndpointSlice' && services.has(managingService(o) ?? ''));
  const events: PendingEvent[] = [];
  for (const k of CONTENT) {
    for (const o of [...state.list(k, namespace)].sort(byName)) if (!ownedByService(k, o)) events.push(...removal(k, o, NAMESPACE_CONTROLLER, cause, time));
  }
  return events;
}

function isEmptyAndTerminating(state: ClusterState, namespace: string): boolean {
  if (!state.namespaces.get(namespace)?.metadata.deletionTimestamp) return false;
  return CONTENT.every((k) => state.list(k, namespace).length === 0);
}

/** Its `kubernetes` finalizer taken off (namespaces/finalize), then deleted. */
function finalize(state: ClusterState, namespace: string, cause: number): PendingEvent[] {
  const ns = state.namespaces.get(namespace);
  if (!ns) return [];
  const done = clone(ns) as Namespace;
  if (done.spec) delete done.spec.finalizers;
  return [{ kind: 'Namespace', namespace: '', name: namespace, type: 'DELETED', object: done, actor: NAMESPACE_CONTROLLER, cause }];
}

function byName(a: KubeObject, b: KubeObject): number {
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}
