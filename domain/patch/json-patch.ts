// RFC 6902 JSON patch (application/json-patch+json) through fast-json-patch, including `test`
// operations. The target is never mutated; failures become a PatchError whose text follows
// evanphx/json-patch, the library kube-apiserver uses.

import fjp from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { clone } from '../clone.js';
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

/** Shape checks kube-apiserver makes while decoding the patch document: 400 BadRequest. */
function decodeOperations(ops: unknown): Operation[] {
  if (!Array.isArray(ops)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  ops.forEach((op, i) => {
    if (!isObject(op)) throw new PatchError(`json: cannot unmarshal ${typeof op} into Go value of type jsonpatch.Operation`);
    if (typeof op.op !== 'string' || !OPS.has(op.op)) throw new PatchError(`Unexpected kind: ${String(op.op ?? 'unknown')}`);
    if (typeof op.path !== 'string') throw new PatchError(`operation ${i} (${op.op}): missing path`);
    if ((op.op === 'add' || op.op === 'replace' || op.op === 'test') && !Object.hasOwn(op, 'value'))
      throw new PatchError(`operation ${i} (${op.op}): missing value`);
    if ((op.op === 'move' || op.op === 'copy') && typeof op.from !== 'string') throw new PatchError(`operation ${i} (${op.op}): missing from`);
  });
  return ops as Operation[];
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
 * Applies `ops` to a copy of `target`. A malformed document is 400; an operation that does not
 * apply (missing path, failed `test`) is 422, as kube-apiserver answers.
 */
export function applyJsonPatch<T extends object>(target: T, ops: unknown): T {
  const operations = decodeOperations(ops);
  let result: unknown = clone(target);
  try {
    operations.forEach((op, i) => {
      result = fjp.applyOperation(result, clone(asApplied(result, op)), true, true, true, i).newDocument;
    });
  } catch (e) {
    if (e instanceof fjp.JsonPatchError) {
      const op = (e.operation ?? operations[e.index ?? 0]) as Operation;
      throw jsonPatchDoesNotApply(describe(op, e.name));
    }
    throw e;
  }
  // Replacing the root (`{"op":"replace","path":"","value":…}`) may yield a non-object.
  if (!isObject(result)) throw jsonPatchDoesNotApply('the patched document is not a JSON object');
  return result as T;
}
