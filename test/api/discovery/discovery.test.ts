import { describe, expect, test } from 'vitest';
import {
  AGGREGATED_DISCOVERY_V2, acceptsAggregatedDiscovery, aggregatedDiscovery, apiGroupList, apiResourceList, apiVersions, goPlatform,
  storageVersionHash, versionInfo,
} from '../../../api/discovery/index.js';
import { RESOURCES, findResource, groupVersionPath, resourceForKind } from '../../../domain/schemas/index.js';

const ALL = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

describe('/version', () => {
  test("version.Info's fields, minor 32 so the dispatcher picks kubectl 1.32", () => {
    const v = versionInfo({ gitCommit: 'abc123', gitTreeState: 'clean', buildDate: '2025-01-02T03:04:05Z', runtimeVersion: 'v20.20.2', platform: goPlatform('linux', 'x64') });
    expect(v).toEqual({
      major: '1',
      minor: '32',
      gitVersion: 'v1.32.4-netledger',
      gitCommit: 'abc123',
      gitTreeState: 'clean',
      buildDate: '2025-01-02T03:04:05Z',
      goVersion: 'v20.20.2',
      compiler: 'tsc',
      platform: 'linux/amd64',
    });
    expect(Object.keys(versionInfo())).toEqual(['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']);
    expect(versionInfo().buildDate).toBe('1970-01-01T00:00:00Z');
  });
});

describe('legacy discovery', () => {
  test('/api is APIVersions with the client-CIDR address', () => {
    expect(apiVersions('127.0.0.1:6443')).toEqual({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }],
    });
  });

  test('/apis lists authentication.k8s.io, authorization.k8s.io, discovery.k8s.io and netledger.io, in kube-apiserver order', () => {
    expect(apiGroupList()).toEqual({
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [
        { name: 'authentication.k8s.io', versions: [{ groupVersion: 'authentication.k8s.io/v1', version: 'v1' }], preferredVersion: { groupVersion: 'authentication.k8s.io/v1', version: 'v1' } },
        { name: 'authorization.k8s.io', versions: [{ groupVersion: 'authorization.k8s.io/v1', version: 'v1' }], preferredVersion: { groupVersion: 'authorization.k8s.io/v1', version: 'v1' } },
        { name: 'discovery.k8s.io', versions: [{ groupVersion: 'discovery.k8s.io/v1', version: 'v1' }], preferredVersion: { groupVersion: 'discovery.k8s.io/v1', version: 'v1' } },
        { name: 'netledger.io', versions: [{ groupVersion: 'netledger.io/v1', version: 'v1' }], preferredVersion: { groupVersion: 'netledger.io/v1', version: 'v1' } },
      ],
    });
  });

  test('/api/v1 resources match kube-apiserver v1.32', () => {
    const list = apiResourceList('', 'v1')!;
    expect(list.kind).toBe('APIResourceList');
    expect(list.groupVersion).toBe('v1');
    const byName = Object.fromEntries(list.resources.map((r) => [r.name, r]));
    expect(byName.pods).toEqual({
      name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ALL, shortNames: ['po'], categories: ['all'], storageVersionHash: 'xPOwRZ+Yhw8=',
    });
    expect(byName['pods/status']).toEqual({ name: 'pods/status', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get', 'patch', 'update'] });
    expect(byName.services).toMatchObject({ shortNames: ['svc'], categories: ['all'], storageVersionHash: '0/CO1lhkEBI=' });
    expect(byName.endpoints).toMatchObject({ singularName: 'endpoints', shortNames: ['ep'], namespaced: true, storageVersionHash: 'fWeeMqaN/OA=' });
    expect(byName.endpoints!.categories).toBeUndefined();
    expect(byName.nodes).toMatchObject({ shortNames: ['no'], namespaced: false, storageVersionHash: 'XwShjMxG9Fs=' });
    expect(byName.namespaces).toMatchObject({ shortNames: ['ns'], namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] });
    // kube-apiserver v1.32 lists events as namespaced, short name ev, with this hash.
    expect(byName.events).toEqual({
      name: 'events', singularName: 'event', namespaced: true, kind: 'Event', verbs: ALL, shortNames: ['ev'], storageVersionHash: 'r2yiGXH7wu8=',
    });
    expect(Object.keys(byName)).toEqual([
      'bindings', 'namespaces', 'namespaces/finalize', 'namespaces/status', 'nodes', 'nodes/proxy', 'nodes/status', 'pods', 'pods/attach', 'pods/binding', 'pods/eviction', 'pods/exec', 'pods/log', 'pods/portforward', 'pods/proxy', 'pods/status', 'services', 'services/proxy', 'services/status', 'endpoints', 'events',
    ]);
    // As kube-apiserver v1.32 lists its proxy connecters (ProxyREST: GET POST PUT PATCH DELETE HEAD OPTIONS).
    const proxyVerbs = ['create', 'delete', 'get', 'patch', 'update'];
    expect(byName['services/proxy']).toEqual({ name: 'services/proxy', singularName: '', namespaced: true, kind: 'ServiceProxyOptions', verbs: proxyVerbs });
    expect(byName['nodes/proxy']).toEqual({ name: 'nodes/proxy', singularName: '', namespaced: false, kind: 'NodeProxyOptions', verbs: proxyVerbs });
    expect(byName.bindings).toEqual({ name: 'bindings', singularName: 'binding', namespaced: true, kind: 'Binding', verbs: ['create'] });
  });

  test('storage version hashes are sha256 prefixes of group/version/kind', () => {
    expect(storageVersionHash('', 'v1', 'Pod')).toBe('xPOwRZ+Yhw8=');
    expect(storageVersionHash('', 'v1', 'Namespace')).toBe('Q3oi5N2YM8M=');
  });

  test('discovery.k8s.io/v1 and netledger.io/v1', () => {
    expect(apiResourceList('discovery.k8s.io', 'v1')!.resources).toEqual([
      { name: 'endpointslices', singularName: 'endpointslice', namespaced: true, kind: 'EndpointSlice', verbs: ALL, storageVersionHash: storageVersionHash('discovery.k8s.io', 'v1', 'EndpointSlice') },
    ]);
    expect(apiResourceList('netledger.io', 'v1')!.resources).toEqual([
      { name: 'events', singularName: 'event', namespaced: false, kind: 'Event', verbs: ['list'] },
      { name: 'clusternetworkconfigs', singularName: 'clusternetworkconfig', namespaced: false, kind: 'ClusterNetworkConfig', verbs: ['get', 'list'] },
      { name: 'previews', singularName: 'preview', namespaced: false, kind: 'Preview', verbs: ['create'] },
      { name: 'nodes/tables', singularName: '', namespaced: false, kind: 'NodeTable', verbs: ['get', 'watch'] },
      { name: 'nodes/status', singularName: '', namespaced: false, kind: 'NodeAgentStatus', verbs: ['get', 'update'] },
    ]);
    expect(apiResourceList('apps', 'v1')).toBeUndefined();
  });
});

describe('aggregated discovery v2', () => {
  test('the exact Content-Type client-go keys on', () => {
    expect(AGGREGATED_DISCOVERY_V2).toBe('application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList');
  });

  test("kubectl's Accept asks for it; plain JSON does not", () => {
    const kubectlAccept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
    expect(acceptsAggregatedDiscovery(kubectlAccept)).toBe(true);
    expect(acceptsAggregatedDiscovery('application/json, */*')).toBe(false);
    expect(acceptsAggregatedDiscovery('application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList')).toBe(false);
    expect(acceptsAggregatedDiscovery(undefined)).toBe(false);
  });

  test('/api: the core group', () => {
    const doc = aggregatedDiscovery('api');
    expect(doc.kind).toBe('APIGroupDiscoveryList');
    expect(doc.apiVersion).toBe('apidiscovery.k8s.io/v2');
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0]!.metadata).toEqual({});
    const v1 = doc.items[0]!.versions[0]!;
    expect(v1.version).toBe('v1');
    expect(v1.freshness).toBe('Current');
    const pods = v1.resources.find((r) => r.resource === 'pods');
    expect(pods).toEqual({
      resource: 'pods',
      responseKind: { group: '', version: 'v1', kind: 'Pod' },
      scope: 'Namespaced',
      singularResource: 'pod',
      verbs: ALL,
      shortNames: ['po'],
      categories: ['all'],
      subresources: [
        { subresource: 'attach', responseKind: { group: '', version: 'v1', kind: 'PodAttachOptions' }, verbs: ['create', 'get'] },
        { subresource: 'binding', responseKind: { group: '', version: 'v1', kind: 'Binding' }, verbs: ['create'] },
        { subresource: 'eviction', responseKind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] },
        { subresource: 'exec', responseKind: { group: '', version: 'v1', kind: 'PodExecOptions' }, verbs: ['create', 'get'] },
        { subresource: 'log', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] },
        { subresource: 'portforward', responseKind: { group: '', version: 'v1', kind: 'PodPortForwardOptions' }, verbs: ['create', 'get'] },
        { subresource: 'proxy', responseKind: { group: '', version: 'v1', kind: 'PodProxyOptions' }, verbs: ['create', 'delete', 'get', 'patch', 'update'] },
        { subresource: 'status', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get', 'patch', 'update'] },
      ],
    });
    expect(v1.resources.find((r) => r.resource === 'nodes')!.scope).toBe('Cluster');
    const proxyOf = (resource: string) => v1.resources.find((r) => r.resource === resource)!.subresources!.find((s) => s.subresource === 'proxy');
    expect(proxyOf('services')).toEqual({ subresource: 'proxy', responseKind: { group: '', version: 'v1', kind: 'ServiceProxyOptions' }, verbs: ['create', 'delete', 'get', 'patch', 'update'] });
    expect(proxyOf('nodes')).toEqual({ subresource: 'proxy', responseKind: { group: '', version: 'v1', kind: 'NodeProxyOptions' }, verbs: ['create', 'delete', 'get', 'patch', 'update'] });
  });

  test('/apis: named groups; every resource has a responseKind (client-go drops those without)', () => {
    const doc = aggregatedDiscovery('apis');
    expect(doc.items.map((g) => g.metadata.name)).toEqual(['authentication.k8s.io', 'authorization.k8s.io', 'discovery.k8s.io', 'netledger.io']);
    for (const g of doc.items) for (const v of g.versions) for (const r of v.resources) expect(r.responseKind.kind).not.toBe('');
    expect(doc.items[1]!.versions[0]!.resources.map((r) => r.resource)).toEqual(['selfsubjectaccessreviews', 'selfsubjectrulesreviews']);
    const netledger = doc.items[3]!.versions[0]!.resources.map((r) => r.resource);
    expect(netledger).toEqual(['events', 'clusternetworkconfigs', 'previews']);
  });
});

describe('RESOURCES registry', () => {
  test('lookups the API layer routes by', () => {
    expect(findResource('', 'v1', 'pods')!.kind).toBe('Pod');
    expect(findResource('discovery.k8s.io', 'v1', 'endpointslices')!.listKind).toBe('EndpointSliceList');
    expect(resourceForKind('', 'Node')!.plural).toBe('nodes');
    // netledger.io's nodes carry only custom subresources, never generic CRUD.
    expect(resourceForKind('netledger.io', 'Node')).toBeUndefined();
    expect(groupVersionPath('', 'v1')).toBe('api/v1');
    expect(groupVersionPath('netledger.io', 'v1')).toBe('apis/netledger.io/v1');
  });

  test('is immutable', () => {
    expect(Object.isFrozen(RESOURCES)).toBe(true);
    expect(Object.isFrozen(RESOURCES[0]!.verbs)).toBe(true);
    expect(() => (RESOURCES[0]!.shortNames as string[]).push('x')).toThrow();
  });

  test('every generic resource has an OpenAPI schema and a list kind', () => {
    for (const r of RESOURCES.filter((x) => x.serving === 'generic')) {
      expect(r.schema, r.plural).toMatch(/^io\.k8s\.api\.(core|discovery)\.v1\./);
      expect(r.listKind, r.plural).toBe(`${r.kind}List`);
    }
  });
});
