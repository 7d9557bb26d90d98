// The agent's JSON log lines (pino, like the server), level from NETLEDGER_LOG_LEVEL.

import pino from 'pino';

export type Logger = pino.Logger;

export function agentLogger(name: string): Logger {
  return pino({ level: process.env.NETLEDGER_LOG_LEVEL ?? 'info', base: { component: name } });
}
