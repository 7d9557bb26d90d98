// metav1.Time and MicroTime as kube-apiserver stores them: decoded from RFC 3339 (Time with any
// offset and fraction, MicroTime with exactly six fraction digits) and encoded again in UTC, Time
// to whole seconds (`2006-01-02T15:04:05Z`). A client sending `.123Z` or `+02:00` gets back what
// Go's encoder writes, and a value time.Parse refuses fails the request's decoding (400).

import type { TSchema } from '@sinclair/typebox';
import { errors, type StatusError } from '../errors.js';
import { KIND_INFO, type StoredKind } from '../kinds.js';
import { KIND_SCHEMAS, SCHEMAS } from './registry.js';

const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
const MICRO_TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime';

/** Where in a value times can be: a time itself, or the branches that lead to one. */
type TimeTree =
  | { kind: 'time'; micro: boolean }
  | { kind: 'fields'; fields: Map<string, TimeTree> }
  /** Every array element or map value. */
  | { kind: 'each'; of: TimeTree };

const byId = new Map<string, TimeTree | null>();

/** The schema's time-bearing branches, null where it holds no time (cut from the walk). */
function treeOf(schema: TSchema, seen: Set<string>): TimeTree | null {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    if (ref === TIME || ref === MICRO_TIME) return { kind: 'time', micro: ref === MICRO_TIME };
    if (byId.has(ref)) return byId.get(ref)!;
    const target = SCHEMAS.get(ref);
    if (!target || seen.has(ref)) return null; // recursive types (JSONSchemaProps) hold no times here
    seen.add(ref);
    const tree = treeOf(target, seen);
    seen.delete(ref);
    byId.set(ref, tree);
    return tree;
  }
  if (schema.type === 'array' && schema.items) {
    const of = treeOf(schema.items as TSchema, seen);
    return of && { kind: 'each', of };
  }
  if (schema.type === 'object') {
    const values = schema.additionalProperties;
    if (values && typeof values === 'object') {
      const of = treeOf(values as TSchema, seen);
      return of && { kind: 'each', of };
    }
    const fields = new Map<string, TimeTree>();
    for (const [name, field] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) {
      const t = treeOf(field, seen);
      if (t) fields.set(name, t);
    }
    return fields.size ? { kind: 'fields', fields } : null;
  }
  return null;
}

const byKind = new Map<StoredKind, TimeTree | null>();

function kindTree(kind: StoredKind): TimeTree | null {
  if (byKind.has(kind)) return byKind.get(kind)!;
  const id = KIND_SCHEMAS.get(kind);
  const tree = id ? treeOf({ $ref: id } as unknown as TSchema, new Set()) : null;
  byKind.set(kind, tree);
  return tree;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const TIME_LAYOUT = '2006-01-02T15:04:05Z07:00';
const MICRO_LAYOUT = '2006-01-02T15:04:05.000000Z07:00';

/**
 * The value as Go re-encodes it, or the part time.Parse stopped at and what it expected there.
 * Time takes any fraction; MicroTime (RFC3339Micro) exactly six digits.
 */
function parseTime(value: string, micro: boolean): string | { rest: string; expected: string } {
  if (!micro && CANONICAL_TIME.test(value) && !Number.isNaN(Date.parse(value))) return value;
  const m = RFC3339.exec(value);
  const ms = m ? Date.parse(`${m[1]}T${m[2]}${m[4]!.toUpperCase()}`) : NaN;
  if (!m || Number.isNaN(ms)) return { rest: value, expected: '2006' };
  const seconds = new Date(ms).toISOString().slice(0, 19);
  if (!micro) return `${seconds}Z`;
  const fraction = m[3] ?? '';
  if (fraction.length < 7) return { rest: `${fraction}${m[4]}`, expected: '.000000' };
  if (fraction.length > 7) return { rest: `${fraction.slice(7)}${m[4]}`, expected: 'Z07:00' };
  return `${seconds}${fraction}Z`;
}

/** A Time or MicroTime as Go re-encodes it (UTC), undefined when time.Parse would fail. */
export function canonicalTime(value: string, micro = false): string | undefined {
  const out = parseTime(value, micro);
  return typeof out === 'string' ? out : undefined;
}

/** The 400 a request gets when one of its times does not parse, in the decoder's words. */
export function timeDecodeError(kind: StoredKind, value: string, micro = false): StatusError {
  const out = parseTime(value, micro);
  const at = typeof out === 'string' ? { rest: value, expected: '2006' } : out;
  const version = KIND_INFO[kind].apiVersion.split('/').pop();
  return errors.badRequest(
    `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: parsing time ${JSON.stringify(value)} as ${JSON.stringify(micro ? MICRO_LAYOUT : TIME_LAYOUT)}: cannot parse ${JSON.stringify(at.rest)} as ${JSON.stringify(at.expected)}`,
  );
}

/** Rewrites every Time and MicroTime of `obj` (a `kind` object) in place; 400 on one that is
 * not RFC 3339, as the request's decoding fails upstream. */
export function normalizeTimes(kind: StoredKind, obj: unknown): void {
  const tree = kindTree(kind);
  if (tree) visit(tree, obj, kind);
}

function visit(tree: TimeTree, value: unknown, kind: StoredKind): void {
  if (value === null || value === undefined) return;
  switch (tree.kind) {
    case 'fields':
      if (typeof value !== 'object' || Array.isArray(value)) return;
      for (const [name, t] of tree.fields) {
        const v = (value as Record<string, unknown>)[name];
        if (t.kind !== 'time') visit(t, v, kind);
        else if (typeof v === 'string') (value as Record<string, unknown>)[name] = timeOrFail(v, t.micro, kind);
      }
      return;
    case 'each':
      if (typeof value !== 'object') return;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (tree.of.kind !== 'time') visit(tree.of, v, kind);
        else if (typeof v === 'string') (value as Record<string, unknown>)[k] = timeOrFail(v, tree.of.micro, kind);
      }
      return;
    case 'time':
      return;
  }
}

function timeOrFail(value: string, micro: boolean, kind: StoredKind): string {
  const out = canonicalTime(value, micro);
  if (out === undefined) throw timeDecodeError(kind, value, micro);
  return out;
}
