export { checkTypes, hasSchema, unknownFieldWarning, strictDecodingError, decodeErrorMessage, QUANTITY_FORMAT_ERROR } from './check-types.js';
export type { TypeCheckResult, TypeError_ } from './check-types.js';
export { SCHEMAS, KIND_SCHEMAS, schemaById, gvksOf, goTypeName } from './registry.js';
export {
  RESOURCES, groupVersion, groupVersionPath, apiVersionOf, findResource, resourceForKind, servedGroupVersions, resourcesOf,
} from './resources.js';
export type { ResourceInfo, SubresourceInfo, Verb } from './resources.js';
export type { Gvk } from './build.js';
