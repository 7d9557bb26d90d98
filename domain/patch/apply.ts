// Server-side apply (application/apply-patch+yaml), simplified as the reference allows: there
// is no field ownership, so no conflict detection and no removal of fields a manager stopped
// applying. Apply creates the object when it is absent and otherwise merges the applied
// configuration into it with strategic-merge semantics (keyed lists merge by their merge key,
// maps merge, atomic lists are replaced). The manager is recorded in metadata.managedFields as
// an `Apply` entry without a field set.

import { clone } from '../clone.js';
import type { KubeObject } from '../objects.js';
import { PatchError } from './errors.js';
import { isObject, type JsonObject } from './json.js';
import { mergeMap } from './strategic-merge.js';
import { strategicSchemaFor } from './strategic-schema.js';

export interface ApplyOptions {
  /** `?fieldManager=`; when given, an `Apply` managedFields entry is kept for it. */
  fieldManager?: string;
  /** RFC 3339 time of the request (the domain has no clock). */
  time?: string;
}

interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  [k: string]: unknown;
}

export function applyApplyPatch(existing: KubeObject | undefined, applied: unknown, kind: string, opts: ApplyOptions = {}): KubeObject {
  if (!isObject(applied)) throw new PatchError('error decoding YAML: the applied configuration must be an object');
  const meta = applied.metadata;
  if (isObject(meta) && Array.isArray(meta.managedFields) && meta.managedFields.length > 0) {
    throw new PatchError('metadata.managedFields must be nil');
  }
  // Unknown kinds still merge: their metadata follows ObjectMeta, everything else JSON-merges.
  const schema = strategicSchemaFor(kind) ?? strategicSchemaFor('EndpointSlice')!;
  const result = existing === undefined ? mergeMap(undefined, applied, schema) : mergeMap(clone(existing) as JsonObject, applied, schema);
  if (opts.fieldManager) recordManager(result, opts.fieldManager, String(applied.apiVersion ?? ''), opts.time);
  return result as KubeObject;
}

function recordManager(obj: JsonObject, manager: string, apiVersion: string, time: string | undefined): void {
  const metadata = (isObject(obj.metadata) ? obj.metadata : (obj.metadata = {})) as JsonObject;
  const entries = (Array.isArray(metadata.managedFields) ? metadata.managedFields : []) as ManagedFieldsEntry[];
  // An empty field set: ownership is not tracked (see above), and ValidateManagedFields wants
  // fieldsType FieldsV1 on every entry.
  const entry: ManagedFieldsEntry = { manager, operation: 'Apply', ...(apiVersion ? { apiVersion } : {}), ...(time ? { time } : {}), fieldsType: 'FieldsV1', fieldsV1: {} };
  const at = entries.findIndex((e) => e.manager === manager && e.operation === 'Apply');
  metadata.managedFields = at >= 0 ? entries.map((e, i) => (i === at ? entry : e)) : [...entries, entry];
}
