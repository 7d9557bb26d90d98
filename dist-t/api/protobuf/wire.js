// The protobuf wire format, read-only: a message is a sequence of (field number, wire type,
// value) records. Kubernetes' generated marshallers (gogo-protobuf, proto2) use varints,
// length-delimited bytes and, for nothing we decode, fixed32/fixed64; groups never appear.
export const VARINT = 0;
export const FIXED64 = 1;
export const LEN = 2;
export const FIXED32 = 5;
/** A malformed protobuf body; the decoder prefixes the field path being read when it broke. */
export class WireError extends Error {
}
export class Reader {
    buf;
    pos = 0;
    constructor(buf) {
        this.buf = buf;
    }
    get done() {
        return this.pos >= this.buf.length;
    }
    varint() {
        let result = 0n;
        let shift = 0n;
        for (let i = 0; i < 10; i++) {
            if (this.pos >= this.buf.length)
                throw new WireError(`truncated varint at byte ${this.pos}`);
            const b = this.buf[this.pos++];
            result |= BigInt(b & 0x7f) << shift;
            if ((b & 0x80) === 0)
                return BigInt.asUintN(64, result);
            shift += 7n;
        }
        throw new WireError(`varint longer than 10 bytes at byte ${this.pos}`);
    }
    fixed(n) {
        if (this.pos + n > this.buf.length)
            throw new WireError(`truncated fixed${n * 8} at byte ${this.pos}`);
        let v = 0n;
        for (let i = n - 1; i >= 0; i--)
            v = (v << 8n) | BigInt(this.buf[this.pos + i]);
        this.pos += n;
        return v;
    }
    lengthDelimited() {
        const start = this.pos;
        const len = this.varint();
        if (len > BigInt(this.buf.length - this.pos)) {
            throw new WireError(`length ${len} at byte ${start} runs past the end of the message (${this.buf.length - this.pos} bytes left)`);
        }
        const out = this.buf.subarray(this.pos, this.pos + Number(len));
        this.pos += Number(len);
        return out;
    }
    field() {
        const at = this.pos;
        const key = this.varint();
        const no = Number(key >> 3n);
        const wireType = Number(key & 7n);
        if (no < 1 || no > 536_870_911)
            throw new WireError(`invalid field number ${no} at byte ${at}`);
        switch (wireType) {
            case VARINT:
                return { no, wireType, int: this.varint() };
            case FIXED64:
                return { no, wireType, int: this.fixed(8) };
            case LEN:
                return { no, wireType, bytes: this.lengthDelimited() };
            case FIXED32:
                return { no, wireType, int: this.fixed(4) };
            default:
                throw new WireError(`unsupported wire type ${wireType} for field ${no} at byte ${at}`);
        }
    }
}
/** Every field record of one message, in wire order. */
export function readFields(buf) {
    const r = new Reader(buf);
    const out = [];
    while (!r.done)
        out.push(r.field());
    return out;
}
/** The varints of a packed repeated field. */
export function readPacked(buf) {
    const r = new Reader(buf);
    const out = [];
    while (!r.done)
        out.push(r.varint());
    return out;
}
const utf8 = new TextDecoder('utf-8', { fatal: true });
export function utf8String(bytes) {
    try {
        return utf8.decode(bytes);
    }
    catch {
        throw new WireError('string field is not valid UTF-8');
    }
}
//# sourceMappingURL=wire.js.map