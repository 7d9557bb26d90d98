// Fitting a reply into the client's buffer as CoreDNS does (request.Scrub → miekg/dns
// Msg.Truncate, msg_truncate.go): a reply that fits uncompressed is sent as it is; otherwise its
// names are compressed (RFC 1035 §4.1.4) and records are kept in section order (answer,
// authority, additional) until the first one that does not fit, the OPT record always kept, and
// TC set when any record was left out. dns-packet writes every name in full, which made our UDP
// answers about three times CoreDNS's size: a headless service's 40 A records needed TC at 512
// bytes where CoreDNS fits 29.
//
// Works on dns-packet's uncompressed wire output, so every name is a plain run of labels. Names
// are compressed where miekg/dns compresses them: owners, questions and the names inside CNAME,
// PTR, NS, MX and SOA data; never an SRV target (RFC 2782). Suffixes match byte for byte, so a
// decompressed name is exactly the name that was written.
const HEADER = 12;
const TC = 0x0200;
const OPT = 41;
/** A pointer holds a 14-bit offset. */
const MAX_POINTER = 0x3fff;
/** Record types whose data holds names: the offset of each name in the data, and whether it may
 * be compressed. */
const NAMES_IN_DATA = {
    2: { skip: 0, names: 1, compress: true }, // NS
    5: { skip: 0, names: 1, compress: true }, // CNAME
    6: { skip: 0, names: 2, compress: true }, // SOA: MNAME, RNAME, then 20 bytes
    12: { skip: 0, names: 1, compress: true }, // PTR
    15: { skip: 2, names: 1, compress: true }, // MX: preference, exchange
    33: { skip: 6, names: 1, compress: false }, // SRV: priority, weight, port, target
};
/** Below this a size is read as this (RFC 6891 §6.2.3; DNS over UDP without EDNS, RFC 1035). */
export const MIN_SIZE = 512;
/** `reply` (dns-packet's encoding, names uncompressed) made to fit `limit` bytes. */
export function fitReply(reply, limit) {
    const size = Math.max(MIN_SIZE, limit);
    if (reply.length <= size)
        return reply;
    return new Compressor(reply).fit(size);
}
class Compressor {
    src;
    out;
    at = HEADER;
    /** Wire text of a name suffix (labels and the root) -> where it was written. */
    written = new Map();
    /** Where reading is in the source. */
    pos = HEADER;
    constructor(src) {
        this.src = src;
        this.out = Buffer.alloc(src.length);
    }
    fit(size) {
        const src = this.src;
        const [qd, an, ns, ar] = [4, 6, 8, 10].map((o) => src.readUInt16BE(o));
        for (let i = 0; i < qd; i++) {
            this.name(true);
            this.copy(4);
        }
        // The OPT record is set aside and written last; its room is kept from the start.
        const records = [];
        let opt;
        for (let i = 0; i < an + ns + ar; i++) {
            const start = this.pos;
            this.skipRecord();
            const section = i < an ? 0 : i < an + ns ? 1 : 2;
            if (section === 2 && src.readUInt16BE(this.nameEnd(start)) === OPT)
                opt = src.subarray(start, this.pos);
            else
                records.push({ start, section });
        }
        const budget = size - (opt?.length ?? 0);
        const kept = [0, 0, 0];
        for (const r of records) {
            const before = this.at;
            this.pos = r.start;
            this.record();
            if (this.at > budget) {
                this.at = before; // this one and every later one left out, as Truncate's loop stops
                break;
            }
            kept[r.section]++;
        }
        const dropped = kept[0] + kept[1] + kept[2] < records.length;
        if (opt) {
            opt.copy(this.out, this.at);
            this.at += opt.length;
        }
        src.copy(this.out, 0, 0, 4); // id and flags
        if (dropped)
            this.out.writeUInt16BE(src.readUInt16BE(2) | TC, 2);
        this.out.writeUInt16BE(qd, 4);
        this.out.writeUInt16BE(kept[0], 6);
        this.out.writeUInt16BE(kept[1], 8);
        this.out.writeUInt16BE(kept[2] + (opt ? 1 : 0), 10);
        return this.out.subarray(0, this.at);
    }
    /** One resource record from `pos`: owner, type/class/TTL, then its data with names compressed
     * where allowed and RDLENGTH set to what was written. */
    record() {
        this.name(true);
        const type = this.src.readUInt16BE(this.pos);
        this.copy(8); // type, class, TTL
        const rdlength = this.src.readUInt16BE(this.pos);
        this.pos += 2;
        const lengthAt = this.at;
        this.at += 2;
        const dataEnd = this.pos + rdlength;
        const layout = NAMES_IN_DATA[type];
        if (layout) {
            this.copy(layout.skip);
            for (let n = 0; n < layout.names; n++)
                this.name(layout.compress);
        }
        this.copy(dataEnd - this.pos);
        this.out.writeUInt16BE(this.at - lengthAt - 2, lengthAt);
    }
    /** Copies the name at `pos`, ending in a pointer to an earlier copy of its longest suffix
     * written so far; when `compress`, its own suffixes become pointer targets. */
    name(compress) {
        const src = this.src;
        const end = this.nameEnd(this.pos);
        while (src[this.pos] !== 0) {
            const suffix = compress ? src.toString('latin1', this.pos, end) : '';
            const earlier = compress ? this.written.get(suffix) : undefined;
            if (earlier !== undefined) {
                this.out.writeUInt16BE(0xc000 | earlier, this.at);
                this.at += 2;
                this.pos = end;
                return;
            }
            if (compress && this.at <= MAX_POINTER)
                this.written.set(suffix, this.at);
            this.copy(src[this.pos] + 1);
        }
        this.copy(1); // the root
    }
    copy(n) {
        this.src.copy(this.out, this.at, this.pos, this.pos + n);
        this.at += n;
        this.pos += n;
    }
    /** Past the uncompressed name at `from`. */
    nameEnd(from) {
        let p = from;
        while (this.src[p] !== 0)
            p += this.src[p] + 1;
        return p + 1;
    }
    skipRecord() {
        this.pos = this.nameEnd(this.pos) + 8;
        this.pos += 2 + this.src.readUInt16BE(this.pos);
    }
}
//# sourceMappingURL=fit-reply.js.map