// Label key and value rules for selectors: the same apimachinery validation the object
// validation uses (domain/validation/names.ts), plus field.Invalid's error text.
export { isQualifiedName, isValidLabelValue } from '../validation/names.js';
/** field.Invalid(path, value, detail).Error(), with Go's %q quoting of the value. */
export function invalidValue(path, value, detail) {
    return `${path}: Invalid value: ${JSON.stringify(value)}: ${detail}`;
}
//# sourceMappingURL=label-validation.js.map