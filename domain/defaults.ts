// Defaulting, as kube-apiserver applies it when it decodes a request (pkg/apis/core/v1
// defaults.go): what `kubectl get -o yaml` shows the server filled in. Runs before validation.

import type { StoredKind } from './kinds.js';
import type { Endpoints, EndpointSlice, KubeObject, Namespace, Pod, Service } from './objects.js';

export function applyDefaults(kind: StoredKind, obj: KubeObject): void {
  switch (kind) {
    case 'Pod':
      return defaultPod(obj as Pod);
    case 'Service':
      return defaultService(obj as Service);
    case 'Endpoints':
      return defaultEndpoints(obj as Endpoints);
    case 'EndpointSlice':
      return defaultEndpointSlice(obj as EndpointSlice);
    case 'Namespace':
      return defaultNamespace(obj as Namespace);
    case 'Node':
      return;
  }
}

function defaultPod(pod: Pod): void {
  const spec = (pod.spec ??= {});
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.enableServiceLinks ??= true;
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of list ?? []) {
      if (!c || typeof c !== 'object') continue;
      for (const p of c.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
      if (typeof c.image === 'string') c.imagePullPolicy ??= imagePullPolicyFor(c.image);
      c.terminationMessagePath ??= '/dev/termination-log';
      c.terminationMessagePolicy ??= 'File';
      c.resources ??= {};
    }
  }
}

/** SetDefaults_Container: Always for `:latest` or untagged images, IfNotPresent otherwise. */
function imagePullPolicyFor(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const tagAt = image.indexOf(':', lastSlash + 1);
  if (tagAt < 0) return 'Always';
  return image.slice(tagAt + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.type ??= 'ClusterIP';
  if (spec.type !== 'ExternalName') {
    spec.sessionAffinity ??= 'None';
    spec.internalTrafficPolicy ??= 'Cluster';
  }
  for (const p of spec.ports ?? []) {
    if (!p || typeof p !== 'object') continue;
    p.protocol ??= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
  }
  // LoadBalancerIPMode (on by default since 1.30): an ingress IP given without a mode is a VIP.
  const ingress = svc.status?.loadBalancer?.ingress;
  if (Array.isArray(ingress)) for (const ing of ingress) if (ing && typeof ing === 'object' && ing.ip && ing.ipMode === undefined) ing.ipMode = 'VIP';
}

function defaultEndpoints(ep: Endpoints): void {
  for (const s of ep.subsets ?? []) for (const p of s?.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
}

function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const p of slice.ports ?? []) if (p && typeof p === 'object') p.protocol ??= 'TCP';
}

function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata.name;
  if (name) {
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  }
  ns.spec ??= { finalizers: ['kubernetes'] };
}
