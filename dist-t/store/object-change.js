// The bridge from a folded event to what projections look at: the object before and after.
export function changeOf(ev, before) {
    return {
        kind: ev.kind,
        namespace: ev.namespace,
        name: ev.name,
        before,
        after: ev.type === 'DELETED' ? undefined : ev.object,
    };
}
//# sourceMappingURL=object-change.js.map