// RFC 6902 JSON patch (application/json-patch+json) through fast-json-patch, including `test`
// operations, read as evanphx/json-patch v4 (kube-apiserver's) reads them. The target is never
// mutated; failures become a PatchError whose text follows that library.

import fjp from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { clone } from '../clone.js';
import { errors } from '../errors.js';
import { jsonPatchDoesNotApply, PatchError } from './errors.js';
import { isObject } from './json.js';
import { jsonKind } from '../schemas/check-types.js';

export type JsonPatchOperation = Operation;

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/**
 * What applyJSPatch's strict decoding of the operations into []jsonPatchOp refuses (under
 * fieldValidation Warn and Strict, before the patch library reads them), in encoding/json's words:
 * a document that is not a list, an operation that is not an object, an op, path or from that is
 * not a string. The first one, as the decoder returns the first type error it met.
 */
export function jsonPatchOpsDecodeError(ops: unknown): string | undefined {
  if (!Array.isArray(ops)) return `json: cannot unmarshal ${jsonKind(ops)} into Go value of type []handlers.jsonPatchOp`;
  for (const op of ops) {
    if (op === null) continue; // null decodes as the zero operation
    if (!isObject(op)) return `json: cannot unmarshal ${jsonKind(op)} into Go value of type handlers.jsonPatchOp`;
    for (const key of ['op', 'path', 'from']) {
      const v = op[key];
      if (v !== undefined && v !== null && typeof v !== 'string') return `json: cannot unmarshal ${jsonKind(v)} into Go struct field jsonPatchOp.${key} of type string`;
    }
  }
  return undefined;
}

/** patch.go maxJSONPatchOperations: a longer patch is refused before any operation applies. */
const MAX_OPERATIONS = 10_000;

type RawOperation = Record<string, unknown> | null;

/**
 * What jsonpatch.DecodePatch refuses (400 BadRequest): a document that is not a list of objects.
 * It reads nothing inside the operations; json-patch v4's Apply reads each as it reaches it
 * (readOperation).
 */
function decodeOperations(ops: unknown): RawOperation[] {
  if (ops === null) return []; // null decodes as no operations
  if (!Array.isArray(ops)) throw new PatchError(`json: cannot unmarshal ${jsonKind(ops)} into Go value of type jsonpatch.Patch`);
  for (const op of ops) if (op !== null && !isObject(op)) throw new PatchError(`json: cannot unmarshal ${jsonKind(op)} into Go value of type jsonpatch.Operation`);
  if (ops.length > MAX_OPERATIONS) throw errors.tooLarge(`Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_OPERATIONS}, got ${ops.length}`);
  return ops as RawOperation[];
}

/**
 * One operation as json-patch v4's Apply reads it when it reaches it: an unknown kind, a path or
 * from that is absent or no string fail there, in its words, as the cause of the 422 the handler
 * answers (NewGenericServerResponse); a value an add, replace or test lacks is a nil node (null).
 */
function readOperation(raw: RawOperation): Operation {
  const kind = typeof raw?.op === 'string' ? raw.op : 'unknown';
  if (!raw || !OPS.has(kind)) throw jsonPatchDoesNotApply(`Unexpected kind: ${kind}`);
  const read = (key: 'path' | 'from', dropReason: boolean): string => {
    const v = raw[key];
    if (typeof v === 'string') return v;
    const reason = dropReason ? 'missing value' : v === undefined || v === null ? `operation${key === 'from' ? ',' : ''} missing ${key} field: missing value` : `json: cannot unmarshal ${jsonKind(v)} into Go value of type string`;
    throw jsonPatchDoesNotApply(`${kind} operation failed to decode ${key}: ${reason}`);
  };
  // move and copy read `from` first; add, remove and copy drop the reason a path failed.
  const from = kind === 'move' || kind === 'copy' ? read('from', false) : undefined;
  const path = read('path', kind === 'add' || kind === 'remove' || kind === 'copy');
  const op: Record<string, unknown> = { op: kind, path };
  if (from !== undefined) op.from = from;
  if (kind === 'add' || kind === 'replace' || kind === 'test') op.value = Object.hasOwn(raw, 'value') ? raw.value : null;
  return op as unknown as Operation;
}

function describe(op: Operation, code: string): string {
  const path = op.path;
  switch (code) {
    case 'TEST_OPERATION_FAILED':
      return `testing value ${path} failed: test failed`;
    case 'OPERATION_PATH_UNRESOLVABLE':
      if (op.op === 'remove') return `Unable to remove nonexistent key: ${path.split('/').pop()}: missing value`;
      return `${op.op} operation does not apply: doc is missing path: "${path}": missing value`;
    case 'OPERATION_FROM_UNRESOLVABLE':
      return `${op.op} operation does not apply: doc is missing from path: "${(op as { from: string }).from}": missing value`;
    case 'OPERATION_PATH_ILLEGAL_ARRAY_INDEX':
    case 'OPERATION_VALUE_OUT_OF_BOUNDS':
      return `${op.op} operation does not apply: invalid index in path "${path}": invalid index referenced`;
    case 'OPERATION_PATH_INVALID':
      return `${op.op} operation does not apply: invalid path "${path}": path must start with "/"`;
    case 'OPERATION_PATH_CANNOT_ADD':
      return `${op.op} operation does not apply: doc is missing path: "${path}": missing value`;
    default:
      return `${op.op} operation does not apply at "${path}": ${code.toLowerCase().replace(/_/g, ' ')}`;
  }
}

/**
 * evanphx/json-patch v4, kube-apiserver's: a `replace` of a key that an object lacks sets it (its
 * partialDoc.get never fails), where RFC 6902 and fast-json-patch refuse. `kubectl patch
 * --type=json` replacing a label that is not there adds it. Array indexes are still checked.
 */
function asApplied(doc: unknown, op: Operation): Operation {
  if (op.op !== 'replace' || op.path === '') return op;
  const cut = op.path.lastIndexOf('/');
  if (cut < 0) return op;
  const key = op.path.slice(cut + 1).replace(/~1/g, '/').replace(/~0/g, '~');
  let parent: unknown;
  try {
    parent = fjp.getValueByPointer(doc, op.path.slice(0, cut));
  } catch {
    return op; // fast-json-patch reports the missing path
  }
  return isObject(parent) && !Object.hasOwn(parent, key) ? { op: 'add', path: op.path, value: op.value } : op;
}

/**
 * Applies `ops` to a copy of `target`, in order. A document that is no list of objects is 400; an
 * operation that cannot be read or does not apply (an unknown kind, a missing path, a failed
 * `test`) is 422 when it is reached, as kube-apiserver answers.
 */
export function applyJsonPatch<T extends object>(target: T, ops: unknown): T {
  const operations = decodeOperations(ops);
  let result: unknown = clone(target);
  operations.forEach((raw, i) => {
    const op = readOperation(raw);
    try {
      result = fjp.applyOperation(result, clone(asApplied(result, op)), true, true, true, i).newDocument;
    } catch (e) {
      if (e instanceof fjp.JsonPatchError) throw jsonPatchDoesNotApply(describe(op, e.name));
      throw e;
    }
  });
  // Replacing the root (`{"op":"replace","path":"","value":…}`) may yield a non-object.
  if (!isObject(result)) throw jsonPatchDoesNotApply('the patched document is not a JSON object');
  return result as T;
}
