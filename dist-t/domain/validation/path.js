// A field path and the field.Error constructors, as apimachinery/pkg/util/validation/field
// builds them: `field.NewPath("spec").Child("ports").Index(0)` prints `spec.ports[0]`, and
// each constructor produces exactly the ErrorBody() text kubectl prints after the path.
import { goQuote, renderBadValue } from './gorepr.js';
export class FieldPath {
    text;
    constructor(text) {
        this.text = text;
    }
    /** field.NewPath(name, more...) */
    static of(name, ...more) {
        return new FieldPath(name).child(...more);
    }
    child(...names) {
        let t = this.text;
        for (const n of names)
            t = t === '' ? n : `${t}.${n}`;
        return new FieldPath(t);
    }
    index(i) {
        return new FieldPath(`${this.text}[${i}]`);
    }
    key(k) {
        return new FieldPath(`${this.text}[${k}]`);
    }
    toString() {
        return this.text;
    }
}
function withDetail(head, detail) {
    return detail ? `${head}: ${detail}` : head;
}
/** field.Required */
export function required(path, detail = '') {
    return { type: 'FieldValueRequired', field: String(path), message: withDetail('Required value', detail) };
}
/** field.Invalid */
export function invalid(path, value, detail) {
    return { type: 'FieldValueInvalid', field: String(path), message: withDetail(`Invalid value: ${renderBadValue(value)}`, detail) };
}
/** field.NotSupported: the supported values quoted with strconv.Quote, in the caller's order. */
export function notSupported(path, value, valid) {
    const detail = valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : '';
    return { type: 'FieldValueNotSupported', field: String(path), message: withDetail(`Unsupported value: ${renderBadValue(value)}`, detail) };
}
/** field.NotFound */
export function notFound(path, value) {
    return { type: 'FieldValueNotFound', field: String(path), message: `Not found: ${renderBadValue(value)}` };
}
/** field.Duplicate (optionally with a Detail, as validateNodeTaints sets one). */
export function duplicate(path, value, detail = '') {
    return { type: 'FieldValueDuplicate', field: String(path), message: withDetail(`Duplicate value: ${renderBadValue(value)}`, detail) };
}
/** field.Forbidden */
export function forbidden(path, detail) {
    return { type: 'FieldValueForbidden', field: String(path), message: withDetail('Forbidden', detail) };
}
/** field.TooLong: the value is never printed. */
export function tooLong(path, maxLength) {
    const detail = maxLength >= 0 ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}` : 'value is too long';
    return { type: 'FieldValueTooLong', field: String(path), message: `Too long: ${detail}` };
}
/** field.TooMany */
export function tooMany(path, actual, max) {
    const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
    return { type: 'FieldValueTooMany', field: String(path), message: `Too many: ${actual}: ${detail}` };
}
/** `field is immutable` (apimachineryvalidation.ValidateImmutableField) */
export const FIELD_IMMUTABLE = 'field is immutable';
/** ValidateImmutableField for scalar values. */
export function immutable(next, old, path) {
    return next === old ? [] : [invalid(path, next, FIELD_IMMUTABLE)];
}
//# sourceMappingURL=path.js.map