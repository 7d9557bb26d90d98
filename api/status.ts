// Every error leaves as a Kubernetes Status object: the domain's StatusErrors as they are, and
// fastify's own errors (bad JSON, unknown media type, too large a body) translated.

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errors, StatusError, type StatusBody } from '../domain/errors.js';

export function sendStatus(reply: FastifyReply, status: StatusBody): FastifyReply {
  // ErrorNegotiated: a Status that says when to retry says it in the header too, and client-go
  // retries on its own only when the header is there (504 ResourceVersionTooLarge).
  const retryAfter = status.details?.retryAfterSeconds;
  if (retryAfter !== undefined && retryAfter > 0) reply.header('Retry-After', String(retryAfter));
  return reply.code(status.code).type('application/json').send(status);
}

/** Maps any thrown thing to the Status kube-apiserver would answer with. */
export function toStatus(err: unknown): StatusBody {
  if (err instanceof StatusError) return err.status;
  const fe = err as FastifyError & { statusCode?: number };
  switch (fe?.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return errors.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf, application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml`).status;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.tooLarge('Request entity too large: limit is 3145728').status;
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.badRequest('the request body is empty').status;
  }
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return errors.badRequest(fe.message).status;
  return errors.internal(err instanceof Error ? err.message : String(err)).status;
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const status = toStatus(err);
  // A Status the server chose to answer (504 for a resourceVersion ahead of the log, 503 after a
  // failed write) is an answer, not a fault: one line. Anything else thrown is a bug: its stack.
  if (status.code >= 500 && err instanceof StatusError) req.log.warn({ code: status.code, reason: status.reason, url: req.url }, status.message);
  else if (status.code >= 500) req.log.error({ err }, 'request failed');
  void sendStatus(reply, status);
}
