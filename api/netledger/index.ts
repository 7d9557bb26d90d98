// The netledger.io/v1 group: node tables (read, time travel, diff, history), node streams and
// status, the event log, previews.

import type { FastifyInstance } from 'fastify';
import type { Ledger } from '../../store/ledger.js';
import type { ServerMetrics } from '../metrics.js';
import type { ActorResolver } from '../request-context.js';
import { getNodeTable } from './tables.js';

export interface NetledgerDeps {
  ledger: Ledger;
  actorOf: ActorResolver;
  metrics: ServerMetrics;
}

export async function netledgerRoutes(app: FastifyInstance, deps: NetledgerDeps): Promise<void> {
  const base = '/apis/netledger.io/v1';
  app.get(`${base}/nodes/:node/tables/:table`, (req, reply) => getNodeTable(req, reply, deps.ledger));
}
