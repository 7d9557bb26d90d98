// A Swagger 2.0 document → the protobuf `openapi.v2.Document` of google/gnostic-models
// (openapiv2/OpenAPIv2.proto), which is what kubectl reads from /openapi/v2: client-go's
// DiscoveryClient.OpenAPISchema() asks for application/com.github.proto-openapi.spec.v2@v1.0+protobuf
// and proto.Unmarshal()s the body, with no JSON fallback. Upstream makes these bytes with
// gnostic's ParseDocument + proto.Marshal; this writes the same messages by hand, fields in
// field-number order and proto3 defaults ('' / false / absent) left out, as Go's marshaller does.
//
// Only the keys netledger's documents use are encoded; any other key throws (test/api/openapi/
// v2.test.ts encodes the served document) rather than vanishing from what kubectl validates.
const utf8 = new TextEncoder();
const LEN = 2;
const VARINT = 0;
/** One message being written: a list of encoded chunks. */
class Msg {
    parts = [];
    raw(bytes) {
        this.parts.push(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
    }
    key(no, wireType) {
        this.raw(varint(no * 8 + wireType));
    }
    bytes(no, b) {
        this.key(no, LEN);
        this.raw(varint(b.length));
        this.raw(b);
    }
    /** A proto3 string: omitted when empty. */
    string(no, v) {
        if (v === undefined || v === '')
            return this;
        if (typeof v !== 'string')
            throw new Error(`gnostic: field ${no} wants a string, got ${JSON.stringify(v)}`);
        this.bytes(no, utf8.encode(v));
        return this;
    }
    /** repeated string: every element, even ''. A single string counts as a one-element list. */
    strings(no, v) {
        if (v === undefined)
            return this;
        for (const s of Array.isArray(v) ? v : [v])
            this.bytes(no, utf8.encode(String(s)));
        return this;
    }
    /** A bool: omitted when false, unless it is a oneof member (`always`). */
    bool(no, v, always = false) {
        if (v === undefined || (v === false && !always))
            return this;
        if (typeof v !== 'boolean')
            throw new Error(`gnostic: field ${no} wants a bool, got ${JSON.stringify(v)}`);
        this.key(no, VARINT);
        this.raw([v ? 1 : 0]);
        return this;
    }
    /** An embedded message; written (possibly empty) whenever present, as Go writes a non-nil pointer. */
    message(no, m) {
        if (m)
            this.bytes(no, m.finish());
        return this;
    }
    finish() {
        return Buffer.concat(this.parts);
    }
}
function varint(n) {
    if (!Number.isSafeInteger(n) || n < 0)
        throw new Error(`gnostic: bad varint ${n}`);
    const out = [];
    while (n > 0x7f) {
        out.push((n % 128) | 0x80);
        n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
}
function check(o, known, where) {
    for (const k of Object.keys(o)) {
        if (!k.startsWith('x-') && !known.includes(k))
            throw new Error(`gnostic: ${where} key ${k} is not encoded`);
    }
}
/**
 * `Any{yaml}`: gnostic keeps every vendor extension, default and enum value as YAML text, and
 * kube-openapi's VendorExtensionToMap yaml.v2-Unmarshals it (so x-kubernetes-group-version-kind
 * comes back as []interface{} of map[interface{}]interface{}, the shape kubectl's GVK lookup
 * wants). JSON is YAML too, and quoting every string keeps YAML 1.1 from reading "yes"/"on" as
 * booleans.
 */
function any(v) {
    return new Msg().string(2, JSON.stringify(v) + '\n');
}
/** `repeated NamedAny vendor_extension` from the object's `x-` keys. */
function extensions(m, no, o) {
    for (const [k, v] of Object.entries(o))
        if (k.startsWith('x-'))
            m.message(no, new Msg().string(1, k).message(2, any(v)));
    return m;
}
/** A `repeated Named<T> additional_properties = 1` wrapper (Definitions, Properties). */
function named(o, encode) {
    const m = new Msg();
    for (const [k, v] of Object.entries(o))
        m.message(1, new Msg().string(1, k).message(2, encode(v)));
    return m;
}
const SCHEMA_KEYS = ['$ref', 'format', 'title', 'description', 'default', 'uniqueItems', 'required', 'enum', 'additionalProperties', 'type', 'items', 'allOf', 'properties', 'readOnly', 'example'];
function schema(s) {
    check(s, SCHEMA_KEYS, 'schema');
    const m = new Msg().string(1, s.$ref).string(2, s.format).string(3, s.title).string(4, s.description);
    if (s.default !== undefined)
        m.message(5, any(s.default));
    m.bool(16, s.uniqueItems).strings(19, s.required);
    for (const e of s.enum ?? [])
        m.message(20, any(e));
    const ap = s.additionalProperties;
    if (ap !== undefined)
        m.message(21, typeof ap === 'boolean' ? new Msg().bool(2, ap, true) : new Msg().message(1, schema(ap)));
    if (s.type !== undefined)
        m.message(22, new Msg().strings(1, s.type));
    if (s.items !== undefined) {
        const items = new Msg();
        for (const i of Array.isArray(s.items) ? s.items : [s.items])
            items.message(1, schema(i));
        m.message(23, items);
    }
    for (const a of s.allOf ?? [])
        m.message(24, schema(a));
    if (s.properties !== undefined)
        m.message(25, named(s.properties, schema));
    m.bool(27, s.readOnly);
    if (s.example !== undefined)
        m.message(30, any(s.example));
    return extensions(m, 31, s);
}
/** ParametersItem: a `$ref`, a body parameter, or a header/formData/query/path parameter. */
function parameter(p) {
    if (p.$ref)
        return new Msg().message(2, new Msg().string(1, p.$ref).string(2, p.description));
    if (p.in === 'body') {
        check(p, ['description', 'name', 'in', 'required', 'schema'], 'body parameter');
        const body = new Msg().string(1, p.description).string(2, p.name).string(3, p.in).bool(4, p.required);
        if (p.schema)
            body.message(5, schema(p.schema));
        return new Msg().message(1, new Msg().message(1, extensions(body, 6, p)));
    }
    const which = { header: 1, formData: 2, query: 3, path: 4 }[p.in];
    if (!which)
        throw new Error(`gnostic: parameter ${p.name} in ${p.in}`);
    check(p, ['required', 'in', 'description', 'name', 'allowEmptyValue', 'type', 'format', 'default', 'uniqueItems', 'enum'], 'parameter');
    // Query and formData sub-schemas have allow_empty_value at 5, which shifts every later field by one.
    const o = which === 2 || which === 3 ? 1 : 0;
    const m = new Msg().bool(1, p.required).string(2, p.in).string(3, p.description).string(4, p.name);
    if (o)
        m.bool(5, p.allowEmptyValue);
    m.string(5 + o, p.type).string(6 + o, p.format);
    if (p.default !== undefined)
        m.message(9 + o, any(p.default));
    m.bool(19 + o, p.uniqueItems);
    for (const e of p.enum ?? [])
        m.message(20 + o, any(e));
    extensions(m, 22 + o, p);
    return new Msg().message(1, new Msg().message(2, new Msg().message(which, m)));
}
function responses(r) {
    const m = new Msg();
    for (const [code, v] of Object.entries(r)) {
        if (code.startsWith('x-'))
            continue;
        check(v, ['description', 'schema', '$ref'], 'response');
        const value = v.$ref
            ? new Msg().message(2, new Msg().string(1, v.$ref))
            : new Msg().message(1, extensions(new Msg().string(1, v.description).message(2, v.schema ? new Msg().message(1, schema(v.schema)) : undefined), 5, v));
        m.message(1, new Msg().string(1, code).message(2, value));
    }
    return extensions(m, 2, r);
}
function operation(op) {
    check(op, ['tags', 'summary', 'description', 'operationId', 'produces', 'consumes', 'parameters', 'responses', 'schemes', 'deprecated'], 'operation');
    const m = new Msg().strings(1, op.tags).string(2, op.summary).string(3, op.description).string(5, op.operationId);
    m.strings(6, op.produces).strings(7, op.consumes);
    for (const p of op.parameters ?? [])
        m.message(8, parameter(p));
    if (op.responses)
        m.message(9, responses(op.responses));
    m.strings(10, op.schemes).bool(11, op.deprecated);
    return extensions(m, 13, op);
}
const METHOD_FIELDS = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 };
function pathItem(item) {
    check(item, ['$ref', 'parameters', ...Object.keys(METHOD_FIELDS)], 'path item');
    const m = new Msg().string(1, item.$ref);
    for (const [method, no] of Object.entries(METHOD_FIELDS))
        if (item[method])
            m.message(no, operation(item[method]));
    for (const p of item.parameters ?? [])
        m.message(9, parameter(p));
    return extensions(m, 10, item);
}
function paths(p) {
    const m = extensions(new Msg(), 1, p);
    for (const [path, item] of Object.entries(p))
        if (!path.startsWith('x-'))
            m.message(2, new Msg().string(1, path).message(2, pathItem(item)));
    return m;
}
/** The whole document, as the bytes kubectl's proto.Unmarshal into openapi_v2.Document reads. */
export function encodeGnosticDocument(doc) {
    check(doc, ['swagger', 'info', 'host', 'basePath', 'schemes', 'consumes', 'produces', 'paths', 'definitions'], 'document');
    const m = new Msg().string(1, doc.swagger);
    if (doc.info) {
        check(doc.info, ['title', 'version', 'description'], 'info');
        m.message(2, extensions(new Msg().string(1, doc.info.title).string(2, doc.info.version).string(3, doc.info.description), 7, doc.info));
    }
    m.string(3, doc.host).string(4, doc.basePath).strings(5, doc.schemes).strings(6, doc.consumes).strings(7, doc.produces);
    if (doc.paths)
        m.message(8, paths(doc.paths));
    if (doc.definitions)
        m.message(9, named(doc.definitions, schema));
    return extensions(m, 16, doc).finish();
}
//# sourceMappingURL=gnostic.js.map