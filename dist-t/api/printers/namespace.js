// printNamespace (NAME STATUS AGE) and the default table of kinds without a printer
// (pkg/registry/rest/table.go: NAME, CREATED AT).
import { AGE_COLUMN, NAME_COLUMN } from './common.js';
import { NAMESPACE_DOC, OBJECT_META_DOC } from './descriptions.js';
import { translateTimestampSince } from './duration.js';
import { column } from './types.js';
export const namespacePrinter = {
    columns: [NAME_COLUMN, column('Status', NAMESPACE_DOC.status), AGE_COLUMN],
    print: (ns, now) => ({ cells: [ns.metadata.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata.creationTimestamp, now)] }),
};
/** `creationTimestamp.Time.UTC().Format(time.RFC3339)`; the zero time when unset. */
function createdAt(ts) {
    const t = ts ? Date.parse(ts) : NaN;
    if (Number.isNaN(t))
        return '0001-01-01T00:00:00Z';
    return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
export const defaultPrinter = {
    columns: [NAME_COLUMN, column('Created At', OBJECT_META_DOC.creationTimestamp, { type: 'date' })],
    print: (obj) => ({ cells: [obj.metadata.name ?? '', createdAt(obj.metadata.creationTimestamp)] }),
};
//# sourceMappingURL=namespace.js.map