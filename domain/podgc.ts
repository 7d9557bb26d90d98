// The pod garbage collector's orphan sweep (kube-controller-manager, pkg/controller/podgc
// gc_controller.go, gcOrphaned) as a reactor: once a Node's DELETED event is folded in, every
// Pod still bound to it (spec.nodeName) is deleted at once, grace period 0, terminating or not,
// with the controller's actor and cause = the Node's event. Left in place, those pods' endpoints
// stayed Ready on every node, and their IPs pointed into a pod CIDR the next Node gets.
//
// Upstream queues an unknown node name for a quarantine (40s) and then GETs the Node, because
// its node informer may lag its pod informer. Here the sweep runs on the Node's DELETED event in
// the same log and state the pods live in: the node is known to be gone, there is no lag to wait
// out. Pods bound to a node that never existed are not swept: they wait for it (allocate.ts).
//
// Upstream (v1.32, PodDisruptionConditions GA) first patches a pod not yet Succeeded/Failed to
// phase Failed with a DisruptionTarget condition (reason DeletionByPodGC), then deletes it. Here
// the pod goes in one DELETED event carrying the pod as stored, as every other delete does.

import type { PendingEvent } from './decide.js';
import { clone } from './decide.js';
import type { LogEvent } from './events.js';
import type { ClusterState } from './state.js';

/** The user kube-controller-manager's pod GC acts as (ClientOrDie("pod-garbage-collector")). */
export const POD_GC = 'system:serviceaccount:kube-system:pod-garbage-collector';

/** DELETED events for the pods bound to the node `ev` deleted, in namespace/name order. */
export function deleteOrphanedPods(state: ClusterState, ev: LogEvent): PendingEvent[] {
  if (ev.kind !== 'Node' || ev.type !== 'DELETED' || state.nodes.has(ev.name)) return [];
  return state.podsOnNode(ev.name).map((pod) => ({
    kind: 'Pod',
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name!,
    type: 'DELETED' as const,
    object: clone(pod),
    actor: POD_GC,
    cause: ev.rv,
  }));
}
