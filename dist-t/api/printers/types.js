// meta.k8s.io/v1 Table, as kube-apiserver serializes it: every column field is always present
// (`format: ""`, `priority: 0`), a row's `conditions` only when set.
export function column(name, description, opts = {}) {
    return { name, type: opts.type ?? 'string', format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}
//# sourceMappingURL=types.js.map