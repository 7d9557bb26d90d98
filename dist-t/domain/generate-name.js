// names.SimpleNameGenerator: a generateName prefix cut to 58 characters, plus 5 characters of the
// apiserver's alphabet (consonants and digits, so no words are spelled), at most 63 in all.
// Upstream draws the 5 at random; here they come from a hash of a seed the caller gives (a
// command's new uid, a slice's identity), so that replay gives the same names.
import { hash } from 'node:crypto';
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_GENERATED_NAME_LENGTH = 63 - RANDOM_LENGTH;
export function generatedName(prefix, seed) {
    let name = prefix.length > MAX_GENERATED_NAME_LENGTH ? prefix.slice(0, MAX_GENERATED_NAME_LENGTH) : prefix;
    const digest = hash('sha256', seed, 'buffer');
    for (let i = 0; i < RANDOM_LENGTH; i++)
        name += ALPHANUMS[digest[i] % ALPHANUMS.length];
    return name;
}
//# sourceMappingURL=generate-name.js.map