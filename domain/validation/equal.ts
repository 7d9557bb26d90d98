// Structural equality and a small path diff for JSON-shaped values (apiequality.Semantic.DeepEqual
// over decoded objects; key order never matters).

export { deepEqual } from '../equal.js';
import { deepEqual } from '../equal.js';

/**
 * `- path: old` / `+ path: new` lines for every leaf that differs. Upstream appends go-cmp's
 * cmp.Diff of the internal structs, which has no stable format; this keeps its spirit.
 */
export function diffLines(before: unknown, after: unknown, path: string): string[] {
  if (deepEqual(before, after)) return [];
  const bothObjects =
    typeof before === 'object' && before !== null && typeof after === 'object' && after !== null && Array.isArray(before) === Array.isArray(after);
  if (!bothObjects) {
    const out: string[] = [];
    if (before !== undefined) out.push(`- ${path}: ${JSON.stringify(before)}`);
    if (after !== undefined) out.push(`+ ${path}: ${JSON.stringify(after)}`);
    return out;
  }
  const out: string[] = [];
  if (Array.isArray(before)) {
    const a = after as unknown[];
    for (let i = 0; i < Math.max(before.length, a.length); i++) out.push(...diffLines(before[i], a[i], `${path}[${i}]`));
    return out;
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after as object)])].sort();
  for (const k of keys) {
    out.push(...diffLines((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return out;
}
