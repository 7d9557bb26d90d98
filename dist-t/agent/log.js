// The agent's JSON log lines (pino, like the server), level from NETLEDGER_LOG_LEVEL.
import pino from 'pino';
export function agentLogger(name) {
    return pino({ level: process.env.NETLEDGER_LOG_LEVEL ?? 'info', base: { component: name } });
}
//# sourceMappingURL=log.js.map