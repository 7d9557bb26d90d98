// The table-driven decoder: one protobuf message + its table → the JSON object encoding/json
// would have produced for the same Go value. Output keys follow the table (Go struct) order.
// Field numbers the table does not list are skipped, as a tolerant proto reader does.
import { INLINE, KEEP, MAP, REPEATED, SCALARS, SPECIALS } from './schema.js';
import { LEN, readFields, readPacked, utf8String, VARINT, WireError } from './wire.js';
export class Decoder {
    tables;
    constructor(tables) {
        this.tables = tables;
    }
    has(message) {
        return message in this.tables;
    }
    /** Decodes `bytes` as `message`; `path` names where we are, for error messages. */
    message(bytes, message, path = message) {
        const table = this.tables[message];
        if (!table)
            throw new WireError(`${path}: no decoder for message ${message}`);
        const fields = fieldsOf(bytes, path);
        const byNo = new Map();
        for (const f of fields) {
            const list = byNo.get(f.no);
            if (list)
                list.push(f);
            else
                byNo.set(f.no, [f]);
        }
        const out = {};
        for (const spec of table) {
            const found = byNo.get(spec[0]);
            if (found)
                this.field(out, spec, found, `${path}.${spec[1]}`);
        }
        return out;
    }
    field(out, spec, found, path) {
        const [, name, type, flags = 0] = spec;
        if (flags & MAP) {
            const map = {};
            for (const f of found) {
                const entry = fieldsOf(lenBytes(f, path), path);
                const key = entry.filter((e) => e.no === 1).pop();
                const value = entry.filter((e) => e.no === 2);
                const k = key ? utf8String(lenBytes(key, `${path} key`)) : '';
                map[k] = value.length ? this.value(type, value, `${path}[${k}]`) : zeroOf(type);
            }
            out[name] = map;
            return;
        }
        if (flags & REPEATED) {
            const items = [];
            for (const f of found) {
                // Repeated varints may arrive packed (one LEN record) or one record each.
                if (f.wireType === LEN && (type === 'int32' || type === 'int64' || type === 'bool')) {
                    for (const v of packedOf(f.bytes, path))
                        items.push(scalarOf(type, v));
                }
                else {
                    items.push(this.value(type, [f], `${path}[${items.length}]`));
                }
            }
            out[name] = items;
            return;
        }
        const value = this.value(type, found, path);
        if (flags & INLINE) {
            Object.assign(out, value);
            return;
        }
        if (!(flags & KEEP) && isZeroScalar(type, value))
            return;
        out[name] = value;
    }
    /** One (non-repeated) value; for messages, repeated records merge as protobuf says. */
    value(type, found, path) {
        if (SCALARS.has(type)) {
            const last = found[found.length - 1];
            if (type === 'string')
                return utf8String(lenBytes(last, path));
            if (type === 'bytes')
                return Buffer.from(lenBytes(last, path)).toString('base64');
            if (last.wireType !== VARINT)
                throw new WireError(`${path}: expected a varint, got wire type ${last.wireType}`);
            return scalarOf(type, last.int);
        }
        const bytes = concat(found.map((f) => lenBytes(f, path)));
        if (SPECIALS.has(type))
            return this.special(type, bytes, path);
        return this.message(bytes, type, path);
    }
    special(type, bytes, path) {
        const fields = fieldsOf(bytes, path);
        const last = (no) => fields.filter((f) => f.no === no).pop();
        switch (type) {
            case 'time': {
                // metav1.Time: {seconds, nanos}; JSON is RFC 3339 at second precision, null when zero.
                const s = last(1);
                const seconds = s ? Number(BigInt.asIntN(64, varint(s, path))) : 0;
                const n = last(2);
                const nanos = n ? Number(BigInt.asIntN(32, varint(n, path))) : 0;
                if (seconds === 0 && nanos === 0)
                    return null;
                const ms = seconds * 1000;
                if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
                    throw new WireError(`${path}: time ${seconds}s is out of range`);
                return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
            }
            case 'intstr': {
                // intstr.IntOrString: {type 0 = Int / 1 = String, intVal, strVal}.
                const t = last(1);
                const kind = t ? Number(varint(t, path)) : 0;
                if (kind === 1) {
                    const s = last(3);
                    return s ? utf8String(lenBytes(s, path)) : '';
                }
                if (kind !== 0)
                    throw new WireError(`${path}: IntOrString type ${kind} is neither 0 (Int) nor 1 (String)`);
                const i = last(2);
                return i ? Number(BigInt.asIntN(32, varint(i, path))) : 0;
            }
            case 'quantity': {
                const s = last(1);
                return s ? utf8String(lenBytes(s, path)) : '0';
            }
            case 'fieldsV1': {
                // FieldsV1 holds raw JSON, which its MarshalJSON writes as is.
                const raw = last(1);
                if (!raw)
                    return null;
                try {
                    return JSON.parse(utf8String(lenBytes(raw, path)));
                }
                catch {
                    throw new WireError(`${path}: FieldsV1 is not valid JSON`);
                }
            }
        }
        throw new WireError(`${path}: unknown special type ${type}`);
    }
}
function fieldsOf(bytes, path) {
    try {
        return readFields(bytes);
    }
    catch (e) {
        throw new WireError(`${path}: ${e.message}`);
    }
}
function packedOf(bytes, path) {
    try {
        return readPacked(bytes);
    }
    catch (e) {
        throw new WireError(`${path}: ${e.message}`);
    }
}
function lenBytes(f, path) {
    if (f.wireType !== LEN)
        throw new WireError(`${path}: expected length-delimited bytes, got wire type ${f.wireType}`);
    return f.bytes;
}
function varint(f, path) {
    if (f.wireType !== VARINT)
        throw new WireError(`${path}: expected a varint, got wire type ${f.wireType}`);
    return f.int;
}
function scalarOf(type, v) {
    if (type === 'bool')
        return v !== 0n;
    if (type === 'int32')
        return Number(BigInt.asIntN(32, v));
    return Number(BigInt.asIntN(64, v));
}
function zeroOf(type) {
    if (type === 'string' || type === 'bytes')
        return '';
    if (type === 'quantity')
        return '0';
    if (type === 'int32' || type === 'int64')
        return 0;
    if (type === 'bool')
        return false;
    return {};
}
function isZeroScalar(type, v) {
    if (!SCALARS.has(type))
        return false;
    return v === '' || v === 0 || v === false;
}
function concat(parts) {
    if (parts.length === 1)
        return parts[0];
    return Buffer.concat(parts);
}
//# sourceMappingURL=decode.js.map