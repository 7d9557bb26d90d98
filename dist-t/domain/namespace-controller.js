// The namespace controller, done at once. A namespace's DELETE only turns it Terminating
// (decide.ts); this reactor then deletes everything in it, or marks what finalizers hold, and
// once a terminating namespace holds nothing more, takes its `kubernetes` finalizer off and
// deletes it: in the same command when nothing is held, else when the last held object goes. A
// namespace with finalizers of its own (metadata, or other spec ones) stays Terminating until an
// update takes the last off (decide.ts deletedByUpdate). Pure, like the other reactors; its events
// cite the event that caused them.
import { holdsFinalizers, removal } from './decide.js';
import { clone } from './clone.js';
import { managingService } from './controllers/owned.js';
export const NAMESPACE_CONTROLLER = 'system:serviceaccount:kube-system:namespace-controller';
/** The namespaced kinds. Services first: each takes its Endpoints and managed slices with it (the
 * endpoints controllers, reactor.ts), or keeps them while its finalizers hold it. Deleted before
 * their Service, they were written again at the next pod's deletion, and a watcher saw them come
 * back and go again. */
const CONTENT = ['Service', 'Pod', 'Endpoints', 'EndpointSlice', 'Event'];
export function namespaceReactions(state, ev, before, time) {
    if (ev.kind === 'Namespace') {
        if (ev.type !== 'MODIFIED' || !ev.object.metadata.deletionTimestamp)
            return [];
        // Already terminating: someone else's write (the `kubernetes` finalizer put back through
        // namespaces/finalize) is finalized again once it is empty, as the controller's resync would.
        if (before?.metadata.deletionTimestamp)
            return ev.actor !== NAMESPACE_CONTROLLER && isEmpty(state, ev.name) ? finalize(state, ev.name, ev.rv) : [];
        const removals = deleteContent(state, ev.name, ev.rv, time);
        if (removals.length)
            return removals;
        // Nothing to delete: empty, or everything left is already held by its finalizers.
        return isEmpty(state, ev.name) ? finalize(state, ev.name, ev.rv) : [];
    }
    if (ev.type === 'DELETED' && ev.namespace && state.namespaces.get(ev.namespace)?.metadata.deletionTimestamp && isEmpty(state, ev.namespace)) {
        return finalize(state, ev.namespace, ev.rv);
    }
    return [];
}
function deleteContent(state, namespace, cause, time) {
    const services = new Set(state.list('Service', namespace).map((s) => s.metadata.name));
    const ownedByService = (k, o) => (k === 'Endpoints' && services.has(o.metadata.name)) || (k === 'EndpointSlice' && services.has(managingService(o) ?? ''));
    const events = [];
    for (const k of CONTENT) {
        for (const o of [...state.list(k, namespace)].sort(byName))
            if (!ownedByService(k, o))
                events.push(...removal(k, o, NAMESPACE_CONTROLLER, cause, time));
    }
    return events;
}
function isEmpty(state, namespace) {
    return CONTENT.every((k) => state.list(k, namespace).length === 0);
}
/** Its `kubernetes` finalizer taken off (namespaces/finalize), then deleted (as the controller
 * deletes a namespace with no spec finalizers), unless other finalizers still hold it: then it
 * stays as finalized, for an update to finish. */
function finalize(state, namespace, cause) {
    const ns = state.namespaces.get(namespace);
    if (!ns)
        return [];
    const finalizers = ns.spec?.finalizers ?? [];
    const others = finalizers.filter((f) => f !== 'kubernetes');
    const held = others.length > 0 || holdsFinalizers(ns);
    // Nothing of ours to take off and others still hold it: it waits for them.
    if (others.length === finalizers.length && held)
        return [];
    const done = clone(ns);
    if (done.spec) {
        if (others.length)
            done.spec.finalizers = others;
        else
            delete done.spec.finalizers;
    }
    return [{ kind: 'Namespace', namespace: '', name: namespace, type: held ? 'MODIFIED' : 'DELETED', object: done, actor: NAMESPACE_CONTROLLER, cause }];
}
function byName(a, b) {
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
//# sourceMappingURL=namespace-controller.js.map