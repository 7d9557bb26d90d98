// The upstream resolver the responder forwards to (CoreDNS's `forward . ADDR` in the default
// Corefile, and its kubernetes plugin's Upstreamer for ExternalName targets): names outside the
// cluster zones are answered by it, and an ExternalName's out-of-zone target is resolved through
// it. One exchange per query: the message as the client sent it (same id) over UDP, then TCP
// when the answer comes back truncated and the client asked over TCP.
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import { tcpFrame } from './tcp-frame.js';
/** How long one exchange may take before it counts as failed (CoreDNS forward: 2 s dial+read). */
const TIMEOUT_MS = 2000;
/** One exchange with a deadline: `open` starts it and returns how to tear it down; the first of
 * its answer, its error or the deadline settles it, and tears it down. */
function exchange(up, open) {
    return new Promise((resolve, reject) => {
        let finished = false;
        let teardown = () => { };
        const done = (err, reply) => {
            if (finished)
                return;
            finished = true;
            clearTimeout(timer);
            teardown();
            if (err)
                reject(err);
            else
                resolve(reply);
        };
        const timer = setTimeout(() => done(new Error(`upstream ${up.host}:${up.port} did not answer in ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
        teardown = open(done);
    });
}
export function exchangeUdp(up, msg) {
    return exchange(up, (done) => {
        const socket = dgram.createSocket(net.isIPv6(up.host) ? 'udp6' : 'udp4');
        const id = msg.readUInt16BE(0);
        socket.on('error', (e) => done(e));
        // Only the answer to this query counts: anything else on the socket is dropped.
        socket.on('message', (reply) => {
            if (reply.length >= 2 && reply.readUInt16BE(0) === id)
                done(undefined, reply);
        });
        // Connected, so an upstream with nothing on its port fails at once (ICMP port unreachable)
        // instead of after the timeout.
        socket.connect(up.port, up.host, () => socket.send(msg, (e) => e && done(e)));
        return () => socket.close();
    });
}
export function exchangeTcp(up, msg) {
    return exchange(up, (done) => {
        const conn = net.connect({ host: up.host, port: up.port });
        let buf = Buffer.alloc(0);
        conn.on('error', (e) => done(e));
        conn.on('connect', () => conn.write(tcpFrame(msg)));
        conn.on('data', (chunk) => {
            buf = Buffer.concat([buf, chunk]);
            if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0))
                done(undefined, buf.subarray(2, 2 + buf.readUInt16BE(0)));
        });
        conn.on('end', () => done(new Error(`upstream ${up.host}:${up.port} closed the connection`)));
        return () => conn.destroy();
    });
}
/** Forwards a client's query as it is, over UDP (CoreDNS forward's prefer_udp); again over TCP
 * when that came back truncated and the client is on TCP (a UDP client gets the TC answer and
 * retries over TCP itself). */
export async function forward(up, msg, transport) {
    const reply = await exchangeUdp(up, msg);
    const truncated = reply.length >= 4 && (reply.readUInt16BE(2) & dnsPacket.TRUNCATED_RESPONSE) !== 0;
    return truncated && transport === 'tcp' ? exchangeTcp(up, msg) : reply;
}
/** A/AAAA of an out-of-zone name, asked of the upstream: its answer records (TTLs kept). */
export async function lookup(up, name, type) {
    const query = dnsPacket.encode({ type: 'query', id: Math.floor(Math.random() * 65536), flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name }] });
    const reply = dnsPacket.decode(await exchangeUdp(up, query));
    return { answers: reply.answers ?? [], truncated: ((reply.flags ?? 0) & dnsPacket.TRUNCATED_RESPONSE) !== 0 };
}
//# sourceMappingURL=upstream.js.map