// Health and metrics endpoints, as kube-apiserver serves them.
export async function opsRoutes(app, opts) {
    const { ledger, metrics } = opts;
    /** The named checks, each undefined when it passes or the reason it fails. */
    const checks = {
        ping: () => undefined,
        log: () => (ledger.broken ? `the event log failed to write: ${String(ledger.broken)}` : undefined),
    };
    for (const path of ['/healthz', '/livez', '/readyz']) {
        const name = path.slice(1);
        // handleRootHealth: "ok", or with ?verbose every check and a verdict; a failure is always
        // verbose, its reasons withheld (the endpoint is public; the log has them).
        app.get(path, { config: { servedWhenBroken: true } }, async (req, reply) => {
            const lines = [];
            let failed = false;
            for (const [check, run] of Object.entries(checks)) {
                const why = run();
                if (why !== undefined) {
                    failed = true;
                    req.log.warn({ check, why }, `${name} check failed`);
                }
                lines.push(why === undefined ? `[+]${check} ok` : `[-]${check} failed: reason withheld`);
            }
            reply.type('text/plain; charset=utf-8').header('X-Content-Type-Options', 'nosniff');
            if (failed)
                return reply.code(500).send(`${lines.join('\n')}\n${name} check failed\n`);
            return 'verbose' in req.query ? `${lines.join('\n')}\n${name} check passed\n` : 'ok';
        });
        // One check on its own (adaptCheckToHandler); an unknown one is 404, as any unknown path.
        for (const [check, run] of Object.entries(checks)) {
            app.get(`${path}/${check}`, { config: { servedWhenBroken: true } }, async (_req, reply) => {
                const why = run();
                reply.type('text/plain; charset=utf-8').header('X-Content-Type-Options', 'nosniff');
                return why === undefined ? 'ok' : reply.code(500).send(`internal server error: ${why}\n`);
            });
        }
    }
    app.get('/metrics', { config: { servedWhenBroken: true } }, async (_req, reply) => {
        reply.type(metrics.registry.contentType);
        return metrics.registry.metrics();
    });
}
//# sourceMappingURL=ops.js.map