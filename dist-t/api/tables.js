// meta.k8s.io/v1 Table responses (kubectl get), built by the printers.
import { tableFor } from './printers/index.js';
export function toTable(kind, objects, includeObject, listMeta) {
    return tableFor(kind, objects, { includeObject, now: new Date(), listMeta });
}
//# sourceMappingURL=tables.js.map