// Health and metrics endpoints, as kube-apiserver serves them.

import type { FastifyInstance } from 'fastify';
import type { Ledger } from '../store/ledger.js';
import type { ServerMetrics } from './metrics.js';

export async function opsRoutes(app: FastifyInstance, opts: { ledger: Ledger; metrics: ServerMetrics }): Promise<void> {
  const { ledger, metrics } = opts;
  const healthy = (): [boolean, string] => (ledger.broken ? [false, `[-]log failed: ${String(ledger.broken)}`] : [true, '[+]log ok']);
  for (const path of ['/healthz', '/livez', '/readyz']) {
    app.get(path, { config: { servedWhenBroken: true } }, async (req, reply) => {
      const [ok, check] = healthy();
      const verbose = 'verbose' in (req.query as object);
      reply.code(ok ? 200 : 500).type('text/plain; charset=utf-8');
      if (verbose) return `${check}\n${path.slice(1)} ${ok ? 'check passed' : 'check failed'}\n`;
      return ok ? 'ok' : `${check}\n`;
    });
  }
  app.get('/metrics', { config: { servedWhenBroken: true } }, async (_req, reply) => {
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
