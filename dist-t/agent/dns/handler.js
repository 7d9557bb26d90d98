// DNS message handling for the node-local responder: wire bytes in, wire bytes out, answers from
// the in-memory dns table via the projection's pure answerQuery. No sockets here (server.ts binds).
import dnsPacket from 'dns-packet';
import { answerQuery, reverseZoneOf } from '../../projections/dns/index.js';
import { forward, lookup } from './upstream.js';
import { fitReply, MIN_SIZE } from './fit-reply.js';
const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
/** BADVERS (RFC 6891 §6.1.3): extended rcode 16, its upper 8 bits in the OPT record. */
const BADVERS_UPPER = 1;
const OPCODE_BITS = 0x7800;
const DO_BIT = 0x8000;
/** Classic DNS over UDP without EDNS (RFC 1035 §4.2.1). */
export const UDP_LIMIT = MIN_SIZE;
/** The payload size we advertise in our OPT record (the DNS flag day 2020 value). Replies are
 * sized by the client's own, as CoreDNS sizes them. */
export const EDNS_PAYLOAD = 1232;
/** The largest DNS message (its TCP length prefix is 16 bits). */
const TCP_LIMIT = 65535;
function encode(r, truncated) {
    return dnsPacket.encode({
        type: 'response',
        id: r.id,
        flags: r.flags | (truncated ? dnsPacket.TRUNCATED_RESPONSE : 0),
        questions: r.questions,
        answers: r.answers,
        authorities: r.authorities,
        additionals: [...r.additionals, ...(r.opt ? [r.opt] : [])],
    });
}
function headerOnly(msg, rcode) {
    if (msg.length < 12)
        return undefined;
    const id = msg.readUInt16BE(0);
    const rd = msg.readUInt16BE(2) & dnsPacket.RECURSION_DESIRED;
    return dnsPacket.encode({ type: 'response', id, flags: rd | RCODE[rcode], questions: [] });
}
export function createDnsHandler(source) {
    return async (msg, transport) => {
        let query;
        try {
            query = dnsPacket.decode(msg);
        }
        catch {
            return headerOnly(msg, 'FORMERR');
        }
        if (query.type !== 'query')
            return undefined; // never answer responses (reflection loops)
        const flags = query.flags ?? 0;
        // The opcode is copied into the reply (RFC 1035 §4.1.1), or a client drops it as a mismatch.
        const echoed = (flags & dnsPacket.RECURSION_DESIRED) | (flags & OPCODE_BITS);
        const opt = (query.additionals ?? []).find((a) => a.type === 'OPT');
        const reply = (rcode, result, extendedUpper = 0) => ({
            id: query.id ?? 0,
            flags: echoed | (result?.authoritative ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | RCODE[rcode],
            questions: query.questions ?? [],
            answers: result?.answers ?? [],
            authorities: result?.authority ?? [],
            additionals: result?.additional ?? [],
            // The DO bit is echoed (RFC 3225); the answers carry no DNSSEC records.
            opt: opt
                ? { type: 'OPT', name: '.', udpPayloadSize: EDNS_PAYLOAD, extendedRcode: extendedUpper, ednsVersion: 0, flags: opt.flag_do ? DO_BIT : 0, flag_do: !!opt.flag_do, options: [] }
                : undefined,
        });
        let out;
        const q = query.questions?.[0];
        if (query.opcode !== 'QUERY')
            out = reply('NOTIMP');
        else if (opt && (opt.ednsVersion ?? 0) > 0)
            out = reply('NOERROR', undefined, BADVERS_UPPER);
        else if (!q || (query.questions?.length ?? 0) !== 1)
            out = reply('FORMERR');
        else if (q.class !== undefined && q.class !== 'IN')
            out = reply('REFUSED');
        else {
            const table = source.getTable();
            if (!table)
                out = reply('SERVFAIL');
            else {
                let result;
                try {
                    result = answerQuery(table.entries, { name: q.name, type: String(q.type) }, { zone: table.zone, serial: table.serial });
                }
                catch {
                    result = undefined; // a malformed table entry must cost one answer, not the responder
                }
                if (!result)
                    out = reply('SERVFAIL');
                else if (source.upstream && (result.rcode === 'REFUSED' || (result.rcode === 'NXDOMAIN' && reverseZoneOf(q.name) !== undefined)) && q.type !== 'AXFR' && q.type !== 'IXFR') {
                    // Not ours (a name outside the zones; zone transfers stay refused), or a reverse name
                    // we have nothing for (the default Corefile's `fallthrough in-addr.arpa ip6.arpa`: an
                    // outside address's PTR): the upstream answers it, its reply passed on as it is.
                    try {
                        return await forward(source.upstream, msg, transport);
                    }
                    catch {
                        out = reply('SERVFAIL');
                    }
                }
                else {
                    let truncated = false;
                    if (source.upstream && (q.type === 'A' || q.type === 'AAAA'))
                        ({ result, truncated } = await chaseExternalTarget(source.upstream, table.zone, q.type, result));
                    out = reply(result.rcode, result);
                    if (truncated)
                        out.flags |= dnsPacket.TRUNCATED_RESPONSE;
                }
            }
        }
        // CoreDNS's request.Size: over UDP the client's EDNS buffer size (fitReply raises it to 512),
        // or 512 without EDNS; over TCP a whole DNS message.
        const limit = transport === 'tcp' ? TCP_LIMIT : (opt?.udpPayloadSize ?? UDP_LIMIT);
        return fitReply(encode(out, false), limit);
    };
}
/**
 * An ExternalName whose target is outside the cluster zone: the kubernetes plugin's Upstreamer
 * resolves the target and appends its records (TTLs kept, TC passed on); when that lookup
 * fails the CNAME goes too and the answer is empty (reference cluster-dns §2.3).
 */
async function chaseExternalTarget(up, zone, type, result) {
    const last = result.answers.at(-1);
    if (!last || last.type !== 'CNAME')
        return { result, truncated: false };
    const target = String(last.data).replace(/\.$/, '').toLowerCase();
    const z = zone.toLowerCase();
    if (target === z || target.endsWith(`.${z}`))
        return { result, truncated: false };
    try {
        const found = await lookup(up, target, type);
        return { result: { ...result, answers: [...result.answers, ...found.answers] }, truncated: found.truncated };
    }
    catch {
        return { result: { ...result, answers: [] }, truncated: false };
    }
}
//# sourceMappingURL=handler.js.map