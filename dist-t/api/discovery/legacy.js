// Legacy (unaggregated) discovery: /api (APIVersions), /apis (APIGroupList) and one
// APIResourceList per group version (/api/v1, /apis/<group>/<version>), built from RESOURCES.
// client-node's KubernetesObjectApi always reads /api/v1; kubectl reads these when the server
// does not answer aggregated discovery (§0 #2, #3; §4.8).
import { createHash } from 'node:crypto';
import { RESOURCES, groupVersion, servedGroupVersions, } from '../../domain/schemas/resources.js';
/**
 * apiserver's discovery.StorageVersionHash: base64 of the first 8 bytes of
 * sha256("<group>/<version>/<kind>") — `xPOwRZ+Yhw8=` for core v1 Pod.
 */
export function storageVersionHash(group, version, kind) {
    return createHash('sha256').update(`${group}/${version}/${kind}`).digest().subarray(0, 8).toString('base64');
}
/** GET /api. `serverAddress` is the address:port the client's connection reached. */
export function apiVersions(serverAddress) {
    return {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
    };
}
/** The non-core groups, each with its one version (also the preferred one). */
export function apiGroups() {
    const groups = new Map();
    for (const { group, version } of servedGroupVersions()) {
        if (!group)
            continue;
        const gv = { groupVersion: groupVersion(group, version), version };
        const existing = groups.get(group);
        if (existing)
            existing.versions.push(gv);
        else
            groups.set(group, { name: group, versions: [gv], preferredVersion: gv });
    }
    return [...groups.values()];
}
/** GET /apis. */
export function apiGroupList() {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: apiGroups() };
}
function resourceEntries(r) {
    const out = [];
    // A resource that only carries subresources (netledger.io nodes) is not itself listed.
    if (r.verbs.length > 0) {
        const entry = { name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: [...r.verbs] };
        if (r.shortNames.length)
            entry.shortNames = [...r.shortNames];
        if (r.categories.length)
            entry.categories = [...r.categories];
        if (r.serving === 'generic')
            entry.storageVersionHash = storageVersionHash(r.group, r.version, r.kind);
        out.push(entry);
    }
    for (const sub of r.subresources) {
        // Upstream leaves singularName empty on subresources.
        // A body of another group version names it (kubectl drain finds the Eviction API by it).
        const gv = sub.group !== undefined ? { group: sub.group, version: sub.version } : {};
        out.push({ name: `${r.plural}/${sub.name}`, singularName: '', namespaced: r.namespaced, ...gv, kind: sub.kind, verbs: [...sub.verbs] });
    }
    return out;
}
/** GET /api/v1, /apis/<group>/<version>; undefined for a group version not served. */
export function apiResourceList(group, version) {
    const resources = RESOURCES.filter((r) => r.group === group && r.version === version);
    if (resources.length === 0)
        return undefined;
    return {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: groupVersion(group, version),
        resources: resources.flatMap(resourceEntries),
    };
}
//# sourceMappingURL=legacy.js.map