// Content negotiation for reads: a meta.k8s.io Table when the Accept header asks for one
// (kubectl get), plain JSON otherwise.

import { errors } from '../domain/errors.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface Negotiated {
  table: boolean;
}

export function negotiate(accept: string | undefined): Negotiated {
  if (!accept) return { table: false };
  const types = accept.split(',').map((t) => t.trim());
  for (const t of types) {
    const params = t.split(';').map((p) => p.trim());
    const media = params[0];
    const as = params.find((p) => p.startsWith('as='))?.slice(3);
    const g = params.find((p) => p.startsWith('g='))?.slice(2);
    if (as === 'Table' && g === 'meta.k8s.io' && (media === 'application/json' || media === '*/*')) return { table: true };
    if (!as && (media === 'application/json' || media === '*/*' || media === 'application/*' || media?.startsWith('application/vnd.kubernetes.protobuf') || media === 'application/yaml')) {
      if (media?.startsWith('application/vnd.kubernetes.protobuf')) continue; // we answer the JSON alternative
      return { table: false };
    }
  }
  if (types.some((t) => t.startsWith('application/vnd.kubernetes.protobuf'))) return { table: false };
  throw errors.notAcceptable(`only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io`);
}

export function includeObjectParam(v: unknown): IncludeObject {
  if (v === undefined || v === '') return 'Metadata';
  if (v === 'None' || v === 'Metadata' || v === 'Object') return v;
  throw errors.badRequest(`unrecognized includeObject value: "${String(v)}"`);
}
