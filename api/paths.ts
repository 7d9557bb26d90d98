// Parses kube-apiserver resource paths (api-concepts "URL layout") into what they address.

import { KIND_INFO, type KindInfo } from '../domain/kinds.js';
import { StatusError } from '../domain/errors.js';

export interface ResourcePath {
  info: KindInfo;
  /** '' for cluster-scoped kinds, undefined for "all namespaces". */
  namespace: string | undefined;
  name?: string;
  subresource?: string;
}

const BY_GROUP_RESOURCE = new Map<string, KindInfo>(Object.values(KIND_INFO).map((i) => [`${i.group}/${i.resource}`, i]));

/** `segments` are the path parts after /api/v1 or /apis/{group}/{version}. */
export function parseResourcePath(group: string, segments: string[]): ResourcePath {
  const lookup = (resource: string): KindInfo => {
    const info = BY_GROUP_RESOURCE.get(`${group}/${resource}`);
    if (!info) throw pageNotFound();
    return info;
  };
  const s = segments.filter((x) => x !== '');
  if (s.length === 0) throw pageNotFound();
  // namespaces/{ns}/bindings: pods/binding with the pod named in the body.
  if (group === '' && s[0] === 'namespaces' && s.length === 3 && s[2] === 'bindings') return { info: KIND_INFO.Pod, namespace: s[1], subresource: 'binding' };
  if (s[0] === 'namespaces' && s.length >= 3 && !(s.length === 3 && (s[2] === 'status' || s[2] === 'finalize'))) {
    const info = lookup(s[2]!);
    if (!info.namespaced) throw pageNotFound();
    // A proxy subresource takes a path after it (…/proxy/{path:*}); the rest end there.
    if (s.length > 5 && s[4] !== 'proxy') throw pageNotFound();
    return { info, namespace: s[1], name: s[3], subresource: s[4] };
  }
  const info = lookup(s[0]!);
  if (s.length > 3 && s[2] !== 'proxy') throw pageNotFound();
  if (info.namespaced) {
    if (s.length > 1) throw pageNotFound();
    return { info, namespace: undefined };
  }
  return { info, namespace: '', name: s[1], subresource: s[2] };
}

/** kube-apiserver's answer for a path it does not serve. */
export function pageNotFound(): StatusError {
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server could not find the requested resource',
    reason: 'NotFound',
    details: {},
    code: 404,
  });
}
