// The structural check kube-apiserver's JSON decoder performs before any validation: wrong JSON
// types fail the request (encoding/json's UnmarshalTypeError text), unknown fields are collected
// for `fieldValidation=Warn|Strict` (sigs.k8s.io/json's strict-decoding paths).
import { GO_TYPE, PRESERVE_UNKNOWN } from './build.js';
import { KIND_SCHEMAS, SCHEMAS, goStructName, goTypeName } from './registry.js';
import { canonicalQuantity, quantityFormat, QUANTITY_FORMAT_ERROR } from '../quantity.js';
const IDS = {
    intOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
    fieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
    rawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
};
export { QUANTITY_FORMAT_ERROR };
const INT_RANGE = {
    int32: [-2147483648, 2147483647],
    int64: [-9223372036854775808, 9223372036854775807],
};
class Checker {
    options;
    errors = [];
    unknownFields = [];
    /** Where each unknown field is: its object and key. */
    unknownAt = [];
    /** Where each Quantity is: its holder and key. */
    quantities = [];
    constructor(options = {}) {
        this.options = options;
    }
    check(schema, value, at) {
        // JSON null decodes into any Go type (the zero value), so it is never a type error.
        if (value === null || value === undefined)
            return;
        if (typeof schema.$ref === 'string')
            return this.checkNamed(schema.$ref, value, at);
        if (typeof schema.$id === 'string')
            return this.checkNamed(schema.$id, value, at, schema);
        this.checkShape(schema, value, at, null);
    }
    checkNamed(id, value, at, known) {
        const schema = known ?? SCHEMAS.get(id);
        if (!schema)
            throw new Error(`schema ${id} is not registered`);
        if (id === IDS.fieldsV1 || id === IDS.rawExtension)
            return; // raw JSON of any shape
        if (id === IDS.intOrString) {
            // IntOrString.UnmarshalJSON: a quoted value is the string arm, anything else is an int32.
            if (typeof value !== 'string')
                this.checkInteger('int32', value, at);
            return;
        }
        if (id === IDS.quantity) {
            // Quantity.UnmarshalJSON: a string or a number, in ParseQuantity's grammar.
            if (typeof value !== 'string' && typeof value !== 'number')
                this.errors.push({ field: at.path, message: QUANTITY_FORMAT_ERROR });
            else {
                const format = quantityFormat(typeof value === 'number' ? String(value) : value.trim());
                if (typeof format !== 'string')
                    this.errors.push({ field: at.path, message: format.error });
                else if (at.holder)
                    this.quantities.push(at.holder);
            }
            return;
        }
        this.checkShape(schema, value, at, id);
    }
    checkShape(schema, value, at, id) {
        switch (schema.type) {
            case 'string':
                if (typeof value !== 'string')
                    this.typeError(value, at, goType(schema, id));
                return;
            case 'boolean':
                if (typeof value !== 'boolean')
                    this.typeError(value, at, 'bool');
                return;
            case 'integer':
                this.checkInteger(schema.format === 'int32' ? 'int32' : 'int64', value, at);
                return;
            case 'number':
                if (typeof value !== 'number')
                    this.typeError(value, at, 'float64');
                return;
            case 'array':
                if (!Array.isArray(value))
                    return this.typeError(value, at, goType(schema, id));
                value.forEach((item, i) => this.check(schema.items, item, { ...at, path: `${at.path}[${i}]`, holder: [value, String(i)] }));
                return;
            case 'object':
                if (typeof value !== 'object' || Array.isArray(value))
                    return this.typeError(value, at, goType(schema, id));
                return this.checkObject(schema, value, at, id);
            default:
                return;
        }
    }
    checkObject(schema, value, at, id) {
        const values = schema.additionalProperties;
        if (values && typeof values === 'object') {
            // A Go map: keys are not part of encoding/json's error context.
            for (const [key, v] of Object.entries(value))
                this.check(values, v, { ...at, path: `${at.path}[${key}]`, holder: [value, key] });
            return;
        }
        const props = (schema.properties ?? {});
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
            this.check(field, v, { struct, goPath: [...at.goPath, key], path, holder: [value, key] });
        }
    }
    checkInteger(goInt, value, at) {
        if (typeof value !== 'number')
            return this.typeError(value, at, goInt);
        const [min, max] = INT_RANGE[goInt];
        // encoding/json names the literal when a number does not fit the integer type.
        if (!Number.isInteger(value) || value < min || value > max)
            this.typeError(value, at, goInt, `number ${jsonNumber(value)}`);
    }
    typeError(value, at, type, described) {
        const what = described ?? jsonKind(value);
        const message = at.struct
            ? `json: cannot unmarshal ${what} into Go struct field ${at.struct}.${at.goPath.join('.')} of type ${type}`
            : `json: cannot unmarshal ${what} into Go value of type ${type}`;
        this.errors.push({ field: at.path, message });
    }
}
function jsonKind(value) {
    if (Array.isArray(value))
        return 'array';
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
function jsonNumber(n) {
    return JSON.stringify(n);
}
/** The Go type encoding/json names: `v1.PodSpec`, `[]v1.Container`, `map[string]string`, `string`. */
function goType(schema, id) {
    if (typeof schema[GO_TYPE] === 'string')
        return schema[GO_TYPE];
    if (typeof schema.$ref === 'string') {
        const target = SCHEMAS.get(schema.$ref);
        return target ? goType(target, schema.$ref) : goTypeName(schema.$ref);
    }
    if (id && schema.type === 'object' && !schema.additionalProperties)
        return goTypeName(id);
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
            return `[]${goType(schema.items, null)}`;
        case 'object':
            if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
                return `map[string]${goType(schema.additionalProperties, null)}`;
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
export function checkTypes(kind, body, options = {}) {
    const id = KIND_SCHEMAS.get(kind);
    if (!id)
        throw new Error(`no schema for kind ${kind}`);
    const checker = new Checker(options);
    checker.check({ $ref: id }, body, { struct: null, goPath: [], path: '' });
    return {
        errors: checker.errors,
        unknownFields: checker.unknownFields,
        dropUnknownFields: () => {
            for (const [object, key] of checker.unknownAt)
                delete object[key];
        },
        canonicalizeQuantities: () => {
            for (const [holder, key] of checker.quantities) {
                const canonical = canonicalQuantity(holder[key]);
                if (canonical !== undefined)
                    holder[key] = canonical;
            }
        },
    };
}
export function hasSchema(kind) {
    return KIND_SCHEMAS.has(kind);
}
/** The warning kube-apiserver sends (fieldValidation=Warn) for one unknown field. */
export function unknownFieldWarning(path) {
    return `unknown field "${path}"`;
}
/** The 400 BadRequest message for fieldValidation=Strict. */
export function strictDecodingError(paths) {
    return `strict decoding error: ${paths.map(unknownFieldWarning).join(', ')}`;
}
/** The 400 BadRequest message for a body that fails to decode (create/update handlers). */
export function decodeErrorMessage(kind, version, decodeError) {
    return `${kind} in version "${version}" cannot be handled as a ${kind}: ${decodeError}`;
}
//# sourceMappingURL=check-types.js.map