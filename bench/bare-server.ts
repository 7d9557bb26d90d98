// The baseline for the writes scenario: a bare fastify app that parses the JSON body of a create
// and replies 201 with it, with no logging, validation, domain or store. Run as a child process:
// `node dist/bench/bare-server.js`; prints {"msg":"bare serving","address":…} once listening.

import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/api/v1/namespaces/:namespace/:resource', async (req, reply) => {
  const body = req.body as { metadata?: Record<string, unknown> };
  reply.code(201);
  return { ...body, metadata: { ...body.metadata, resourceVersion: '1' } };
});
app.get('/healthz', async () => 'ok');

const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(JSON.stringify({ msg: 'bare serving', address }) + '\n');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
