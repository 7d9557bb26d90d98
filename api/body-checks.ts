// Checks on a write's body before it becomes a command: it is an object of the right kind and
// version, in the namespace of the URL, with the JSON types the schema says, and (per
// fieldValidation) without unknown fields.

import type { FastifyReply } from 'fastify';
import { errors } from '../domain/errors.js';
import type { KindInfo } from '../domain/kinds.js';
import type { KubeObject } from '../domain/objects.js';
import { checkTypes, type TypeCheckResult } from '../domain/schemas/check-types.js';
import { duplicateFieldsOf, UndecodableBody } from './content.js';
import { FieldPath, notSupported } from '../domain/validation/path.js';

import type { FieldValidation } from '../domain/commands.js';
export type { FieldValidation };

/** `?fieldValidation`, Warn by default; any other value is ValidateFieldValidation's 422 on the
 * request's options kind (CreateOptions, UpdateOptions, PatchOptions). */
export function fieldValidationOf(q: Record<string, unknown>, optionsKind: string): FieldValidation {
  const v = q.fieldValidation;
  if (v === undefined || v === '') return 'Warn';
  if (v === 'Ignore' || v === 'Warn' || v === 'Strict') return v;
  throw errors.invalid(optionsKind, 'meta.k8s.io', '', [notSupported(FieldPath.of('fieldValidation'), String(v), ['', 'Ignore', 'Strict', 'Warn'])]);
}

/** Validates the envelope of a full object body (create, update). */
export function checkObjectBody(body: unknown, info: KindInfo, namespace: string | undefined, validation: FieldValidation, reply: FastifyReply): KubeObject {
  if (body instanceof UndecodableBody) throw body.error;
  if (body === undefined || body === null) throw errors.badRequest('the request body is empty');
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw errors.badRequest(`the object provided is unrecognized (must be of type ${info.kind}): couldn't get version/kind; json parse error: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value of type struct`);
  }
  const obj = body as KubeObject;
  if (obj.kind !== undefined && obj.kind !== info.kind) {
    throw errors.badRequest(`the object provided is unrecognized (must be of type ${info.kind}): kind ${String(obj.kind)} is not ${info.kind}`);
  }
  if (obj.apiVersion !== undefined && obj.apiVersion !== info.apiVersion) {
    throw errors.badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${info.apiVersion})`);
  }
  checkTypesOf(info.kind, obj, validation, reply, 'decode');
  obj.metadata ??= {};
  if (info.namespaced && namespace !== undefined) {
    const bodyNs = obj.metadata.namespace;
    if (bodyNs && bodyNs !== namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
  }
  return obj;
}

/**
 * Wrong JSON types are 400s; unknown fields are warnings, or 400s under Strict, and are never
 * stored: the body loses them, as decoding into the typed object drops them upstream. A create or
 * update body goes through the decoder, whose strict errors upstream wraps in
 * transformDecodeError (`Pod in version "v1" cannot be handled as a Pod: strict decoding error:
 * …`); an apply patch's are bare.
 */
export function checkTypesOf(kind: string, obj: unknown, validation: FieldValidation, reply: FastifyReply, stage: 'decode' | 'apply' = 'apply'): TypeCheckResult {
  const result = checkTypes(kind, obj);
  if (result.errors.length) {
    throw errors.badRequest(
      `${kind} in version "v1" cannot be handled as a ${kind}: ${result.errors.map((e) => e.message).join(', ')}`,
      result.errors.map((e) => ({ reason: 'FieldValueTypeInvalid', message: e.message, field: e.field })),
    );
  }
  // The strict decoder's errors: keys the JSON body repeated, then fields the schema lacks.
  const strict = [
    ...duplicateFieldsOf(obj).map((field) => ({ field, message: `duplicate field "${field}"` })),
    ...result.unknownFields.map((f) => f.replace(/^\./, '')).map((field) => ({ field, message: `unknown field "${field}"` })),
  ];
  if (strict.length && validation !== 'Ignore') {
    // A body can name a great many: the answer names the first MAX_STRICT_ERRORS.
    const named = strict.slice(0, MAX_STRICT_ERRORS);
    const texts = named.map((e) => e.message);
    if (validation === 'Strict') {
      const prefix = stage === 'decode' ? `${kind} in version "v1" cannot be handled as a ${kind}: ` : '';
      const more = strict.length > named.length ? `, and ${strict.length - named.length} more` : '';
      throw errors.badRequest(`${prefix}strict decoding error: ${texts.join(', ')}${more}`, named.map((e) => ({ reason: 'FieldValueInvalid', message: e.message, field: e.field })));
    }
    addWarnings(reply, texts);
  }
  result.dropUnknownFields();
  result.canonicalizeQuantities();
  // A create or update body is decoded into the typed object; an apply patch's nulls are the
  // field manager's to read (its result is decoded when a list holds one: nullElements).
  if (stage === 'decode') result.zeroNulls();
  return result;
}

/** What checking a JSON, merge or strategic merge patch's body hands decide, which decodes the
 * patched object as upstream's patch handlers do (decide.ts strictDecoding). */
export interface PatchBodyCheck {
  /** The body's own strict errors (none under Ignore): repeated keys; a JSON patch operation's
   * keys it does not have. Reported with the result's, once the patch applied. */
  strictErrors: readonly string[];
  /** The patched object must be decoded: the body holds fields the type lacks (the result may
   * too, at the merged place, unless a null removed them) or values it refuses. */
  decodePatched: boolean;
}

/**
 * A patch body's check before the patch applies. A body without unknown fields or values the
 * type refuses leaves none in the result (stored objects have none), so only a body with some has
 * its result decoded, once the patch applied (upstream: a missing object is a 404 first).
 */
export function checkPatchBody(kind: string, body: unknown, patchType: 'json' | 'merge' | 'strategic', validation: FieldValidation): PatchBodyCheck {
  if (patchType === 'json') return { strictErrors: validation === 'Ignore' ? [] : jsonPatchOpErrors(body), decodePatched: true };
  const result = checkTypes(kind, body, patchType === 'strategic' ? { skipKey: isPatchDirective } : {});
  const decodePatched = result.errors.length > 0 || result.unknownFields.length > 0 || result.nullElements;
  // The result's quantities are canonicalized where it is decoded; otherwise here, in the body.
  if (!decodePatched) result.canonicalizeQuantities();
  const strictErrors = validation === 'Ignore' ? [] : duplicateFieldsOf(body).map((field) => `duplicate field "${field}"`);
  return { strictErrors, decodePatched };
}

/** The keys a JSON patch operation may have (patch.go jsonPatchOp). */
const JSON_PATCH_OP_KEYS = new Set(['op', 'path', 'from', 'value']);

/**
 * A JSON patch's own strict errors (applyJSPatch decodes its operations strictly into
 * jsonPatchOp), each prefixed `json patch`, operation by operation: keys an operation does not
 * have, then keys it repeats.
 */
function jsonPatchOpErrors(ops: unknown): string[] {
  if (!Array.isArray(ops)) return [];
  const repeated = duplicateFieldsOf(ops);
  const out: string[] = [];
  ops.forEach((op, i) => {
    if (typeof op !== 'object' || op === null || Array.isArray(op)) return;
    for (const key of Object.keys(op)) if (!JSON_PATCH_OP_KEYS.has(key)) out.push(`json patch unknown field "[${i}].${key}"`);
    for (const field of repeated) if (field.startsWith(`[${i}].`)) out.push(`json patch duplicate field "${field}"`);
  });
  return out;
}

/** Adds warnings to the response's Warning header (after any it has). */
export function addWarnings(reply: FastifyReply, texts: readonly string[]): void {
  if (!texts.length) return;
  const had = reply.getHeader('Warning');
  const header = warningHeader(texts);
  reply.header('Warning', had ? `${String(had)}, ${header}` : header);
}

/** A strategic merge patch's directives (`$patch`, `$retainKeys`, `$setElementOrder/…`,
 * `$deleteFromPrimitiveList/…`): consumed by the patch, never fields of the object. */
export function isPatchDirective(key: string): boolean {
  return key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/');
}

const MAX_STRICT_ERRORS = 100;
/** kube-apiserver's warning recorder limits (filters/warning.go): past 4 Ki runes in all, each
 * warning is cut to 256 and those that no longer fit are dropped. */
const WARNINGS_TOTAL = 4 * 1024;
const WARNING_ITEM = 256;

/** The Warning header of these warnings, within kube-apiserver's limits. */
export function warningHeader(texts: readonly string[]): string {
  const total = texts.reduce((n, t) => n + t.length, 0);
  const items = total <= WARNINGS_TOTAL ? texts : texts.map((t) => (t.length > WARNING_ITEM ? t.slice(0, WARNING_ITEM) : t));
  const kept: string[] = [];
  let used = 0;
  for (const t of items) {
    if (used + t.length > WARNINGS_TOTAL) break;
    kept.push(t);
    used += t.length;
  }
  return kept.map((t) => `299 - ${JSON.stringify(t)}`).join(', ');
}
