// Server-side apply (application/apply-patch+yaml): creates the object when it is absent and
// otherwise merges the applied configuration into it, with field ownership as kube-apiserver
// keeps it (domain/fields/managers.ts): fields the manager stopped applying are removed unless
// another manager owns them, and fields other managers own are conflicts unless forced.

import { serverSideApply } from '../fields/managers.js';
import type { StoredKind } from '../kinds.js';
import type { KubeObject } from '../objects.js';
import { PatchError } from './errors.js';
import { isObject } from './json.js';

export interface ApplyOptions {
  /** `?fieldManager=` (required for apply by the API). */
  fieldManager?: string;
  /** RFC 3339 time of the request, seconds (the domain has no clock). */
  time?: string;
  /** `?force=true`: take the conflicting fields from their managers. */
  force?: boolean;
  subresource?: 'status';
}

export function applyApplyPatch(existing: KubeObject | undefined, applied: unknown, kind: StoredKind, opts: ApplyOptions = {}): KubeObject {
  if (!isObject(applied)) throw new PatchError('error decoding YAML: the applied configuration must be an object');
  const meta = applied.metadata;
  if (isObject(meta) && Array.isArray(meta.managedFields) && meta.managedFields.length > 0) {
    throw new PatchError('metadata.managedFields must be nil');
  }
  const req = { manager: opts.fieldManager ?? '', time: opts.time ?? '', force: opts.force ?? false, ...(opts.subresource ? { subresource: opts.subresource } : {}) };
  return serverSideApply(kind, existing, applied, req);
}
