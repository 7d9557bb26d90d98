export { openApiDocument, openApiIndex, openApiHash } from './document.js';
export { componentSchemas, COMPONENT_REF } from './components.js';
export { resourcePaths } from './paths.js';
