// The agent's listeners on sockets bound for it (netns/sockets.ts): the DNS responder over the
// local dns table (SERVFAIL until it is synced), and /metrics.

import http from 'node:http';
import type net from 'node:net';
import { startDnsResponder, type DnsResponder, type DnsTable } from './dns/index.js';
import type { BoundSockets } from './netns/bind.js';
import type { Listen } from './flags.js';
import type { AgentMetrics } from './metrics.js';

export async function serveDns(sockets: NonNullable<BoundSockets['dns']>, listen: Listen, getTable: () => DnsTable | undefined, upstream?: Listen): Promise<DnsResponder> {
  return startDnsResponder({ host: listen.host, port: listen.port, getTable, sockets, upstream });
}

export function serveMetrics(server: net.Server, metrics: AgentMetrics): { close(): Promise<void> } {
  const httpServer = http.createServer((req, res) => {
    if (req.url === '/metrics') {
      metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (err) => res.writeHead(500).end(String(err)),
      );
    } else if (req.url === '/healthz') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    else res.writeHead(404).end();
  });
  server.on('connection', (socket) => httpServer.emit('connection', socket));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
