// Answers written for people: YAML when the Accept header prefers it (as kube-apiserver's YAML
// serializer answers `Accept: application/yaml`), else indented JSON as its isPrettyPrint decides
// it: `?pretty=<bool>` when given, else for curl, Wget and browsers (their User-Agent). Whole
// JSON answers only: streamed ones (watches, whole tables) stay as they are.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import YAML from 'yaml';
import { negotiate } from './negotiate.js';
import { parseBool } from './request-context.js';

export function wantsPretty(req: FastifyRequest): boolean {
  if (req.url.includes('pretty')) {
    const given = (req.query as Record<string, unknown> | undefined)?.pretty;
    if (typeof given === 'string' && given !== '') return parseBool(given) ?? false;
  }
  const agent = req.headers['user-agent'] ?? '';
  return agent.startsWith('curl') || agent.startsWith('Wget') || agent.startsWith('Mozilla/5.0');
}

/** Whether negotiation (api/negotiate.ts) picks YAML: the first acceptable clause names it. */
export function wantsYaml(accept: string | undefined): boolean {
  if (!accept || !accept.includes('yaml')) return false;
  try {
    return negotiate(accept).media === 'yaml';
  } catch {
    return false; // a 406: its Status goes out as JSON
  }
}

export function registerPrettyPrint(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string') return payload;
    const yaml = wantsYaml(req.headers.accept);
    if (!yaml && !wantsPretty(req)) return payload;
    const type = reply.getHeader('content-type');
    if (typeof type !== 'string' || !type.startsWith('application/json')) return payload;
    try {
      const value: unknown = JSON.parse(payload);
      if (!yaml) return JSON.stringify(value, null, 2);
      reply.type('application/yaml');
      // go-yaml's layout (sigs.k8s.io/yaml): list items at their key's indentation.
      return YAML.stringify(value, { indentSeq: false });
    } catch {
      return payload;
    }
  });
}
