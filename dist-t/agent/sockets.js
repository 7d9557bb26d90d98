// Binding listening sockets: one UDP socket, one TCP server, or both on the same port (DNS). The
// DNS responder binds with these in its own process; the netns child binds inside a namespace.
import dgram from 'node:dgram';
import net from 'node:net';
/** Attempts to find a port free for both UDP and TCP when port 0 is asked for. */
const BIND_ATTEMPTS = 5;
export function bindUdp(host, port) {
    return new Promise((resolve, reject) => {
        const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
        socket.once('error', reject);
        socket.bind(port, host, () => {
            socket.off('error', reject);
            resolve(socket);
        });
    });
}
export function bindTcp(host, port) {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(port, host, () => {
            server.off('error', reject);
            resolve(server);
        });
    });
}
/** UDP and TCP on one port; with port 0, retries until a port is free for both. */
export async function bindUdpAndTcp(host, port) {
    for (let attempt = 0;; attempt++) {
        const udp = await bindUdp(host, port);
        try {
            return { udp, tcp: await bindTcp(host, udp.address().port) };
        }
        catch (err) {
            await new Promise((r) => udp.close(() => r()));
            // With port 0 the UDP port we got may be taken on TCP: try another one.
            if (port !== 0 || attempt + 1 >= BIND_ATTEMPTS)
                throw err;
        }
    }
}
//# sourceMappingURL=sockets.js.map