// Building commands for domain-level tests: fixed clock, deterministic uids, one actor.

import type { Command } from '../../domain/commands.js';
import type { StoredKind } from '../../domain/kinds.js';
import type { KubeObject } from '../../domain/objects.js';

let counter = 0;

export function ctx(actor = 'tester'): Omit<Command & { op: 'configure' }, 'op' | 'config'> {
  counter++;
  const hex = counter.toString(16).padStart(12, '0');
  return {
    time: new Date(Date.UTC(2026, 11, 1, 12, 0, 0) + counter * 1000).toISOString(),
    actor,
    requestId: `req-${counter}`,
    newUid: `00000000-0000-4000-8000-${hex}`,
  };
}

export const create = (kind: StoredKind, namespace: string, object: KubeObject): Command => ({ ...ctx(), op: 'create', kind, namespace, object });
/** A replace, as a client sends it: the object names itself (the name on the URL when it does not). */
export const update = (kind: StoredKind, namespace: string, name: string, object: KubeObject, subresource?: 'status'): Command => ({
  ...ctx(),
  op: 'update',
  kind,
  namespace,
  name,
  object: { ...object, metadata: { ...object.metadata, name: object.metadata?.name ?? name } },
  subresource,
});
export const remove = (kind: StoredKind, namespace: string, name: string, gracePeriodSeconds?: number): Command => ({
  ...ctx(),
  op: 'delete',
  kind,
  namespace,
  name,
  options: gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds },
});

export function node(name: string, ip: string, extra: Partial<KubeObject> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: ip }] }, ...extra };
}

export function pod(name: string, nodeName: string, labels: Record<string, string>, port = 8080): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels },
    spec: { nodeName, containers: [{ name: 'app', image: 'registry.k8s.io/pause:3.9', ports: [{ name: 'http', containerPort: port }] }] },
  };
}

export function readyStatus(ready: boolean): KubeObject {
  return { metadata: {}, status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } } as KubeObject;
}

/** A pod's Ready condition as the kubelet writes it: a patch of the status subresource, which
 * leaves the pod's metadata alone (a replace of /status writes the metadata it is sent). */
export const podReady = (namespace: string, name: string, ready: boolean): Command => ({
  ...ctx(),
  op: 'patch',
  kind: 'Pod',
  namespace,
  name,
  patchType: 'merge',
  patch: { status: readyStatus(ready).status },
  subresource: 'status',
});

export function service(name: string, selector: Record<string, string> | undefined, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector, ports: [{ name: 'http', port: 80, targetPort: 'http' }], ...spec } };
}
