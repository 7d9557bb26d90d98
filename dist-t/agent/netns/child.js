// Runs inside the node's network namespace (`ip netns exec NS node child.js '<request>'`): binds
// the requested sockets there and hands them to the agent over the IPC channel, then exits. A
// socket belongs to the namespace it was created in for its whole life, so the agent serves on
// them from its own namespace, where its connection to the server lives (Node cannot setns).
import { bindSockets } from './bind.js';
function send(msg, handle) {
    return new Promise((resolve, reject) => process.send(msg, handle, (err) => (err ? reject(err) : resolve())));
}
async function main() {
    if (!process.send)
        throw new Error('netns socket helper must be started with an IPC channel');
    const req = JSON.parse(process.argv[2] ?? '{}');
    const bound = await bindSockets(req);
    if (bound.dns) {
        await send({ socket: 'dns-udp' }, bound.dns.udp);
        await send({ socket: 'dns-tcp' }, bound.dns.tcp);
    }
    if (bound.metrics)
        await send({ socket: 'metrics' }, bound.metrics);
    await send({ done: true });
    // Our copies: the agent holds its own now.
    bound.dns?.udp.close();
    bound.dns?.tcp.close();
    bound.metrics?.close();
    process.disconnect();
}
main().catch(async (err) => {
    try {
        await send({ error: String(err instanceof Error ? err.message : err) });
    }
    finally {
        process.exit(1);
    }
});
//# sourceMappingURL=child.js.map