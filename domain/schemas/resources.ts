// The resource registry: every REST resource netledger serves, with the names discovery
// publishes (as kube-apiserver's /api/v1 and /apis/discovery.k8s.io/v1 list them in v1.32) and
// the routes the API layer builds from it.

export type Verb = 'create' | 'delete' | 'deletecollection' | 'get' | 'list' | 'patch' | 'update' | 'watch';

export interface SubresourceInfo {
  /** `status`, `eviction`, or netledger's `tables`. */
  name: string;
  /** Kind of the subresource's body (the parent kind for `status`). */
  kind: string;
  verbs: readonly Verb[];
  /** A body of another group version than the parent's (pods/eviction: policy/v1 Eviction). */
  group?: string;
  version?: string;
}

export interface ResourceInfo {
  plural: string;
  singular: string;
  kind: string;
  /** Kind of the list body, when the resource can be listed. */
  listKind?: string;
  /** `''` for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: readonly string[];
  categories: readonly string[];
  /** Empty for a resource that only carries subresources (netledger.io `nodes`). */
  verbs: readonly Verb[];
  subresources: readonly SubresourceInfo[];
  /**
   * `generic`: objects kept in the event store and served by the API layer's shared CRUD/watch
   * handlers; `custom`: served by its own routes (netledger.io, see API.md).
   */
  serving: 'generic' | 'custom';
  /** OpenAPI definition of the kind, for resources with a schema. */
  schema?: string;
}

const ALL_VERBS: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS_VERBS: readonly Verb[] = ['get', 'patch', 'update'];
const status = (kind: string): SubresourceInfo => ({ name: 'status', kind, verbs: STATUS_VERBS });

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export const RESOURCES: readonly ResourceInfo[] = deepFreeze<ResourceInfo[]>([
  {
    // The legacy form of pods/binding (POST namespaces/{ns}/bindings, the pod named in the body).
    plural: 'bindings', singular: 'binding', kind: 'Binding', group: '', version: 'v1',
    namespaced: true, shortNames: [], categories: [], verbs: ['create'], subresources: [], serving: 'custom',
  },
  {
    plural: 'namespaces', singular: 'namespace', kind: 'Namespace', listKind: 'NamespaceList', group: '', version: 'v1',
    namespaced: false, shortNames: ['ns'], categories: [],
    // Upstream namespaces have no deletecollection.
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [{ name: 'finalize', kind: 'Namespace', verbs: ['update'] }, status('Namespace')], serving: 'generic', schema: 'io.k8s.api.core.v1.Namespace',
  },
  {
    plural: 'nodes', singular: 'node', kind: 'Node', listKind: 'NodeList', group: '', version: 'v1',
    namespaced: false, shortNames: ['no'], categories: [], verbs: ALL_VERBS,
    // nodes/proxy (the kubelet, or another port of the node) answers why it cannot (api/proxy.ts).
    subresources: [{ name: 'proxy', kind: 'NodeProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, status('Node')],
    serving: 'generic', schema: 'io.k8s.api.core.v1.Node',
  },
  {
    plural: 'pods', singular: 'pod', kind: 'Pod', listKind: 'PodList', group: '', version: 'v1',
    namespaced: true, shortNames: ['po'], categories: ['all'], verbs: ALL_VERBS,
    // Upstream lists a resource's subresources by name.
    // The kubelet's subresources (attach, exec, log, portforward) and proxy are listed as upstream
    // lists them; with no kubelet or data plane behind them they answer why they cannot
    // (api/resources.ts, api/proxy.ts).
    subresources: [
      { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
      { name: 'binding', kind: 'Binding', verbs: ['create'] },
      { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
      { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'log', kind: 'Pod', verbs: ['get'] },
      { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
      { name: 'proxy', kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
      status('Pod'),
    ],
    serving: 'generic', schema: 'io.k8s.api.core.v1.Pod',
  },
  {
    plural: 'services', singular: 'service', kind: 'Service', listKind: 'ServiceList', group: '', version: 'v1',
    namespaced: true, shortNames: ['svc'], categories: ['all'], verbs: ALL_VERBS,
    // services/proxy (an endpoint of the Service) answers why it cannot (api/proxy.ts).
    subresources: [{ name: 'proxy', kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] }, status('Service')],
    serving: 'generic', schema: 'io.k8s.api.core.v1.Service',
  },
  {
    plural: 'endpoints', singular: 'endpoints', kind: 'Endpoints', listKind: 'EndpointsList', group: '', version: 'v1',
    namespaced: true, shortNames: ['ep'], categories: [], verbs: ALL_VERBS,
    subresources: [], serving: 'generic', schema: 'io.k8s.api.core.v1.Endpoints',
  },
  {
    plural: 'events', singular: 'event', kind: 'Event', listKind: 'EventList', group: '', version: 'v1',
    namespaced: true, shortNames: ['ev'], categories: [], verbs: ALL_VERBS,
    subresources: [], serving: 'generic', schema: 'io.k8s.api.core.v1.Event',
  },
  // Who am I and what may I do (kubectl auth whoami / can-i): reviews of the caller, created and
  // answered, never stored; there is no authorization, so everything is allowed. Listed before
  // discovery.k8s.io, as kube-apiserver orders the groups.
  {
    plural: 'selfsubjectreviews', singular: 'selfsubjectreview', kind: 'SelfSubjectReview', group: 'authentication.k8s.io', version: 'v1',
    namespaced: false, shortNames: [], categories: [], verbs: ['create'], subresources: [], serving: 'custom',
  },
  {
    plural: 'selfsubjectaccessreviews', singular: 'selfsubjectaccessreview', kind: 'SelfSubjectAccessReview', group: 'authorization.k8s.io', version: 'v1',
    namespaced: false, shortNames: [], categories: [], verbs: ['create'], subresources: [], serving: 'custom',
  },
  {
    plural: 'selfsubjectrulesreviews', singular: 'selfsubjectrulesreview', kind: 'SelfSubjectRulesReview', group: 'authorization.k8s.io', version: 'v1',
    namespaced: false, shortNames: [], categories: [], verbs: ['create'], subresources: [], serving: 'custom',
  },
  {
    plural: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', listKind: 'EndpointSliceList',
    group: 'discovery.k8s.io', version: 'v1', namespaced: true, shortNames: [], categories: [], verbs: ALL_VERBS,
    subresources: [], serving: 'generic', schema: 'io.k8s.api.discovery.v1.EndpointSlice',
  },
  // netledger.io/v1 (API.md): the audit log, previews, and the per-node tables and agent status.
  // The audit log is `kubectl get events.netledger.io`; `events` and `ev` are core/v1's (kubectl
  // warns on every use of a short name two groups share).
  {
    plural: 'events', singular: 'event', kind: 'Event', listKind: 'EventList', group: 'netledger.io', version: 'v1',
    namespaced: false, shortNames: [], categories: [], verbs: ['list'], subresources: [], serving: 'custom',
  },
  {
    // The cluster network settings (`netledger serve` flags), recorded as events when they change;
    // read-only here: they change only through the flags.
    plural: 'clusternetworkconfigs', singular: 'clusternetworkconfig', kind: 'ClusterNetworkConfig', listKind: 'ClusterNetworkConfigList',
    group: 'netledger.io', version: 'v1', namespaced: false, shortNames: [], categories: [], verbs: ['get', 'list'], subresources: [], serving: 'custom',
  },
  {
    plural: 'previews', singular: 'preview', kind: 'Preview', group: 'netledger.io', version: 'v1',
    namespaced: false, shortNames: [], categories: [], verbs: ['create'], subresources: [], serving: 'custom',
  },
  {
    plural: 'nodes', singular: 'node', kind: 'Node', group: 'netledger.io', version: 'v1',
    namespaced: false, shortNames: [], categories: [], verbs: [],
    subresources: [
      { name: 'tables', kind: 'NodeTable', verbs: ['get', 'watch'] },
      { name: 'status', kind: 'NodeAgentStatus', verbs: ['get', 'update'] },
    ],
    serving: 'custom',
  },
]);

/** `v1` for the core group, `discovery.k8s.io/v1` otherwise. */
export function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** The URL prefix of a group version, without the leading slash: `api/v1`, `apis/netledger.io/v1`. */
export function groupVersionPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

export function apiVersionOf(r: ResourceInfo): string {
  return groupVersion(r.group, r.version);
}

export function findResource(group: string, version: string, plural: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function resourceForKind(group: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.group === group && r.kind === kind && r.serving === 'generic');
}

/** The group versions served, in discovery order (core first, as kube-apiserver lists them). */
export function servedGroupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const r of RESOURCES) seen.set(`${r.group}/${r.version}`, { group: r.group, version: r.version });
  return [...seen.values()];
}

export function resourcesOf(group: string, version: string): ResourceInfo[] {
  return RESOURCES.filter((r) => r.group === group && r.version === version);
}
