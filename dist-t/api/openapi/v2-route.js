// GET /openapi/v2, negotiated as kube-openapi's handler does (pkg/handler/handler.go): walk the
// Accept clauses best first and serve the first of JSON or gnostic protobuf that one matches
// (no Accept = */* = JSON), 406 when none does; `Vary: Accept`, and one ETag (the upper-case
// SHA-512 of the JSON) for both forms. The document is static: both encodings are built once
// per server, on the first request (~40 ms, which servers kubectl never validates against skip).
import { createHash } from 'node:crypto';
import { encodeGnosticDocument } from './gnostic.js';
import { swaggerDocument } from './swagger.js';
/** What kubectl asks for; upstream answers it with the non-deprecated name below. */
export const OPENAPI_V2_PROTOBUF_DEPRECATED = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
const OFFERED = [
    ['application/json', 'json'],
    [OPENAPI_V2_PROTOBUF_DEPRECATED, 'protobuf'],
    [OPENAPI_V2_PROTOBUF, 'protobuf'],
];
/** The representation an Accept header gets, or undefined for 406. */
export function negotiateOpenApiV2(accept) {
    const clauses = (accept?.trim() ? accept : '*/*')
        .split(',')
        .map((c, i) => {
        const [media = '', ...params] = c.split(';').map((p) => p.trim());
        const [type = '', sub = ''] = media.toLowerCase().split('/');
        const q = params.find((p) => /^q=/i.test(p));
        return { type, sub, q: q ? Number(q.slice(2)) : 1, i };
    })
        .filter((c) => c.q > 0)
        // goautoneg's order: higher q first, then concrete types before wildcards.
        .sort((a, b) => b.q - a.q || Number(a.type === '*') - Number(b.type === '*') || Number(a.sub === '*') - Number(b.sub === '*') || a.i - b.i);
    for (const c of clauses) {
        for (const [offered, format] of OFFERED) {
            const [type, sub] = offered.split('/');
            if ((c.type === type || c.type === '*') && (c.sub === sub || c.sub === '*'))
                return format;
        }
    }
    return undefined;
}
function build() {
    const doc = swaggerDocument();
    const json = Buffer.from(JSON.stringify(doc));
    return { json, protobuf: Buffer.from(encodeGnosticDocument(doc)), etag: `"${createHash('sha512').update(json).digest('hex').toUpperCase()}"` };
}
export function openApiV2Routes(app) {
    let built;
    app.get('/openapi/v2', async (req, reply) => {
        reply.header('Vary', 'Accept');
        const format = negotiateOpenApiV2(req.headers.accept);
        if (!format)
            return reply.code(406).send();
        const { json, protobuf, etag } = (built ??= build());
        reply.header('Etag', etag);
        if (req.headers['if-none-match'] === etag)
            return reply.code(304).send();
        return reply.type(format === 'json' ? 'application/json' : OPENAPI_V2_PROTOBUF).send(format === 'json' ? json : protobuf);
    });
}
//# sourceMappingURL=v2-route.js.map