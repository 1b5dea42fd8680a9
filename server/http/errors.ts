/**
 * Every HTTP error is JSON `{ code, message }` (shared/contracts/errors.ts). Bad input is always
 * a 4xx: malformed JSON and schema failures are 400 `invalid`, bodies over MAX_PAYLOAD_BYTES and
 * fields over their limit are 413 `too_large`. Only a fault of ours is a 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { SwitchboardError, type ErrorBody, type ErrorCode } from '../../shared/contracts/errors';

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  stale: 409,
  unknown_event: 400,
  offline: 503,
  internal: 500,
};

function codeForStatus(status: number): ErrorCode {
  if (status === 413) return 'too_large';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  return 'invalid';
}

export function sendError(reply: FastifyReply, error: SwitchboardError): FastifyReply {
  const body: ErrorBody = error.toBody();
  return reply.code(HTTP_STATUS[error.code]).send(body);
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof SwitchboardError) return sendError(reply, error);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? 'body: not valid JSON'
          : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'body: larger than the payload limit'
            : error.message;
      return reply.code(status).send({ code: codeForStatus(status), message } satisfies ErrorBody);
    }
    request.log.error(error);
    return reply.code(500).send({ code: 'internal', message: 'internal server error' } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({
        code: 'not_found',
        message: `no route ${request.method} ${request.url.split('?')[0]}`,
      } satisfies ErrorBody),
  );
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
