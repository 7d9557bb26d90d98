// The fastify app: kube conventions (Status errors, content types, auth), then one plugin per
// API group. No module-level state: everything arrives through buildApp's options.
import { randomUUID } from 'node:crypto';
import { queryBool } from './query-params.js';
import Fastify, { LogController } from 'fastify';
import { actorOf, registerAuth } from './auth.js';
import { BODY_LIMIT, registerContentTypes } from './content.js';
import { discoveryRoutes } from './discovery-routes.js';
import { ServerMetrics, verbOf } from './metrics.js';
import { netledgerRoutes } from './netledger/index.js';
import { selfReviewRoutes } from './self-reviews.js';
import { opsRoutes } from './ops.js';
import { pageNotFound } from './paths.js';
import { registerPrettyPrint } from './pretty.js';
import { resourceRoutes } from './resources.js';
import { clientErrorHandler, errorHandler, sendStatus } from './status.js';
import { errors } from '../domain/errors.js';
export async function buildApp(opts) {
    const app = Fastify({
        ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
        ...(opts.https ? { https: opts.https } : {}),
        bodyLimit: BODY_LIMIT,
        // Two log lines per request cost more than the write itself at thousands of writes a
        // second; like kube-apiserver below -v=3, log requests only when debugging.
        logController: new LogController({ disableRequestLogging: !(opts.logger && opts.logger.isLevelEnabled?.('debug')) }),
        // Request ids name the request in the event log (requestId): kube-apiserver's Audit-ID, a
        // UUID, taken from the client's Audit-ID header when it sends one. Fastify's default counter
        // started again at req-1 with every process, so two requests' events could share an id.
        genReqId: (req) => {
            const given = req.headers['audit-id'];
            return typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
        },
        return503OnClosing: true,
        // Errors fastify meets before a route runs (a path that is not valid percent-encoding) and
        // requests Node's parser refuses leave as Status objects too.
        frameworkErrors: (err, req, reply) => errorHandler(err, req, reply),
        clientErrorHandler,
        forceCloseConnections: true,
        // kubectl sends long selector query strings; keep the router's limits generous.
        routerOptions: { ignoreTrailingSlash: true, maxParamLength: 4096 },
    });
    const metrics = opts.metrics ?? new ServerMetrics();
    registerContentTypes(app);
    registerPrettyPrint(app);
    app.setErrorHandler(errorHandler);
    app.setNotFoundHandler((_req, reply) => sendStatus(reply, pageNotFound().status));
    registerAuth(app, opts.tokens);
    // While batches are being committed the live state holds writes a crash could still take
    // back, so a request that reads it waits until they are durable (a few ms; the appender holds
    // the next batch back meanwhile). Plain writes only queue a command and go straight on.
    // After a failed write the live state may hold batches the disk lost: nothing but the health
    // and metrics endpoints (which report it) is served from it any more.
    app.addHook('preHandler', (req, reply, done) => {
        // kube-apiserver answers every request with its Audit-ID (the event log's requestId).
        reply.header('Audit-Id', req.id);
        const config = req.routeOptions.config;
        if (opts.ledger.broken !== undefined && !config.servedWhenBroken) {
            return done(errors.unavailable(`the event log failed to write, so the live state may hold writes that are not on disk; restart the server (${String(opts.ledger.broken)})`));
        }
        if (config.submitsOnly?.(req))
            return done();
        opts.ledger.settled().then(() => done(), done);
    });
    app.addHook('onResponse', async (req, reply) => {
        const q = req.query;
        const resource = req.resource ?? '';
        const hasName = /\/[^/]+\/[^/]+$/.test(req.url.split('?')[0] ?? '') && !!resource;
        const verb = verbOf(req.method, hasName, queryBool(q?.watch));
        metrics.requests.inc({ verb, resource, code: String(reply.statusCode) });
        metrics.latency.observe({ verb, resource }, reply.elapsedTime / 1000);
    });
    await app.register(opsRoutes, { ledger: opts.ledger, metrics });
    await app.register(discoveryRoutes);
    await app.register(resourceRoutes, {
        ledger: opts.ledger,
        actorOf,
        onWrite: opts.onWrite,
        watchers: { inc: () => metrics.watchers.inc(), dec: () => metrics.watchers.dec() },
    });
    await app.register(selfReviewRoutes);
    await app.register(netledgerRoutes, { ledger: opts.ledger, actorOf, metrics, streamBufferBytes: opts.streamBufferBytes });
    return { app, metrics };
}
//# sourceMappingURL=server.js.map