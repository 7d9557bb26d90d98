export { versionInfo, goPlatform, GIT_VERSION, KUBE_MAJOR, KUBE_MINOR } from './version.js';
export { apiVersions, apiGroupList, apiGroups, apiResourceList, storageVersionHash } from './legacy.js';
export { aggregatedDiscovery, acceptsAggregatedDiscovery, AGGREGATED_DISCOVERY_V2 } from './aggregated.js';
//# sourceMappingURL=index.js.map