// tableFor: objects -> meta.k8s.io/v1 Table, as kube-apiserver's TableConvertor and
// handlers/response.go asTable build it. Rows always carry the wide (priority 1) cells; kubectl
// hides them unless `-o wide`. `includeObject` decides each row's `object`: PartialObjectMetadata
// (default), the full object, or null — RawExtension{} serializes as `null` upstream.
import { errors } from '../../domain/errors.js';
import { partialObject } from '../partial-metadata.js';
import { endpointSlicePrinter, endpointsPrinter } from './endpoints.js';
import { eventPrinter } from './event.js';
import { defaultPrinter, namespacePrinter } from './namespace.js';
import { nodePrinter } from './node.js';
import { podPrinter } from './pod.js';
import { servicePrinter } from './service.js';
const PRINTERS = {
    Pod: podPrinter,
    Service: servicePrinter,
    Endpoints: endpointsPrinter,
    EndpointSlice: endpointSlicePrinter,
    Node: nodePrinter,
    Namespace: namespacePrinter,
    Event: eventPrinter,
};
export function printerFor(kind) {
    return (Object.hasOwn(PRINTERS, kind) ? PRINTERS[kind] : defaultPrinter);
}
/** Validates `?includeObject=`: absent means Metadata; anything unknown is 400 as upstream. */
export function parseIncludeObject(value) {
    if (value === undefined || value === '')
        return 'Metadata';
    if (value === 'None' || value === 'Metadata' || value === 'Object')
        return value;
    throw errors.badRequest(`unrecognized includeObject value: "${value}"`);
}
function rowObject(obj, include) {
    switch (include ?? 'Metadata') {
        case 'Object':
            return obj;
        case 'None':
            return null;
        case 'Metadata':
            return partialObject(obj, { list: false, apiVersion: 'meta.k8s.io/v1' });
        default:
            throw errors.badRequest(`unrecognized includeObject value: "${String(include)}"`);
    }
}
export function tableFor(kind, objects, opts) {
    const printer = printerFor(kind);
    const rows = objects.map((obj) => {
        const printed = printer.print(obj, opts.now);
        const row = { cells: printed.cells, object: rowObject(obj, opts.includeObject) };
        if (printed.conditions)
            row.conditions = printed.conditions;
        return row;
    });
    return {
        kind: 'Table',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { ...(opts.listMeta ?? {}) },
        columnDefinitions: opts.noHeaders ? null : printer.columns.map((c) => ({ ...c })),
        rows,
    };
}
//# sourceMappingURL=table.js.map