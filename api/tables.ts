// meta.k8s.io/v1 Table responses (kubectl get), built by the printers.

import type { KubeObject } from '../domain/objects.js';
import type { IncludeObject } from './negotiate.js';
import { tableFor } from './printers/index.js';

export function toTable(kind: string, objects: readonly KubeObject[], includeObject: IncludeObject, listMeta: Record<string, unknown>): unknown {
  return tableFor(kind, objects as KubeObject[], { includeObject, now: new Date(), listMeta });
}
