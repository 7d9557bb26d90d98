// Binding the agent's listening sockets: DNS (UDP and TCP on one port) and metrics (TCP). Used
// in the agent's own process when there is no --netns, and by child.ts inside the namespace.
import { bindTcp, bindUdpAndTcp } from '../sockets.js';
export async function bindSockets(req) {
    const out = {};
    if (req.dns)
        out.dns = await bindUdpAndTcp(req.dns.host, req.dns.port);
    if (req.metrics)
        out.metrics = await bindTcp(req.metrics.host, req.metrics.port);
    return out;
}
//# sourceMappingURL=bind.js.map