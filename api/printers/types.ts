// meta.k8s.io/v1 Table, as kube-apiserver serializes it: every column field is always present
// (`format: ""`, `priority: 0`), a row's `conditions` only when set.

export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

export interface TableRowCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  /** PartialObjectMetadata, the full object, or null, per `includeObject`. */
  object: unknown;
}

export interface TableListMeta {
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface Table {
  kind: 'Table';
  apiVersion: TableApiVersion;
  metadata: TableListMeta;
  /** null when the request asked for no headers (watch events after the first). */
  columnDefinitions: TableColumnDefinition[] | null;
  rows: TableRow[];
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** meta.k8s.io has a Table in v1 and v1beta1 (handlers/response.go asTable): the one asked for. */
export type TableApiVersion = 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1';

export interface TableOptions {
  includeObject?: IncludeObject;
  /** The request's clock: AGE is computed against it. */
  now: Date;
  listMeta?: TableListMeta;
  noHeaders?: boolean;
  /** meta.k8s.io/v1 unless asked otherwise; rows' PartialObjectMetadata are in the same version. */
  apiVersion?: TableApiVersion;
}

/** What a printer produces for one object, before `includeObject` is applied. */
export interface PrintedRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
}

export interface Printer<T> {
  columns: TableColumnDefinition[];
  print(obj: T, now: Date): PrintedRow;
}

export function column(name: string, description: string, opts: { type?: string; format?: string; priority?: number } = {}): TableColumnDefinition {
  return { name, type: opts.type ?? 'string', format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}
