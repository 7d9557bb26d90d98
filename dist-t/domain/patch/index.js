export { PatchError } from './errors.js';
export { applyMergePatch } from './merge-patch.js';
export { applyJsonPatch } from './json-patch.js';
export { applyStrategicMergePatch } from './strategic-merge.js';
export { applyApplyPatch } from './apply.js';
export { STRATEGIC_SCHEMAS, strategicSchemaFor } from './strategic-schema.js';
//# sourceMappingURL=index.js.map