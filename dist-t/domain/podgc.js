// The pod garbage collector's orphan sweep (kube-controller-manager, pkg/controller/podgc
// gc_controller.go, gcOrphaned) as a reactor: once a Node's DELETED event is folded in, every
// Pod still bound to it (spec.nodeName) is deleted at once, grace period 0, terminating or not
// (one its finalizers hold is marked and stays until they are gone),
// with the controller's actor and cause = the Node's event. Left in place, those pods' endpoints
// stayed Ready on every node, and their IPs pointed into a pod CIDR the next Node gets.
//
// Upstream queues an unknown node name for a quarantine (40s) and then GETs the Node, because
// its node informer may lag its pod informer. Here the sweep runs on the Node's DELETED event in
// the same log and state the pods live in: the node is known to be gone, there is no lag to wait
// out. Pods bound to a node that never existed are not swept: they wait for it (allocate.ts).
//
// As upstream (v1.32, markFailedAndDeletePodWithCondition; PodDisruptionConditions is GA), a pod
// not yet Succeeded or Failed is first marked Failed with a DisruptionTarget condition (reason
// DeletionByPodGC), then deleted: watchers and the log see why it went.
import { clone, removal, seconds } from './decide.js';
/** The user kube-controller-manager's pod GC acts as (ClientOrDie("pod-garbage-collector")). */
export const POD_GC = 'system:serviceaccount:kube-system:pod-garbage-collector';
/** For the pods bound to the node `ev` deleted, in namespace/name order: each one's Failed mark
 * (unless it already ended) and its DELETED event. */
export function deleteOrphanedPods(state, ev, time) {
    if (ev.kind !== 'Node' || ev.type !== 'DELETED' || state.nodes.has(ev.name))
        return [];
    return state.podsOnNode(ev.name).flatMap((stored) => {
        const at = { kind: 'Pod', namespace: stored.metadata.namespace ?? '', name: stored.metadata.name, actor: POD_GC, cause: ev.rv };
        const phase = stored.status?.phase;
        // Deleted as any delete is (removal): a pod its finalizers hold is marked and stays.
        if (phase === 'Succeeded' || phase === 'Failed')
            return removal('Pod', stored, POD_GC, ev.rv, time);
        const failed = clone(stored);
        const status = (failed.status ??= {});
        status.phase = 'Failed';
        const condition = { type: 'DisruptionTarget', status: 'True', lastTransitionTime: seconds(time), reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };
        status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget'), condition];
        return [{ ...at, type: 'MODIFIED', object: failed }, ...removal('Pod', failed, POD_GC, ev.rv, time)];
    });
}
//# sourceMappingURL=podgc.js.map