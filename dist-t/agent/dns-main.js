// `netledger dns --server URL --listen HOST:PORT [--node NAME] [--upstream HOST:PORT]`: the agent's DNS responder on its
// own. It streams one node's dns table (every node sees the same cluster DNS; default: the first
// node the API lists) and answers from it over UDP and TCP.
import { dnsTableOf, zoneOfTable } from './dns-zone.js';
import { parseDnsFlags } from './flags.js';
import { agentLogger } from './log.js';
import { bindSockets } from './netns/bind.js';
import { serveDns } from './serving.js';
import { LocalTables } from './store/local-tables.js';
import { NodeStreamClient } from './stream/client.js';
async function firstNode(server, log) {
    for (let delay = 500;; delay = Math.min(delay * 2, 30_000)) {
        try {
            const res = await fetch(`${server}/api/v1/nodes?limit=1`, { signal: AbortSignal.timeout(10_000) });
            if (res.ok) {
                const name = (await res.json()).items?.[0]?.metadata?.name;
                if (name)
                    return name;
                log.info('no nodes yet; waiting for one');
            }
            else
                log.warn({ status: res.status }, 'listing nodes failed');
        }
        catch (err) {
            log.warn({ err: String(err) }, 'listing nodes failed');
        }
        await new Promise((r) => setTimeout(r, delay));
    }
}
export async function runDns(argv) {
    const opts = parseDnsFlags(argv);
    const log = agentLogger('dns');
    const sockets = (await bindSockets({ dns: opts.listen })).dns;
    const listen = { host: opts.listen.host, port: sockets.udp.address().port };
    const store = new LocalTables(['dns']);
    // Answering at once: SERVFAIL until the first snapshot, as CoreDNS before its informers sync.
    const responder = await serveDns(sockets, listen, dnsTableOf(() => store), opts.upstream);
    log.info({ listen }, 'netledger dns listening (SERVFAIL until the first sync)');
    const node = opts.node ?? (await firstNode(opts.server, log));
    let synced = false;
    const client = new NodeStreamClient({
        server: opts.server,
        node,
        tables: ['dns'],
        resumeFrom: () => (store.rv > 0 ? store.rv : undefined),
        log: log.child({ node }),
        onMessage: async (msg) => {
            if (msg.type === 'SNAPSHOT')
                store.applySnapshot(msg);
            else if (msg.type === 'DELTA')
                store.applyDelta(msg);
            else if (msg.type === 'BOOKMARK')
                store.rv = Math.max(store.rv, msg.rv);
            if (!synced && store.rv > 0) {
                synced = true;
                log.info({ listen, zone: zoneOfTable(store.table('dns').entries), node }, 'netledger dns serving');
            }
        },
    });
    client.start();
    return new Promise((resolve) => {
        const stop = () => {
            void client.stop().then(async () => {
                await responder.close();
                resolve(0);
            });
        };
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
    });
}
//# sourceMappingURL=dns-main.js.map