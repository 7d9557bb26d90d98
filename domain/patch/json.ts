// JSON values as the patch functions see them. Patches never mutate their inputs: every
// function works on copies (domain/clone.ts).

export type JsonObject = { [key: string]: unknown };

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One reference token of a JSON pointer as the key it names (RFC 6901: `~1` is `/`, `~0` is `~`). */
export function pointerToken(raw: string): string {
  return raw.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Go's reflect.DeepEqual over decoded JSON. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** How Go's %v prints a decoded JSON value: upstream's patch error texts print the documents so. */
export { goPlainValue as goString } from '../validation/gorepr.js';
