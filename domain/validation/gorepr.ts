// How Go prints a bad value inside a field error. apimachinery's field.Error.ErrorBody() (v0.32)
// prints int32/int64/float/bool with %v, a plain `string` with %q, and everything else with %#v
// (Go syntax: `[]string{"a", "b"}`, `core.PodIP{IP:"10.0.0.1"}`); a nil pointer prints "null".
// kubectl shows that text verbatim, so we rebuild it from the JS value plus the Go type name.

/** A value already rendered in Go syntax (%#v), e.g. a struct or a slice. */
export interface GoSyntax {
  readonly goSyntax: string;
}

/** What a FieldError may carry as its bad value. `null`/`undefined` stand for a nil pointer. */
export type BadValue = string | number | boolean | null | undefined | GoSyntax;

export function isGoSyntax(v: unknown): v is GoSyntax {
  return typeof v === 'object' && v !== null && typeof (v as GoSyntax).goSyntax === 'string';
}

/** strconv.Quote: Go's double-quoted string with Go escapes. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (isGoPrintable(cp)) out += ch;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

/** unicode.IsPrint, close enough: letters, marks, numbers, punctuation, symbols and ASCII space. */
function isGoPrintable(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7f;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

/** The value part of ErrorBody: `70000`, `"Foo"`, `[]string{"a"}`, `"null"` for a nil pointer. */
export function renderBadValue(v: BadValue): string {
  if (v === null || v === undefined) return goQuote('null');
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v.goSyntax;
}

/** A field of a Go struct or an element of a slice, in %#v. `null` is a typed nil pointer. */
export type GoField = string | number | boolean | GoSyntax | { nilPointer: string };

function renderField(v: GoField): string {
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if ('nilPointer' in v) return `(${v.nilPointer})(nil)`;
  return v.goSyntax;
}

/** `core.PodIP{IP:"10.0.0.1"}` */
export function goStruct(typeName: string, fields: [string, GoField][]): GoSyntax {
  return { goSyntax: `${typeName}{${fields.map(([k, v]) => `${k}:${renderField(v)}`).join(', ')}}` };
}

/** `[]string{"a", "b"}`; a missing slice is `[]string(nil)`. */
export function goSlice(typeName: string, items: readonly GoField[] | undefined): GoSyntax {
  if (items === undefined) return { goSyntax: `${typeName}(nil)` };
  return { goSyntax: `${typeName}{${items.map(renderField).join(', ')}}` };
}

export const goStrings = (items: readonly string[] | undefined): GoSyntax => goSlice('[]string', items);

/**
 * `%+v` of a JSON document decoded into interface{} with ints kept (sigs.k8s.io/json): maps as
 * `map[k:v …]` with sorted keys, slices as `[a b]`, strings bare, null as `<nil>`. The patch
 * handlers print a strategic merge patch this way in a strict decoding error.
 */
export function goPlainValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloatOrInt(v);
  if (Array.isArray(v)) return `[${v.map(goPlainValue).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${Object.keys(o)
    .sort()
    .map((k) => `${k}:${goPlainValue(o[k])}`)
    .join(' ')}]`;
}

/** An integer as int64 prints; anything else as float64's %v: strconv's shortest %g, which
 * switches to an exponent (two digits at least) below 1e-04 and from 1e+06 on. */
function goFloatOrInt(n: number): string {
  if (Number.isSafeInteger(n)) return String(n);
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const [mantissa, e] = n.toExponential().split('e') as [string, string];
  const exp = Number(e);
  if (exp >= -4 && exp < 6) return String(n);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** A decoded JSON value with every object's keys in sorted order, as encoding/json writes Go maps. */
export function sortedDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortedDeep);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortedDeep((v as Record<string, unknown>)[k]);
  return out;
}
