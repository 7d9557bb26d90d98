// Indented JSON for people, as kube-apiserver's isPrettyPrint decides it: `?pretty=<bool>` when
// given, else for curl, Wget and browsers (their User-Agent). Whole JSON answers only: streamed
// ones (watches, whole tables) stay as they are.

import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Go's strconv.ParseBool, undefined for anything else. */
function parseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

export function wantsPretty(req: FastifyRequest): boolean {
  if (req.url.includes('pretty')) {
    const given = (req.query as Record<string, unknown> | undefined)?.pretty;
    if (typeof given === 'string' && given !== '') return parseBool(given) ?? false;
  }
  const agent = req.headers['user-agent'] ?? '';
  return agent.startsWith('curl') || agent.startsWith('Wget') || agent.startsWith('Mozilla/5.0');
}

export function registerPrettyPrint(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' || !wantsPretty(req)) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.startsWith('application/json')) return payload;
    try {
      return JSON.stringify(JSON.parse(payload), null, 2);
    } catch {
      return payload;
    }
  });
}
