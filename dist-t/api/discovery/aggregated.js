// Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList) for /api and /apis. kubectl
// asks for it first and, when the reply's Content-Type is this GVK, skips the per-group-version
// requests (§4.1, §4.8). client-go picks the decoder from the Content-Type, not the body.
import { RESOURCES, servedGroupVersions } from '../../domain/schemas/resources.js';
export const AGGREGATED_DISCOVERY_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
/**
 * Whether an Accept header asks for aggregated discovery v2 (kubectl sends
 * `application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,…v2beta1…,application/json`).
 */
export function acceptsAggregatedDiscovery(accept) {
    if (!accept)
        return false;
    return accept.split(',').some((range) => {
        const params = new Map();
        const [type, ...rest] = range.split(';').map((s) => s.trim());
        for (const p of rest) {
            const eq = p.indexOf('=');
            if (eq > 0)
                params.set(p.slice(0, eq).trim(), p.slice(eq + 1).trim());
        }
        return type === 'application/json' && params.get('g') === 'apidiscovery.k8s.io' && params.get('v') === 'v2' && params.get('as') === 'APIGroupDiscoveryList';
    });
}
function resourceDiscovery(r) {
    const gvk = { group: r.group, version: r.version, kind: r.kind };
    const entry = {
        resource: r.plural,
        responseKind: gvk,
        scope: r.namespaced ? 'Namespaced' : 'Cluster',
        singularResource: r.singular,
        verbs: [...r.verbs],
    };
    if (r.shortNames.length)
        entry.shortNames = [...r.shortNames];
    if (r.categories.length)
        entry.categories = [...r.categories];
    if (r.subresources.length) {
        entry.subresources = r.subresources.map((s) => ({
            subresource: s.name,
            responseKind: { group: s.group ?? r.group, version: s.version ?? r.version, kind: s.kind },
            verbs: [...s.verbs],
        }));
    }
    return entry;
}
function groupDiscovery(group) {
    const versions = servedGroupVersions()
        .filter((gv) => gv.group === group)
        .map(({ version }) => ({
        version,
        // A parent without verbs of its own (netledger.io nodes) is only a holder for custom
        // subresources; v2 has no way to list those alone, so it is left out here.
        resources: RESOURCES.filter((r) => r.group === group && r.version === version && r.verbs.length > 0).map(resourceDiscovery),
        freshness: 'Current',
    }));
    return { metadata: group ? { name: group } : {}, versions };
}
/** The body for /api (`root = 'api'`, the core group) or /apis (every named group). */
export function aggregatedDiscovery(root) {
    const groups = [...new Set(servedGroupVersions().map((gv) => gv.group))].filter((g) => (root === 'api' ? g === '' : g !== ''));
    return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items: groups.map(groupDiscovery) };
}
//# sourceMappingURL=aggregated.js.map