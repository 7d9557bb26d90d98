export { PatchError } from './errors.js';
export { applyMergePatch } from './merge-patch.js';
export { applyJsonPatch, jsonPatchOpsDecodeError, type JsonPatchOperation } from './json-patch.js';
export { applyStrategicMergePatch } from './strategic-merge.js';
export { applyApplyPatch, type ApplyOptions } from './apply.js';
export { STRATEGIC_SCHEMAS, strategicSchemaFor, type FieldPatchMeta, type StructSchema } from './strategic-schema.js';
