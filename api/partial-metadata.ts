// PartialObjectMetadata: an object's metadata alone, as kube-apiserver answers the metadata client
// (handlers/response.go asPartialObjectMetadata[List]). A list asked for as the one kind, or an
// object as the other, is 406, in upstream's words (Go type names included).

import { errors } from '../domain/errors.js';
import type { KubeObject } from '../domain/objects.js';
import type { PartialMetadata } from './negotiate.js';

export function partialObject(obj: KubeObject, as: PartialMetadata): unknown {
  return { kind: 'PartialObjectMetadata', apiVersion: as.apiVersion, metadata: obj.metadata };
}

export interface ListLike {
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: KubeObject[];
}

export function partialList(list: ListLike, kind: string, as: PartialMetadata): unknown {
  if (!as.list) throw errors.notAcceptable(`you requested PartialObjectMetadata, but the requested object is a list (*v1.${kind}List)`);
  const { resourceVersion, continue: next, remainingItemCount } = list.metadata;
  return {
    kind: 'PartialObjectMetadataList',
    apiVersion: as.apiVersion,
    metadata: { resourceVersion, continue: next, remainingItemCount },
    items: list.items.map((o) => partialObject(o, as)),
  };
}

/** For a get or a watch: each object is answered on its own, never as a list. */
export function requireObjectForm(as: PartialMetadata, kind: string): void {
  if (as.list) throw errors.notAcceptable(`you requested PartialObjectMetadataList, but the requested object is not a list (*v1.${kind})`);
}
