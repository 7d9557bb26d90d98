// The agent's listeners on sockets bound for it (netns/sockets.ts): the DNS responder over the
// local dns table (SERVFAIL until it is synced), and /metrics.
import http from 'node:http';
import { startDnsResponder } from './dns/index.js';
export async function serveDns(sockets, listen, getTable, upstream) {
    return startDnsResponder({ host: listen.host, port: listen.port, getTable, sockets, upstream });
}
export function serveMetrics(server, metrics) {
    const httpServer = http.createServer((req, res) => {
        if (req.url === '/metrics') {
            metrics.registry.metrics().then((text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text), (err) => res.writeHead(500).end(String(err)));
        }
        else if (req.url === '/healthz')
            res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        else
            res.writeHead(404).end();
    });
    server.on('connection', (socket) => httpServer.emit('connection', socket));
    return {
        close: () => new Promise((resolve) => {
            httpServer.closeAllConnections();
            server.close(() => resolve());
        }),
    };
}
//# sourceMappingURL=serving.js.map