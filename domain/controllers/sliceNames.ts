// EndpointSlice names. Upstream creates slices with generateName `<service>-` and lets the
// apiserver append 5 random characters; replay must give the same names, so the suffix here is a
// hash of what identifies the slice instead (generate-name.ts).

import { generatedName } from '../generate-name.js';
import { memoize } from '../memo.js';

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

/** Every reconcile names its Service's slices again (a sha256 each), and gets the same names each
 * time: kept, with room for the slices of the scalability envelope's 10,000 Services several
 * times over. */
const sliceName = memoize((text: string) => {
  const cut = text.indexOf('\u0000');
  return generatedName(text.slice(0, cut), text.slice(cut + 1));
}, 40_000);

/**
 * The slice's generated name. `taken` holds names already handed out in this computation; on the
 * (1 in 14 million) collision the hash is re-drawn.
 */
export function endpointSliceName(prefix: string, id: SliceIdentity, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const name = sliceName([prefix, id.controller, id.namespace, id.name, id.addressType, String(id.index), String(attempt)].join('\u0000'));
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
