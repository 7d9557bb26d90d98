export { checkTypes, hasSchema, unknownFieldWarning, strictDecodingError, decodeErrorMessage, QUANTITY_FORMAT_ERROR } from './check-types.js';
export { SCHEMAS, KIND_SCHEMAS, schemaById, gvksOf, goTypeName } from './registry.js';
export { RESOURCES, groupVersion, groupVersionPath, apiVersionOf, findResource, resourceForKind, servedGroupVersions, resourcesOf, } from './resources.js';
//# sourceMappingURL=index.js.map