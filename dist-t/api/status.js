// Every error leaves as a Kubernetes Status object: the domain's StatusErrors as they are, and
// fastify's own errors (bad JSON, unknown media type, too large a body) translated.
import { errors, StatusError } from '../domain/errors.js';
export function sendStatus(reply, status) {
    // ErrorNegotiated: a Status that says when to retry says it in the header too, and client-go
    // retries on its own only when the header is there (504 ResourceVersionTooLarge).
    const retryAfter = status.details?.retryAfterSeconds;
    if (retryAfter !== undefined && retryAfter > 0)
        reply.header('Retry-After', String(retryAfter));
    return reply.code(status.code).type('application/json').send(status);
}
/** What kube-apiserver lists in a 415: a patch's media types for a PATCH, an object's otherwise. */
const ACCEPTED_MEDIA = {
    patch: 'application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json',
    object: 'application/json, application/yaml, application/vnd.kubernetes.protobuf',
};
/** Maps any thrown thing to the Status kube-apiserver would answer with. */
export function toStatus(err, method) {
    if (err instanceof StatusError)
        return err.status;
    const fe = err;
    switch (fe?.code) {
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
            return errors.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${ACCEPTED_MEDIA[method === 'PATCH' ? 'patch' : 'object']}`).status;
        case 'FST_ERR_BAD_URL':
        case 'FST_ERR_MAX_PARAM_LENGTH':
            return errors.badRequest(`the request path could not be decoded: ${fe.message}`).status;
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
            return errors.tooLarge('Request entity too large: limit is 3145728').status;
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
            return errors.badRequest('the request body is empty').status;
    }
    if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
        return errors.badRequest(fe.message).status;
    return errors.internal(err instanceof Error ? err.message : String(err)).status;
}
export function errorHandler(err, req, reply) {
    const status = toStatus(err, req.method);
    // A Status the server chose to answer (504 for a resourceVersion ahead of the log, 503 after a
    // failed write) is an answer, not a fault: one line. Anything else thrown is a bug: its stack.
    if (status.code >= 500 && err instanceof StatusError)
        req.log.warn({ code: status.code, reason: status.reason, url: req.url }, status.message);
    else if (status.code >= 500)
        req.log.error({ err }, 'request failed');
    void sendStatus(reply, status);
}
/**
 * A request Node's HTTP parser refused (an unknown method, a malformed request line or header):
 * no route ever sees it, so it is answered on the socket, as a Status too. kube-apiserver, whose
 * Go server parses any method token, would answer an unknown method 405; here the parser stops
 * before the method is known, so it is a 400 (431 for headers past the limit).
 */
export function clientErrorHandler(err, socket) {
    if (err.code === 'ECONNRESET' || socket.destroyed)
        return;
    const status = err.code === 'HPE_HEADER_OVERFLOW'
        ? { ...errors.badRequest('request header fields too large').status, code: 431, reason: 'RequestHeaderFieldsTooLarge' }
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
            ? { ...errors.timeout('the request was not received in time').status, code: 408 }
            : errors.badRequest(`the request could not be parsed: ${err.code === 'HPE_INVALID_METHOD' ? 'unknown method' : (err.message ?? 'malformed request')}`).status;
    const body = JSON.stringify(status);
    if (socket.writable) {
        socket.write(`HTTP/1.1 ${status.code} ${STATUS_TEXT[status.code] ?? 'Bad Request'}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy(err);
}
const STATUS_TEXT = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
//# sourceMappingURL=status.js.map