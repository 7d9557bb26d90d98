// EndpointSlice names. Upstream creates slices with generateName `<service>-` and lets the
// apiserver append 5 random characters; replay must give the same names, so the suffix here is a
// hash of what identifies the slice instead (generate-name.ts).
import { generatedName } from '../generate-name.js';
const MAX_SUBDOMAIN_LENGTH = 253;
/** getEndpointSlicePrefix: `<name>-` unless that is not a valid DNS subdomain prefix. */
export function endpointSlicePrefix(name) {
    const prefix = `${name}-`;
    return prefix.length <= MAX_SUBDOMAIN_LENGTH ? prefix : name;
}
/**
 * The slice's generated name. `taken` holds names already handed out in this computation; on the
 * (1 in 14 million) collision the hash is re-drawn.
 */
export function endpointSliceName(prefix, id, taken) {
    for (let attempt = 0;; attempt++) {
        const name = generatedName(prefix, [id.controller, id.namespace, id.name, id.addressType, String(id.index), String(attempt)].join('\u0000'));
        if (!taken.has(name)) {
            taken.add(name);
            return name;
        }
    }
}
//# sourceMappingURL=sliceNames.js.map