// Discovery: /version, /api, /apis, the per-group-version resource lists (legacy and aggregated
// v2), and OpenAPI v3 — what kubectl and client-node read before anything else. The documents
// are built once per app from the schemas.
import { acceptsAggregatedDiscovery, aggregatedDiscovery, AGGREGATED_DISCOVERY_V2, apiGroupList, apiResourceList, apiVersions, goPlatform, versionInfo, } from './discovery/index.js';
import { openApiDocument, openApiHash, openApiIndex, openApiV2Routes } from './openapi/index.js';
import { pageNotFound } from './paths.js';
export async function discoveryRoutes(app) {
    const version = versionInfo({ platform: goPlatform(process.platform, process.arch) });
    const aggregated = { api: aggregatedDiscovery('api'), apis: aggregatedDiscovery('apis') };
    const index = openApiIndex();
    const documents = new Map();
    for (const path of Object.keys(index.paths)) {
        const doc = openApiDocument(path);
        documents.set(path, { doc, hash: openApiHash(doc) });
    }
    app.get('/version', async () => version);
    app.get('/api', async (req, reply) => {
        if (acceptsAggregatedDiscovery(req.headers.accept)) {
            reply.type(AGGREGATED_DISCOVERY_V2);
            return aggregated.api;
        }
        // The address and port the client's connection reached (kube-apiserver names its advertised
        // address and secure port; the Host header may carry no port).
        const { localAddress = '', localPort } = req.socket;
        const address = localAddress.replace(/^::ffff:(?=\d+\.)/, '');
        return apiVersions(`${address.includes(':') ? `[${address}]` : address}:${localPort}`);
    });
    app.get('/apis', async (req, reply) => {
        if (acceptsAggregatedDiscovery(req.headers.accept)) {
            reply.type(AGGREGATED_DISCOVERY_V2);
            return aggregated.apis;
        }
        return apiGroupList();
    });
    app.get('/api/v1', async () => apiResourceList('', 'v1'));
    app.get('/apis/:group/:version', async (req) => {
        const { group, version: v } = req.params;
        const list = apiResourceList(group, v);
        if (!list)
            throw pageNotFound();
        return list;
    });
    app.get('/apis/:group', async (req) => {
        const { group } = req.params;
        const found = apiGroupList().groups.find((g) => g.name === group);
        if (!found)
            throw pageNotFound();
        return { kind: 'APIGroup', apiVersion: 'v1', ...found };
    });
    app.get('/openapi/v3', async () => index);
    // kube-openapi's handler3: the index's URLs carry each document's hash, and kubectl caches what
    // it fetched through them. A current hash is cacheable for good (a year, immutable), an old one
    // is redirected to the current URL, and a matching If-None-Match is 304.
    app.get('/openapi/v3/*', async (req, reply) => {
        const path = req.params['*'];
        const found = documents.get(path);
        if (!found)
            throw pageNotFound();
        const asked = req.query.hash;
        if (typeof asked === 'string' && asked !== '') {
            if (asked !== found.hash)
                return reply.redirect(`/openapi/v3/${path}?hash=${found.hash}`, 301);
            const yearAhead = new Date();
            yearAhead.setUTCFullYear(yearAhead.getUTCFullYear() + 1);
            reply.header('Vary', 'Accept').header('Cache-Control', 'public, immutable').header('Expires', yearAhead.toUTCString());
        }
        const etag = `"${found.hash}"`;
        reply.header('Etag', etag);
        if (req.headers['if-none-match'] === etag)
            return reply.code(304).send();
        return found.doc;
    });
    openApiV2Routes(app);
}
//# sourceMappingURL=discovery-routes.js.map