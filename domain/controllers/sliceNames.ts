// EndpointSlice names. Upstream creates slices with generateName `<service>-` and lets the
// apiserver append 5 random characters; replay must give the same names, so the suffix here is a
// hash of what identifies the slice instead, drawn from the apiserver's own alphabet.

import { hash } from 'node:crypto';

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits, so no words are spelled. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_NAME_LENGTH = 63;
const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;
const MAX_SUBDOMAIN_LENGTH = 253;

/** getEndpointSlicePrefix: `<name>-` unless that is not a valid DNS subdomain prefix. */
export function endpointSlicePrefix(name: string): string {
  const prefix = `${name}-`;
  return prefix.length <= MAX_SUBDOMAIN_LENGTH ? prefix : name;
}

export interface SliceIdentity {
  controller: string;
  namespace: string;
  name: string;
  addressType: string;
  index: number;
}

function suffix(id: SliceIdentity, attempt: number): string {
  const digest = hash('sha256', [id.controller, id.namespace, id.name, id.addressType, String(id.index), String(attempt)].join('\u0000'), 'buffer');
  let out = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) out += ALPHANUMS[digest[i]! % ALPHANUMS.length];
  return out;
}

/**
 * SimpleNameGenerator: the prefix cut to 58 characters plus 5. `taken` holds names already
 * handed out in this computation; on the (1 in 14 million) collision the hash is re-drawn.
 */
export function endpointSliceName(prefix: string, id: SliceIdentity, taken: Set<string>): string {
  const base = prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH) : prefix;
  for (let attempt = 0; ; attempt++) {
    const name = base + suffix(id, attempt);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
