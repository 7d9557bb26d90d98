// Binding the agent's listening sockets: DNS (UDP and TCP on one port) and metrics (TCP). Used
// in the agent's own process when there is no --netns, and by child.ts inside the namespace.

import dgram from 'node:dgram';
import net from 'node:net';
import type { Listen } from '../flags.js';
import { bindTcp, bindUdpAndTcp } from '../sockets.js';

export interface SocketRequest {
  dns?: Listen;
  metrics?: Listen;
}

export interface BoundSockets {
  dns?: { udp: dgram.Socket; tcp: net.Server };
  metrics?: net.Server;
}

export async function bindSockets(req: SocketRequest): Promise<BoundSockets> {
  const out: BoundSockets = {};
  if (req.dns) out.dns = await bindUdpAndTcp(req.dns.host, req.dns.port);
  if (req.metrics) out.metrics = await bindTcp(req.metrics.host, req.metrics.port);
  return out;
}
