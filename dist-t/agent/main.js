// `netledger agent` (docs/API.md "Agent"): runs until SIGTERM/SIGINT, then stops cleanly
// (applies in progress finish, state is persisted, the last status report is sent).
import { FlagError } from '../server/flags.js';
import { Agent } from './agent.js';
import { parseAgentFlags } from './flags.js';
import { agentLogger } from './log.js';
export async function runAgent(argv) {
    const opts = parseAgentFlags(argv);
    if (opts.dnsListen && !opts.tables.includes('dns'))
        throw new FlagError('--dns-listen needs the dns table in --tables');
    const log = agentLogger('agent').child({ node: opts.node, netns: opts.netns ?? null });
    const agent = new Agent(opts, log);
    await agent.start();
    log.info({ server: opts.server, tables: opts.tables, dryRun: opts.dryRun }, 'netledger agent running');
    return new Promise((resolve) => {
        let stopping = false;
        const stop = (signal) => {
            if (stopping)
                return;
            stopping = true;
            log.info({ signal }, 'netledger agent stopping');
            agent.stop().then(() => resolve(0), (err) => {
                log.error({ err: String(err) }, 'stop failed');
                resolve(1);
            });
        };
        process.on('SIGTERM', () => stop('SIGTERM'));
        process.on('SIGINT', () => stop('SIGINT'));
    });
}
//# sourceMappingURL=main.js.map