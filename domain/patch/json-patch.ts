// RFC 6902 JSON patch (application/json-patch+json) through fast-json-patch, including `test`
// operations, read as evanphx/json-patch v4 (kube-apiserver's) reads them. The target is never
// mutated; failures become a PatchError whose text follows that library.

import fjp from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { clone } from '../clone.js';
import { errors } from '../errors.js';
import { jsonPatchDoesNotApply, PatchError } from './errors.js';
import { isObject, pointerToken } from './json.js';
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

/** Where a pointer leads: the container its last token is looked up in (json-patch v4's
 * findObject walks every token but the last), and that token; none when the walk fails. */
function locate(doc: unknown, path: string): { container: object; key: string } | undefined {
  const cut = path.lastIndexOf('/');
  if (cut < 0) return undefined;
  let container: unknown;
  try {
    container = fjp.getValueByPointer(doc, path.slice(0, cut));
  } catch {
    return undefined;
  }
  if (typeof container !== 'object' || container === null) return undefined;
  return { container, key: pointerToken(path.slice(cut + 1)) };
}

/** What json-patch v4 says of an array index it cannot use (strconv.Atoi, then the bounds). */
function badIndex(key: string, add: boolean): string {
  if (!/^-?\d+$/.test(key)) return `${add ? `value was not a proper array index: '${key}': ` : ''}strconv.Atoi: parsing ${JSON.stringify(key)}: invalid syntax`;
  return `Unable to access invalid index: ${Number(key)}: invalid index referenced`; // Go's %d
}

/**
 * The text json-patch v4 (kube-apiserver's) gives for an operation fast-json-patch refused on
 * `doc`: a container on the way that is missing (add and remove quote the path, the others do
 * not), a key an object lacks, an index an array cannot take, a failed test.
 */
function describe(op: Operation, code: string, doc: unknown): string {
  const path = op.path;
  if (code === 'TEST_OPERATION_FAILED') return `testing value ${path} failed: test failed`;
  if (code === 'OPERATION_FROM_UNRESOLVABLE') {
    const from = (op as { from: string }).from;
    const at = locate(doc, from);
    if (!at) return `${op.op} operation does not apply: doc is missing from path: ${from}: missing value`;
    // v4 names the key for move ("error in move for path: '<key>'") and the path for copy.
    const reason = Array.isArray(at.container) ? badIndex(at.key, false) : `Unable to remove nonexistent key: ${at.key}: missing value`;
    return op.op === 'move' ? `error in move for path: '${at.key}': ${reason}` : `error in copy for from: '${from}': ${reason}`;
  }
  const at = locate(doc, path);
  if (!at) {
    if (op.op === 'add' || op.op === 'remove') return `${op.op} operation does not apply: doc is missing path: ${JSON.stringify(path)}: missing value`;
    if (op.op === 'move' || op.op === 'copy') return `${op.op} operation does not apply: doc is missing destination path: ${path}: missing value`;
    if (op.op === 'test') return `test operation does not apply: is missing path: ${path}: missing value`;
    return `replace operation does not apply: doc is missing path: ${path}: missing value`;
  }
  if (Array.isArray(at.container)) {
    if (op.op === 'replace') return `replace operation does not apply: doc is missing key: ${path}: missing value`;
    if (op.op === 'test') return `error in test for path: '${path}': ${badIndex(at.key, false)}`;
    return `error in ${op.op} for path: '${path}': ${badIndex(at.key, op.op === 'add')}`;
  }
  if (op.op === 'remove') return `error in remove for path: '${path}': Unable to remove nonexistent key: ${at.key}: missing value`;
  // A test of a member the object lacks against a value that is not null (asApplied).
  return `testing value ${path} failed: test failed`;
}

/**
 * json-patch v4 counts a negative array index from the end (SupportNegativeIndices, on by default
 * in kube-apiserver): -1 is the last element, and for an add one past it (it appends). The
 * operation with its pointers' negative indexes made absolute, where they are in range; out of
 * range they stay, for fast-json-patch to refuse and describe to word as v4 does.
 */
function withAbsoluteIndexes(doc: unknown, op: Operation): Operation {
  const absolute = (pointer: string, adds: boolean): string => {
    if (!/\/-\d/.test(pointer)) return pointer;
    const tokens = pointer.split('/').slice(1);
    let node: unknown = doc;
    for (const [i, token] of tokens.entries()) {
      const last = i === tokens.length - 1;
      if (Array.isArray(node) && /^-\d+$/.test(token)) {
        const length = node.length + (last && adds ? 1 : 0);
        const index = Number(token);
        if (index >= -length) tokens[i] = String(index + length);
      }
      if (last) break;
      const key = pointerToken(tokens[i]!);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    }
    return `/${tokens.join('/')}`;
  };
  const out = { ...op, path: absolute(op.path, op.op === 'add' || op.op === 'move' || op.op === 'copy') } as Operation;
  if (op.op === 'move' || op.op === 'copy') (out as { from: string }).from = absolute(op.from, false);
  return out;
}

/** Is `key` absent from an object container (not an array's index)? */
const absentMember = (at: { container: object; key: string } | undefined): boolean => !!at && !Array.isArray(at.container) && !Object.hasOwn(at.container, at.key);

/**
 * Where json-patch v4 (kube-apiserver's) and fast-json-patch part, the operation as fast-json-patch
 * must see it to do what v4 does (undefined: nothing to do), or v4's refusal:
 * - `replace` of a key an object lacks sets it (partialDoc.get never fails): `kubectl patch
 *   --type=json` replacing a label that is not there adds it;
 * - `test` of a member an object lacks against null passes (a nil node equals a nil value);
 * - `copy` from a member an object lacks copies null, for the same reason;
 * - a `move` or `copy` to an array index the array cannot take is refused (partialArray.add),
 *   where fast-json-patch puts the value at the end.
 */
function asApplied(doc: unknown, raw: Operation): Operation | undefined {
  const op = withAbsoluteIndexes(doc, raw);
  if (op.op === 'replace' && op.path !== '') return absentMember(locate(doc, op.path)) ? { op: 'add', path: op.path, value: op.value } : op;
  if (op.op === 'test') return op.value === null && absentMember(locate(doc, op.path)) ? undefined : op;
  if (op.op !== 'move' && op.op !== 'copy') return op;
  const from = locate(doc, op.from);
  const to = locate(doc, op.path);
  if (to && Array.isArray(to.container) && to.key !== '-') {
    // A move takes its value out first: from the same array, one element fewer to insert into.
    const length = to.container.length - (op.op === 'move' && from?.container === to.container ? 1 : 0);
    const index = Number(to.key);
    if (!/^-?\d+$/.test(to.key) || index > length || index < -length - 1) {
      const refusal = badIndex(to.key, true);
      throw jsonPatchDoesNotApply(op.op === 'move' ? `error in move for path: '${op.path}': ${refusal}` : `error while adding value during copy: ${refusal}`);
    }
  }
  return op.op === 'copy' && absentMember(from) ? { op: 'add', path: op.path, value: null } : op;
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
      const applied = asApplied(result, op);
      if (applied) result = fjp.applyOperation(result, clone(applied), true, true, true, i).newDocument;
    } catch (e) {
      if (e instanceof fjp.JsonPatchError) throw jsonPatchDoesNotApply(describe(op, e.name, result));
      throw e;
    }
  });
  // Replacing the root (`{"op":"replace","path":"","value":…}`) may yield a non-object.
  if (!isObject(result)) throw jsonPatchDoesNotApply('the patched document is not a JSON object');
  return result as T;
}
