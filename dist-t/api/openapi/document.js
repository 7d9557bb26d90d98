// /openapi/v3 (the index) and /openapi/v3/<group-version> (one OpenAPI 3.0 document per group
// version), generated from the TypeBox resource schemas. Pure: each call builds fresh values from
// the same inputs, so the API layer may build once at start-up and cache the serialized bytes.
import { createHash } from 'node:crypto';
import { groupVersionPath, resourcesOf, servedGroupVersions } from '../../domain/schemas/resources.js';
import { componentSchemas } from './components.js';
import { resourcePaths } from './paths.js';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
/** Bodies every group version's operations use besides its own kinds. */
const COMMON_ROOTS = [`${META}.Status`, `${META}.DeleteOptions`, `${META}.Patch`, `${META}.WatchEvent`];
/** The group versions that have an OpenAPI document: those with schema-backed resources. */
export function documentedGroupVersions() {
    return servedGroupVersions()
        .map(({ group, version }) => ({
        group,
        version,
        path: groupVersionPath(group, version),
        resources: resourcesOf(group, version).filter((r) => r.serving === 'generic' && r.schema),
    }))
        .filter((gv) => gv.resources.length > 0);
}
/** The OpenAPI 3.0 document of `groupVersionPath` (`api/v1`, `apis/discovery.k8s.io/v1`). */
export function openApiDocument(path) {
    const gv = documentedGroupVersions().find((g) => g.path === path);
    if (!gv)
        return undefined;
    const roots = new Set(COMMON_ROOTS);
    let paths = {};
    for (const r of gv.resources) {
        const kindId = r.schema;
        roots.add(kindId);
        if (r.listKind)
            roots.add(kindId.replace(/\.[^.]+$/, `.${r.listKind}`));
        paths = { ...paths, ...resourcePaths(r) };
    }
    const sortedPaths = {};
    for (const p of Object.keys(paths).sort())
        sortedPaths[p] = paths[p];
    return {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: 'v1.32.4' },
        paths: sortedPaths,
        components: { schemas: componentSchemas(roots) },
    };
}
/** Upstream's content hash: SHA-512 of the serialized document, upper-case hex. */
export function openApiHash(document) {
    return createHash('sha512').update(JSON.stringify(document)).digest('hex').toUpperCase();
}
/** GET /openapi/v3: `{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=…"}, …}}`. */
export function openApiIndex() {
    const paths = {};
    for (const gv of documentedGroupVersions()) {
        const doc = openApiDocument(gv.path);
        paths[gv.path] = { serverRelativeURL: `/openapi/v3/${gv.path}?hash=${openApiHash(doc)}` };
    }
    return { paths };
}
//# sourceMappingURL=document.js.map