// What every write carries into the domain: who, when, which request, a fresh uid.

import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../domain/commands.js';
import { errors } from '../domain/errors.js';

export type ActorResolver = (req: FastifyRequest) => string;

export function commandContext(req: FastifyRequest, actorOf: ActorResolver): CommandContext {
  const q = req.query as Record<string, unknown>;
  const dryRun = q.dryRun;
  if (dryRun !== undefined && dryRun !== 'All' && !(Array.isArray(dryRun) && dryRun.every((d) => d === 'All'))) {
    throw errors.badRequest(`Invalid dryRun value: ${JSON.stringify(dryRun)}: supported values: "All"`);
  }
  return {
    time: new Date().toISOString(),
    actor: actorOf(req),
    requestId: String(req.id),
    newUid: randomUUID(),
    dryRun: dryRun !== undefined,
    fieldManager: typeof q.fieldManager === 'string' ? q.fieldManager : undefined,
  };
}
