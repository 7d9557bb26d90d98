// The DNS responder's sockets: UDP and TCP (2-byte length prefix, RFC 1035 §4.2.2) on one port.
// Binding is its own step so the caller can run it wherever the sockets must live (inside a
// node's network namespace); the answering logic is in handler.ts.
import { createDnsHandler } from './handler.js';
import { tcpFrame } from './tcp-frame.js';
import { bindUdpAndTcp } from '../sockets.js';
/** Idle TCP connections are closed after this long (RFC 7766 suggests seconds, not minutes). */
const TCP_IDLE_MS = 10_000;
/** One TCP connection: frames are `length(2) message`, answered in order (a forwarded query
 * holds back the answers after it). */
function serveTcpConnection(conn, handle) {
    let pending = Buffer.alloc(0);
    let answered = Promise.resolve();
    conn.setTimeout(TCP_IDLE_MS, () => conn.destroy());
    conn.on('error', () => conn.destroy());
    conn.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        while (pending.length >= 2) {
            const size = pending.readUInt16BE(0);
            if (pending.length < 2 + size)
                break;
            const msg = pending.subarray(2, 2 + size);
            pending = pending.subarray(2 + size);
            const reply = handle(Buffer.from(msg), 'tcp');
            answered = answered.then(async () => {
                const out = await reply;
                if (!out || conn.destroyed)
                    return;
                conn.write(tcpFrame(out));
            });
        }
    });
}
export async function startDnsResponder(opts) {
    const handle = createDnsHandler({ getTable: opts.getTable, upstream: opts.upstream });
    const { udp: udpSocket, tcp } = opts.sockets ?? (await bindUdpAndTcp(opts.host, opts.port));
    const connections = new Set();
    udpSocket.on('message', (msg, rinfo) => {
        void handle(msg, 'udp').then((reply) => {
            if (reply)
                udpSocket.send(reply, rinfo.port, rinfo.address);
        });
    });
    udpSocket.on('error', () => { }); // a failed send must not kill the responder
    tcp.on('connection', (conn) => {
        connections.add(conn);
        conn.on('close', () => connections.delete(conn));
        serveTcpConnection(conn, handle);
    });
    const tcpServer = tcp;
    return {
        address: { host: opts.host, port: udpSocket.address().port },
        async close() {
            for (const conn of connections)
                conn.destroy();
            await Promise.all([new Promise((resolve) => udpSocket.close(() => resolve())), new Promise((resolve) => tcpServer.close(() => resolve()))]);
        },
    };
}
//# sourceMappingURL=server.js.map