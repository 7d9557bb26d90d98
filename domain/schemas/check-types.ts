// The structural check kube-apiserver's JSON decoder performs before any validation: wrong JSON
// types fail the request (encoding/json's UnmarshalTypeError text), unknown fields are collected
// for `fieldValidation=Warn|Strict` (sigs.k8s.io/json's strict-decoding paths).

import type { TSchema } from '@sinclair/typebox';
import { GO_TYPE, PRESERVE_UNKNOWN } from './build.js';
import { KIND_SCHEMAS, SCHEMAS, goStructName, goTypeName } from './registry.js';
import { canonicalQuantity, quantityFormat, QUANTITY_FORMAT_ERROR } from '../quantity.js';

export interface TypeError_ {
  /** Path as field errors print it: `spec.ports[0].port`. */
  field: string;
  /** The decoder's text: `json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`. */
  message: string;
  /** The same mismatch in the words of apimachinery's unstructured converter (runtime/converter.go
   * fromUnstructured), which decodes a strategic merge patch's result: `unrecognized type: int32`,
   * `cannot convert int64 to string`, `cannot restore struct from: string`. Absent where the
   * converter hands the value to the type's own JSON decoding (Quantity, IntOrString). */
  converter?: string;
}

/** What the converter calls a decoded JSON value's Go type (sigs.k8s.io/json keeps ints). */
function sourceKind(value: unknown): string {
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'string' ? 'string' : 'map';
}

/**
 * fromUnstructured's error for `value` into a Go type of this kind (`type` as Go prints it).
 * Simple types: a value reflect can convert but JSON would not (an int into a string, a fraction
 * into an int) is "cannot convert"; one it cannot convert at all is "unrecognized type".
 */
function converterError(value: unknown, kind: 'string' | 'bool' | 'int32' | 'int64' | 'float64' | 'struct' | 'slice' | 'map', type: string): string | undefined {
  const st = sourceKind(value);
  if (kind === 'struct') return `cannot restore struct from: ${st}`;
  if (kind === 'slice') return `cannot restore slice from ${st}`;
  if (kind === 'map') return `cannot restore map from ${st}`;
  const numeric = (k: string) => k === 'int32' || k === 'int64' || k === 'float64';
  // reflect's ConvertibleTo: numbers to numbers, and an integer to a string (a rune).
  if (numeric(st) && numeric(kind)) return st === 'float64' && kind !== 'float64' ? `cannot convert float64 to ${type}` : undefined;
  if (st === 'int64' && kind === 'string') return `cannot convert int64 to ${type}`;
  return `unrecognized type: ${kind}`;
}

export interface TypeCheckResult {
  /** Wrong JSON types, in document order; upstream's decoder reports the first one. */
  errors: TypeError_[];
  /** Unknown fields, in document order, as upstream prints them: `spec.foo`, `spec.containers[0].bar`. */
  unknownFields: string[];
  /** Takes the unknown fields out of the checked body, as decoding into the typed object drops
   * them (fieldValidation Ignore and Warn store none of them). */
  dropUnknownFields(): void;
  /** Writes every Quantity of the checked body as Quantity serializes it (`0.5` → `"500m"`),
   * as a decode into the typed object and back does. */
  canonicalizeQuantities(): void;
  /** Writes every JSON null as the decode into the typed object and back leaves it: a struct's
   * field is its zero value, omitted (labels: null, type: null); a map's value or a slice's
   * element is its type's zero value (a label `a: null` is `a: ""`). */
  zeroNulls(): void;
  /** Whether a list holds a null. A merge or strategic patch removes the fields and map entries
   * its nulls name, but keeps a list it sets whole, nulls and all: its result needs decoding. */
  nullElements: boolean;
}

export interface TypeCheckOptions {
  /** Keys that are neither fields nor unknown (a strategic merge patch's directives). */
  skipKey?: (key: string) => boolean;
}

const IDS = {
  intOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  fieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  rawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
};

export { QUANTITY_FORMAT_ERROR };

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [-9223372036854775808, 9223372036854775807],
};

interface Position {
  /** Go struct holding the current field (`ServicePort`), or null at the root. */
  struct: string | null;
  /** Field names from the root, without indices or map keys, as encoding/json's error context. */
  goPath: string[];
  /** Field path with indices, for `field` and unknown-field paths. */
  path: string;
  /** The object or array holding the value, and its key there. */
  holder?: [Record<string, unknown>, string];
  /** What the holder is to Go: a struct's field, a map's value or a slice's element. */
  in?: 'struct' | 'map' | 'slice';
}

class Checker {
  readonly errors: TypeError_[] = [];
  readonly unknownFields: string[] = [];
  /** Where each unknown field is: its object and key. */
  readonly unknownAt: [Record<string, unknown>, string][] = [];
  /** Where each Quantity is: its holder and key. */
  readonly quantities: [Record<string, unknown>, string][] = [];

  constructor(private readonly options: TypeCheckOptions = {}) {}

  /** Where a JSON null was, with the schema of what it decodes into. */
  readonly nulls: [Position, TSchema][] = [];

  check(schema: TSchema, value: unknown, at: Position): void {
    // JSON null decodes into any Go type (the zero value), so it is never a type error.
    if (value === null) this.nulls.push([at, schema]);
    if (value === null || value === undefined) return;
    if (typeof schema.$ref === 'string') return this.checkNamed(schema.$ref, value, at);
    if (typeof schema.$id === 'string') return this.checkNamed(schema.$id, value, at, schema);
    this.checkShape(schema, value, at, null);
  }

  private checkNamed(id: string, value: unknown, at: Position, known?: TSchema): void {
    const schema = known ?? SCHEMAS.get(id);
    if (!schema) throw new Error(`schema ${id} is not registered`);
    if (id === IDS.fieldsV1 || id === IDS.rawExtension) return; // raw JSON of any shape
    if (id === IDS.intOrString) {
      // IntOrString.UnmarshalJSON: a quoted value is the string arm, anything else is an int32.
      if (typeof value !== 'string') this.checkInteger('int32', value, at, false);
      return;
    }
    if (id === IDS.quantity) {
      // Quantity.UnmarshalJSON: a string or a number, in ParseQuantity's grammar.
      if (typeof value !== 'string' && typeof value !== 'number') this.errors.push({ field: at.path, message: QUANTITY_FORMAT_ERROR });
      else {
        const format = quantityFormat(typeof value === 'number' ? String(value) : value.trim());
        if (typeof format !== 'string') this.errors.push({ field: at.path, message: format.error });
        else if (at.holder) this.quantities.push(at.holder);
      }
      return;
    }
    this.checkShape(schema, value, at, id);
  }

  private checkShape(schema: TSchema, value: unknown, at: Position, id: string | null): void {
    switch (schema.type) {
      case 'string':
        if (typeof value !== 'string') this.typeError(value, at, goType(schema, id), 'string');
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.typeError(value, at, 'bool', 'bool');
        return;
      case 'integer':
        this.checkInteger(schema.format === 'int32' ? 'int32' : 'int64', value, at);
        return;
      case 'number':
        if (typeof value !== 'number') this.typeError(value, at, 'float64', 'float64');
        return;
      case 'array':
        if (!Array.isArray(value)) return this.typeError(value, at, goType(schema, id), 'slice');
        value.forEach((item, i) => this.check(schema.items as TSchema, item, { ...at, path: `${at.path}[${i}]`, holder: [value as unknown as Record<string, unknown>, String(i)], in: 'slice' }));
        return;
      case 'object':
        if (typeof value !== 'object' || Array.isArray(value)) return this.typeError(value, at, goType(schema, id), schema.additionalProperties ? 'map' : 'struct');
        return this.checkObject(schema, value as Record<string, unknown>, at, id);
      default:
        return;
    }
  }

  private checkObject(schema: TSchema, value: Record<string, unknown>, at: Position, id: string | null): void {
    const values = schema.additionalProperties;
    if (values && typeof values === 'object') {
      // A Go map: keys are not part of encoding/json's error context.
      for (const [key, v] of Object.entries(value)) this.check(values as TSchema, v, { ...at, path: `${at.path}[${key}]`, holder: [value, key], in: 'map' });
      return;
    }
    const props = (schema.properties ?? {}) as Record<string, TSchema>;
    const open = schema[PRESERVE_UNKNOWN] === true;
    const struct = id ? goStructName(id) : at.struct;
    for (const [key, v] of Object.entries(value)) {
      const path = at.path ? `${at.path}.${key}` : key;
      const field = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
      if (!field) {
        if (!open && !this.options.skipKey?.(key)) {
          this.unknownFields.push(path);
          this.unknownAt.push([value, key]);
        }
        continue;
      }
      this.check(field, v, { struct, goPath: [...at.goPath, key], path, holder: [value, key], in: 'struct' });
    }
  }

  private checkInteger(goInt: 'int32' | 'int64', value: unknown, at: Position, converted = true): void {
    if (typeof value !== 'number') return this.typeError(value, at, goInt, converted ? goInt : undefined);
    const [min, max] = INT_RANGE[goInt]!;
    // encoding/json names the literal when a number does not fit the integer type.
    if (!Number.isInteger(value) || value < min || value > max) this.typeError(value, at, goInt, converted ? goInt : undefined, `number ${jsonNumber(value)}`);
  }

  /** `kind`: the Go kind the converter would meet (none for types that decode themselves). */
  private typeError(value: unknown, at: Position, type: string, kind?: Parameters<typeof converterError>[1], described?: string): void {
    const what = described ?? jsonKind(value);
    const message = at.struct
      ? `json: cannot unmarshal ${what} into Go struct field ${at.struct}.${at.goPath.join('.')} of type ${type}`
      : `json: cannot unmarshal ${what} into Go value of type ${type}`;
    const converter = kind ? converterError(value, kind, type) : undefined;
    this.errors.push(converter ? { field: at.path, message, converter } : { field: at.path, message });
  }
}

/** encoding/json's name for a decoded JSON value's kind in an UnmarshalTypeError. */
export function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

/** Go prints the literal as it appeared; JSON.parse keeps no text, so use JSON's own rendering. */
function jsonNumber(n: number): string {
  return JSON.stringify(n);
}

/** The Go type encoding/json names: `v1.PodSpec`, `[]v1.Container`, `map[string]string`, `string`. */
function goType(schema: TSchema, id: string | null): string {
  if (typeof schema[GO_TYPE] === 'string') return schema[GO_TYPE] as string;
  if (typeof schema.$ref === 'string') {
    const target = SCHEMAS.get(schema.$ref);
    return target ? goType(target, schema.$ref) : goTypeName(schema.$ref);
  }
  if (id && schema.type === 'object' && !schema.additionalProperties) return goTypeName(id);
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'integer':
      return schema.format === 'int32' ? 'int32' : 'int64';
    case 'number':
      return 'float64';
    case 'array':
      return `[]${goType(schema.items as TSchema, null)}`;
    case 'object':
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        return `map[string]${goType(schema.additionalProperties as TSchema, null)}`;
      }
      return 'map[string]interface {}';
    default:
      return 'interface {}';
  }
}

/**
 * Check a decoded JSON body against the schema of `kind` (Pod, Service, DeleteOptions, …).
 * Throws for a kind without a schema: that is a routing bug, not a client error.
 */
export function checkTypes(kind: string, body: unknown, options: TypeCheckOptions = {}): TypeCheckResult {
  const id = KIND_SCHEMAS.get(kind);
  if (!id) throw new Error(`no schema for kind ${kind}`);
  const checker = new Checker(options);
  checker.check({ $ref: id } as unknown as TSchema, body, { struct: null, goPath: [], path: '' });
  return {
    errors: checker.errors,
    unknownFields: checker.unknownFields,
    dropUnknownFields: () => {
      for (const [object, key] of checker.unknownAt) delete object[key];
    },
    canonicalizeQuantities: () => {
      for (const [holder, key] of checker.quantities) {
        const canonical = canonicalQuantity(holder[key]);
        if (canonical !== undefined) holder[key] = canonical;
      }
    },
    nullElements: checker.nulls.some(([at]) => at.in === 'slice'),
    zeroNulls: () => {
      for (const [at, schema] of checker.nulls) {
        if (!at.holder) continue;
        const [holder, key] = at.holder;
        if (at.in === 'struct') delete holder[key];
        else holder[key] = zeroValue(schema);
      }
    },
  };
}

/** The JSON of a Go type's zero value: a nil map or slice is null, a struct `{}`. */
function zeroValue(schema: TSchema): unknown {
  const id = typeof schema.$ref === 'string' ? schema.$ref : typeof schema.$id === 'string' ? schema.$id : undefined;
  if (id === IDS.intOrString) return 0;
  if (id === IDS.quantity) return '0';
  if (id === IDS.fieldsV1 || id === IDS.rawExtension) return null;
  const resolved = id ? (SCHEMAS.get(id) ?? schema) : schema;
  switch (resolved.type) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'object':
      return resolved.additionalProperties ? null : {};
    default:
      return null;
  }
}

export function hasSchema(kind: string): boolean {
  return KIND_SCHEMAS.has(kind);
}

/** The warning kube-apiserver sends (fieldValidation=Warn) for one unknown field. */
export function unknownFieldWarning(path: string): string {
  return `unknown field "${path}"`;
}

/** The 400 BadRequest message for fieldValidation=Strict. */
export function strictDecodingError(paths: string[]): string {
  return `strict decoding error: ${paths.map(unknownFieldWarning).join(', ')}`;
}

/** The 400 BadRequest message for a body that fails to decode (create/update handlers). */
export function decodeErrorMessage(kind: string, version: string, decodeError: string): string {
  return `${kind} in version "${version}" cannot be handled as a ${kind}: ${decodeError}`;
}
