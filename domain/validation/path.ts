// A field path and the field.Error constructors, as apimachinery/pkg/util/validation/field
// builds them: `field.NewPath("spec").Child("ports").Index(0)` prints `spec.ports[0]`, and
// each constructor produces exactly the ErrorBody() text kubectl prints after the path.

import type { FieldError } from '../errors.js';
import { goQuote, renderBadValue, type BadValue } from './gorepr.js';

export class FieldPath {
  private constructor(private readonly text: string) {}

  /** field.NewPath(name, more...) */
  static of(name: string, ...more: string[]): FieldPath {
    return new FieldPath(name).child(...more);
  }

  child(...names: string[]): FieldPath {
    let t = this.text;
    for (const n of names) t = t === '' ? n : `${t}.${n}`;
    return new FieldPath(t);
  }

  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`);
  }

  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`);
  }

  toString(): string {
    return this.text;
  }
}

function withDetail(head: string, detail: string): string {
  return detail ? `${head}: ${detail}` : head;
}

/** field.Required */
export function required(path: FieldPath, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field: String(path), message: withDetail('Required value', detail) };
}

/** field.Invalid */
export function invalid(path: FieldPath, value: BadValue, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: String(path), message: withDetail(`Invalid value: ${renderBadValue(value)}`, detail) };
}

/** field.NotSupported: the supported values quoted with strconv.Quote, in the caller's order. */
export function notSupported(path: FieldPath, value: BadValue, valid: readonly string[]): FieldError {
  const detail = valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field: String(path), message: withDetail(`Unsupported value: ${renderBadValue(value)}`, detail) };
}

/** field.NotFound */
export function notFound(path: FieldPath, value: BadValue): FieldError {
  return { type: 'FieldValueNotFound', field: String(path), message: `Not found: ${renderBadValue(value)}` };
}

/** field.Duplicate (optionally with a Detail, as validateNodeTaints sets one). */
export function duplicate(path: FieldPath, value: BadValue, detail = ''): FieldError {
  return { type: 'FieldValueDuplicate', field: String(path), message: withDetail(`Duplicate value: ${renderBadValue(value)}`, detail) };
}

/** field.Forbidden */
export function forbidden(path: FieldPath, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field: String(path), message: withDetail('Forbidden', detail) };
}

/** field.TooLong: the value is never printed. */
export function tooLong(path: FieldPath, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return { type: 'FieldValueTooLong', field: String(path), message: `Too long: ${detail}` };
}

/** field.TooMany */
export function tooMany(path: FieldPath, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return { type: 'FieldValueTooMany', field: String(path), message: `Too many: ${actual}: ${detail}` };
}

/** `field is immutable` (apimachineryvalidation.ValidateImmutableField) */
export const FIELD_IMMUTABLE = 'field is immutable';

/** ValidateImmutableField for scalar values. */
export function immutable(next: string | number | boolean, old: string | number | boolean, path: FieldPath): FieldError[] {
  return next === old ? [] : [invalid(path, next, FIELD_IMMUTABLE)];
}
