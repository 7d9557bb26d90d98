// Structural equality and a small path diff for JSON-shaped values (apiequality.Semantic.DeepEqual
// over decoded objects; key order never matters).

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

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
