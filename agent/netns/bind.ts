// Binding the agent's listening sockets: DNS (UDP and TCP on one port) and metrics (TCP). Used
// in the agent's own process when there is no --netns, and by child.ts inside the namespace.

import dgram from 'node:dgram';
import net from 'node:net';
import type { Listen } from '../flags.js';

export interface SocketRequest {
  dns?: Listen;
  metrics?: Listen;
}

export interface BoundSockets {
  dns?: { udp: dgram.Socket; tcp: net.Server };
  metrics?: net.Server;
}

function bindUdp(host: string, port: number): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

export function bindTcp(host: string, port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer({ pauseOnConnect: false });
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** UDP and TCP on the same port; with port 0, retries until a port is free for both. */
async function bindDns(l: Listen): Promise<{ udp: dgram.Socket; tcp: net.Server }> {
  for (let attempt = 0; ; attempt++) {
    const udp = await bindUdp(l.host, l.port);
    try {
      return { udp, tcp: await bindTcp(l.host, udp.address().port) };
    } catch (err) {
      await new Promise<void>((r) => udp.close(() => r()));
      if (l.port !== 0 || attempt >= 5) throw err;
    }
  }
}

export async function bindSockets(req: SocketRequest): Promise<BoundSockets> {
  const out: BoundSockets = {};
  if (req.dns) out.dns = await bindDns(req.dns);
  if (req.metrics) out.metrics = await bindTcp(req.metrics.host, req.metrics.port);
  return out;
}
