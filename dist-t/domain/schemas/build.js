// Small builders over TypeBox that keep the resource schemas close to how k8s.io/api declares
// its Go structs. Every struct is a named schema whose `$id` is the upstream OpenAPI definition
// name (io.k8s.api.core.v1.ServicePort); fields point at other structs through `$ref`s to those
// names, so the OpenAPI generator can emit components + $refs and the type checker can name the
// Go struct in its error text exactly as encoding/json does.
import { Type } from '@sinclair/typebox';
/** Annotation read by the type checker and stripped from OpenAPI: the Go type in decode errors. */
export const GO_TYPE = 'x-go-type';
/** Upstream's extension for objects whose fields are not (all) declared here. */
export const PRESERVE_UNKNOWN = 'x-kubernetes-preserve-unknown-fields';
/** A named Go struct: every field optional unless listed in `required`. */
export function struct(id, description, fields, opts = {}) {
    const required = new Set(opts.required ?? []);
    const props = {};
    for (const [name, schema] of Object.entries(fields))
        props[name] = required.has(name) ? schema : Type.Optional(schema);
    const extra = {};
    if (opts.gvk)
        extra['x-kubernetes-group-version-kind'] = opts.gvk;
    if (opts.open)
        extra[PRESERVE_UNKNOWN] = true;
    if (opts.atomic)
        extra['x-kubernetes-map-type'] = 'atomic';
    return Type.Object(props, { $id: id, description, ...extra });
}
/**
 * A named struct netledger does not look into (securityContext, affinity, volume sources, …):
 * an object with any fields, so real manifests pass `fieldValidation=Strict`.
 */
export function opaque(id, description, fields = {}) {
    return struct(id, description, fields, { open: true });
}
/** A reference to a named schema, with the field's own description. */
export function ref(target, description) {
    const id = typeof target === 'string' ? target : target.$id;
    if (!id)
        throw new Error('ref() target has no $id');
    return Type.Ref(id, description === undefined ? {} : { description });
}
export const str = (description, extra = {}) => Type.String({ description, ...extra });
/** A string of a Go enum type (+enum): OpenAPI lists the values, sorted, and `kubectl explain`
 * shows them. Not a type check: an unsupported value is the validation's 422, as upstream. */
export const enumStr = (description, values) => Type.String({ description, enum: [...values] });
export const bool = (description) => Type.Boolean({ description });
export const int32 = (description) => Type.Integer({ format: 'int32', description });
export const int64 = (description) => Type.Integer({ format: 'int64', description });
export function list(items, description, extra = {}) {
    return Type.Array(items, { description, ...extra });
}
export function strList(description, extra = {}) {
    return list(Type.String({ default: '' }), description, extra);
}
/** map[string]V; `goType` overrides the key/value naming in decode errors (map[v1.ResourceName]…). */
export function mapOf(value, description, goType) {
    const opts = { description, additionalProperties: value };
    if (goType)
        opts[GO_TYPE] = goType;
    return Type.Object({}, opts);
}
export const strMap = (description, extra = {}) => ({ ...mapOf(Type.String({ default: '' }), description), ...extra });
/** `+mapType=atomic` / `+structType=atomic`: server-side apply owns and replaces it whole. */
export const atomicMap = { 'x-kubernetes-map-type': 'atomic' };
/** Strategic-merge-patch and list-type extensions, as upstream's OpenAPI carries them. */
export function mergeList(key, listMapKeys = [key]) {
    return {
        'x-kubernetes-list-map-keys': listMapKeys,
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': key,
        'x-kubernetes-patch-strategy': 'merge',
    };
}
export const atomic = { 'x-kubernetes-list-type': 'atomic' };
export const setList = { 'x-kubernetes-list-type': 'set' };
/** `gvk('', 'v1', 'Pod')` → the one-element list upstream puts on a kind's definition. */
export function gvk(group, version, kind) {
    return [{ group, kind, version }];
}
//# sourceMappingURL=build.js.map