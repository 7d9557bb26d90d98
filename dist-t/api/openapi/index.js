export { openApiDocument, openApiIndex, openApiHash } from './document.js';
export { componentSchemas, COMPONENT_REF } from './components.js';
export { resourcePaths } from './paths.js';
export { swaggerDocument } from './swagger.js';
export { encodeGnosticDocument } from './gnostic.js';
export { openApiV2Routes, negotiateOpenApiV2, OPENAPI_V2_PROTOBUF, OPENAPI_V2_PROTOBUF_DEPRECATED } from './v2-route.js';
//# sourceMappingURL=index.js.map