// tableFor: objects -> meta.k8s.io/v1 (or v1beta1) Table, as kube-apiserver's TableConvertor and
// handlers/response.go asTable build it. Rows always carry the wide (priority 1) cells; kubectl
// hides them unless `-o wide`. `includeObject` decides each row's `object`: PartialObjectMetadata
// (default), the full object, or null — RawExtension{} serializes as `null` upstream.

import { errors } from '../../domain/errors.js';
import type { KubeObject } from '../../domain/objects.js';
import { partialObject } from '../partial-metadata.js';
import { endpointSlicePrinter, endpointsPrinter } from './endpoints.js';
import { eventPrinter } from './event.js';
import { defaultPrinter, namespacePrinter } from './namespace.js';
import { nodePrinter } from './node.js';
import { podPrinter } from './pod.js';
import { servicePrinter } from './service.js';
import type { Printer, Table, TableApiVersion, TableOptions, TableRow } from './types.js';

const PRINTERS: Record<string, Printer<never>> = {
  Pod: podPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  EndpointSlice: endpointSlicePrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  Event: eventPrinter,
};

export function printerFor(kind: string): Printer<KubeObject> {
  return (Object.hasOwn(PRINTERS, kind) ? PRINTERS[kind] : defaultPrinter) as Printer<KubeObject>;
}

/** Validates `?includeObject=`: absent means Metadata; anything unknown is 400 as upstream. */
export function parseIncludeObject(value: string | undefined): TableOptions['includeObject'] {
  if (value === undefined || value === '') return 'Metadata';
  if (value === 'None' || value === 'Metadata' || value === 'Object') return value;
  throw errors.badRequest(`unrecognized includeObject value: "${value}"`);
}

function rowObject(obj: KubeObject, include: TableOptions['includeObject'], apiVersion: TableApiVersion): unknown {
  switch (include ?? 'Metadata') {
    case 'Object':
      return obj;
    case 'None':
      return null;
    case 'Metadata':
      return partialObject(obj, { list: false, apiVersion });
    default:
      throw errors.badRequest(`unrecognized includeObject value: "${String(include)}"`);
  }
}

export function tableFor(kind: string, objects: readonly KubeObject[], opts: TableOptions): Table {
  const printer = printerFor(kind);
  const apiVersion = opts.apiVersion ?? 'meta.k8s.io/v1';
  const rows: TableRow[] = objects.map((obj) => {
    const printed = printer.print(obj, opts.now);
    const row: TableRow = { cells: printed.cells, object: rowObject(obj, opts.includeObject, apiVersion) };
    if (printed.conditions) row.conditions = printed.conditions;
    return row;
  });
  return {
    kind: 'Table',
    apiVersion,
    metadata: { ...(opts.listMeta ?? {}) },
    columnDefinitions: opts.noHeaders ? null : printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
