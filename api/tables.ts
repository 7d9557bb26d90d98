// meta.k8s.io Table responses (kubectl get), built by the printers, in the version negotiated.

import type { KubeObject } from '../domain/objects.js';
import type { IncludeObject, TableTarget } from './negotiate.js';
import { tableFor } from './printers/index.js';

export function toTable(kind: string, objects: readonly KubeObject[], includeObject: IncludeObject, listMeta: Record<string, unknown>, as: TableTarget): unknown {
  return tableFor(kind, objects as KubeObject[], { includeObject, now: new Date(), listMeta, apiVersion: as.apiVersion });
}
