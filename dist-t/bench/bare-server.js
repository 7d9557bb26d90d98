// The baselines: for the writes scenario, a bare fastify app that parses the JSON body of a create
// and replies 201 with it, with no logging, validation, domain or store; for the audit scenario,
// a body of N bytes built once and sent as it is (what moving a one-response read of that size
// over loopback costs, before any server computes it). Run as a child process:
// `node dist/bench/bare-server.js`; prints {"msg":"bare serving","address":…} once listening.
import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.post('/api/v1/namespaces/:namespace/:resource', async (req, reply) => {
    const body = req.body;
    reply.code(201);
    return { ...body, metadata: { ...body.metadata, resourceVersion: '1' } };
});
app.get('/healthz', async () => 'ok');
const bodies = new Map();
app.get('/bytes/:n', async (req, reply) => {
    const n = Number(req.params.n);
    if (!Number.isSafeInteger(n) || n < 0 || n > 512 * 1024 ** 2)
        return reply.code(400).send('n: 0 to 512 MiB');
    let body = bodies.get(n);
    if (!body)
        bodies.set(n, (body = Buffer.alloc(n, '{"key":"nat/KUBE-SEP-X","value":[]},')));
    return reply.type('application/json').send(body);
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(JSON.stringify({ msg: 'bare serving', address }) + '\n');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
//# sourceMappingURL=bare-server.js.map